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
  [/(.)\1/g, '$1'], // doubled letters: Zinovyev/Kossior/Kosior
];

/** Lowercase, strip diacritics and transliterate Cyrillic: the spelling as written, in Latin letters. */
export function latinLower(text: string): string {
  const s = text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
  return s.replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? '');
}

/** Lowercase, strip diacritics, transliterate Cyrillic, fold spelling variants, keep words. */
export function normalize(text: string): string {
  let s = latinLower(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [pattern, replacement] of FOLDS) s = s.replace(pattern, replacement);
  return s;
}
