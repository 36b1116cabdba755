import type { Source } from '../kb/schema.js';
import { splitName } from './bibliography.js';

/** "Lenoe 2010", "Getty & Naumov 1999", "Getty et al. 1993": how tables cite a source. */
export function shortCite(s: Source): string {
  const names = s.authors.map(splitName).map((n) => n.literal ?? n.family!);
  const who = names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} & ${names[1]}` : `${names[0]} et al.`;
  return `${who} ${s.year ?? 'n.d.'}`;
}
