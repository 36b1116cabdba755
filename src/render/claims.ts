import type { ChalkInstance } from 'chalk';
import type { Claim } from '../kb/schema.js';
import { sanitizeLine } from './sanitize.js';
import { hanging } from './card.js';

const MARK: Record<string, string> = { accurate: '✔', inaccurate: '✘', disputed: '≈', unsupported: '?' };

/** Checked claims as cards: verdict and claim, best figure, why, where the claim comes from, sources. */
export function renderClaims(
  claims: readonly Claim[],
  cite: (ids: readonly string[]) => string,
  { style, width }: { style: ChalkInstance; width: number },
): string {
  const paint = (v: string) => (v === 'accurate' ? style.green : v === 'inaccurate' ? style.red : style.yellow)(`${MARK[v]} ${v}`);
  return claims
    .map((c) => {
      const lines = [hanging(`${paint(c.verdict)}  `, 2, style.bold(sanitizeLine(c.claim)), width)];
      const field = (label: string, text: string) => lines.push(hanging(`  ${style.dim(label.padEnd(13))}`, 15, sanitizeLine(text), width));
      if (c.figure) field('Best figure', c.figure);
      field('Why', c.explanation);
      field('Claimed in', c.origin);
      field('Sources', cite(c.sources));
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}
