import type { Claim, Source } from '../kb/schema.js';
import { sanitizeLine } from './sanitize.js';
import { type CardStyle, field, hanging, heading, sourcesList } from './card.js';

const MARK: Record<string, string> = { accurate: '✔', inaccurate: '✘', disputed: '≈', unsupported: '?' };

/** A verdict with its mark, coloured: green right, red wrong, yellow between. */
export function verdict(v: string, { style }: CardStyle): string {
  return (v === 'accurate' ? style.green : v === 'inaccurate' ? style.red : style.yellow)(`${MARK[v] ?? '?'} ${v}`);
}

/** Everything the card of one claim shows. */
export interface ClaimView {
  claim: Claim;
  sources: readonly Source[];
  origin?: Source;
}

/** One claim in full: verdict and claim, best figure, why, where it comes from, its sources cited in full. */
export function renderClaim({ claim: c, sources, origin }: ClaimView, card: CardStyle): string {
  const { style, width } = card;
  const out = [hanging(`${verdict(c.verdict, card)}  `, 2, style.bold(sanitizeLine(c.claim)), width)];
  if (c.figure) out.push(field('Best figure', c.figure, card));
  out.push(field('Why', c.explanation, card));
  out.push(field('Claimed in', c.origin, card));
  if (origin) out.push(field('Origin source', origin.id, card));
  out.push(field('Id', c.id, card));
  out.push('', heading('Sources', card), sourcesList(sources, card));
  return `${out.join('\n')}\n`;
}
