/**
 * Search normalisation: one Latin, lowercase, diacritic-free spelling for every way a
 * Russian name is written, so `Ежов`, `Ezhov` and `Yezhov` meet at `ezhov`.
 */

// A scholarly (Library of Congress-like) transliteration; the rules below then fold the
// popular variants (Yezhov, Blyukher, Tukhachevsky) onto it.
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
  і: 'i',
  ї: 'i',
  є: 'e',
  ў: 'u',
  ґ: 'g',
};

// Applied in order, and again until nothing changes: a fold can make room for an earlier one
// ("oj" -> "oi" -> "o"), and the spelling must be a fixed point, or a normalised text would not
// find itself (normalize(normalize(s)) === normalize(s), a property test). Every fold works
// inside one word, so words are folded one at a time and remembered: summaries repeat them.
const FOLDS: Array<[RegExp, string]> = [
  [/\by(?=[aeiou])/g, 'i'], // Yagoda -> iagoda, Yezhov -> iezhov
  [/([aeiou])y(?=[aeiou])/g, '$1i'], // Mayakovsky -> maiakovsky
  [/([^aeiou ])y(?=[aeiou])/g, '$1i'], // Blyukher -> bliukher
  [/\bie/g, 'e'], // iezhov -> ezhov (Е at the start of a word)
  [/(?:ii|iy|yi|y|ij)\b/g, 'i'], // Tukhachevsky / -skii / -skij -> tukhachevski
  [/([aeiou])i\b/g, '$1'], // Nikolai / Nikolay -> nikola (й after a vowel)
  [/(?<=[a-z])ie(?=[a-z])/g, 'e'], // Zinoviev / Zinovev
  [/j/g, 'i'], // German and Polish j
  [/w/g, 'v'], // German w (Jeschow)
  [/sch/g, 'sh'],
  [/tz/g, 'ts'],
  [/x/g, 'ks'],
  [/(.)\1+/g, '$1'], // doubled letters: Zinovyev/Kossior/Kosior
];
// Real text settles in two passes (the second changes nothing); the bound only guards against
// a future rule that would undo another.
const MAX_PASSES = 8;

/** Lowercase, strip diacritics and transliterate Cyrillic: the spelling as written, in Latin letters. */
export function latinLower(text: string): string {
  const s = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return s.replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? '');
}

/** A word's folded spelling, remembered (a bounded cache: a pack of millions of names has many). */
const folded = new Map<string, string>();
const MAX_REMEMBERED = 50_000;

function foldWord(word: string): string {
  let s: string | undefined = folded.get(word);
  if (s !== undefined) return s;
  s = word;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before: string = s;
    for (const [pattern, replacement] of FOLDS) s = s.replace(pattern, replacement);
    if (s === before) break;
  }
  if (folded.size >= MAX_REMEMBERED) folded.clear();
  folded.set(word, s);
  return s;
}

/** Lowercase, strip diacritics, transliterate Cyrillic, fold spelling variants, keep words. */
export function normalize(text: string): string {
  const words = latinLower(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return words === '' ? '' : words.split(' ').map(foldWord).join(' ');
}
