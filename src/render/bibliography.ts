import type { Source } from '../kb/schema.js';
import { sanitizeLine } from './sanitize.js';
import { sentenceCase } from './sentence-case.js';

/** Citation styles for essays. */
export const CITATION_STYLES = ['chicago', 'apa', 'mla'] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];

// Corporate authors are cited whole, never as "Surname, Given".
const INSTITUTION =
  /\b(society|encyclopa?edia|institute|committee|commission|archive|memorial|britannica|universalis|centre|center|project|times|kommersant|izvestiia|pravda|congress|press|international|agency|radio|ministry|university|library)\b/i;

/** A name split for citation: family and given names, or an institution kept whole. */
export interface Name {
  family?: string;
  given?: string;
  literal?: string;
}

/** "J. Arch Getty" -> { family: "Getty", given: "J. Arch" }. */
export function splitName(author: string): Name {
  if (INSTITUTION.test(author)) return { literal: author };
  // "Mariia Tortika (Lobanova)": the bracketed maiden name is not part of the citation form.
  const parts = author
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .trim()
    .split(/\s+/);
  const suffix = /^(Jr\.?|Sr\.?|II|III)$/.test(parts.at(-1) ?? '') ? parts.pop() : undefined;
  if (parts.length === 1) return { literal: author };
  return { family: parts.at(-1)!, given: `${parts.slice(0, -1).join(' ')}${suffix ? `, ${suffix}` : ''}` };
}

/**
 * How a citation is written out: `text` for every piece taken from the data (it cleans it,
 * and escapes it for Markdown), `italic` for titles (ANSI italic on a terminal, `*...*` in
 * Markdown, nothing in plain text).
 */
export interface CiteFormat {
  text: (s: string) => string;
  italic: (s: string) => string;
  /** A web address; `bare` when written without its scheme (MLA). */
  link: (url: string, bare: boolean) => string;
}

/** Plain text: cleaned, no italics. */
export const PLAIN_CITE: CiteFormat = { text: sanitizeLine, italic: (s) => s, link: sanitizeLine };

const mdText = (s: string) => sanitizeLine(s).replace(/([\\`*_[\]<>#|])/g, '\\$1');

/** Markdown: cleaned, Markdown's own characters escaped, titles in `*...*`, addresses as autolinks. */
export const MARKDOWN_CITE: CiteFormat = {
  text: mdText,
  italic: (s) => (s === '' ? s : `*${s}*`),
  // An autolink is taken literally; without a scheme it would not be one, so it is escaped text.
  link: (url, bare) => (bare ? mdText(url) : `<${sanitizeLine(url).replace(/[<>\s]/g, encodeURIComponent)}>`),
};

/** A terminal: cleaned, titles in ANSI italic through `italic` (chalk's, or none when colour is off). */
export function terminalCite(italic: (s: string) => string): CiteFormat {
  return { text: sanitizeLine, italic, link: sanitizeLine };
}

const end = (s: string) => (/[.?!]["'”’]?$/.test(s) ? s : `${s}.`);

function initials(n: Name): string {
  if (n.literal) return n.literal;
  const [given, suffix] = n.given!.split(', ');
  const letters = given!
    .split(/\s+/)
    .map((g) =>
      g
        .split('-')
        .map((part) => `${part[0]}.`)
        .join('-'),
    )
    .join(' ');
  return `${n.family}, ${letters}${suffix ? `, ${suffix}` : ''}`;
}

const inverted = (n: Name) => n.literal ?? `${n.family}, ${n.given}`;
const natural = (n: Name) => n.literal ?? `${n.given} ${n.family}`;

function chicagoAuthors(names: Name[]): string {
  if (names.length === 1) return inverted(names[0]!);
  if (names.length === 2) return `${inverted(names[0]!)}, and ${natural(names[1]!)}`;
  return `${inverted(names[0]!)}, ${names.slice(1, -1).map(natural).join(', ')}, and ${natural(names.at(-1)!)}`;
}

/** APA 7: every author (up to 20) by surname and initials, the last after "&". */
function apaAuthors(names: Name[]): string {
  const list = names.map(initials);
  if (list.length === 1) return list[0]!;
  if (list.length > 20) return `${list.slice(0, 19).join(', ')}, . . . ${list.at(-1)}`;
  return `${list.slice(0, -1).join(', ')}, & ${list.at(-1)}`;
}

/** MLA 9: one author inverted; two joined by "and"; three or more as the first "et al." */
function mlaAuthors(names: Name[]): string {
  if (names.length === 1) return inverted(names[0]!);
  if (names.length === 2) return `${inverted(names[0]!)}, and ${natural(names[1]!)}`;
  return `${inverted(names[0]!)}, et al.`;
}

/** MLA 9 shortens university presses: "Yale University Press" -> "Yale UP", "University of Hawai'i Press" -> "U of Hawai'i P". */
export function mlaPublisher(publisher: string): string {
  if (!/\bUniversity\b/.test(publisher) || !/\bPress\b/.test(publisher)) return publisher;
  return publisher
    .replace(/\bUniversity Press\b/g, 'UP')
    .replace(/\bUniversity\b/g, 'U')
    .replace(/\bPress\b/g, 'P');
}

/** MLA 9 gives a page range's second number in full up to 99, else its last two digits when enough: 1017-1049 -> 1017-49. */
export function mlaPages(pages: string): string {
  const m = /^(\d+)\s*[-–]+\s*(\d+)$/.exec(pages.trim());
  if (!m) return /^\d+$/.test(pages.trim()) ? `p. ${pages.trim()}` : `pp. ${pages}`;
  const [, a, b] = m as unknown as [string, string, string];
  if (b.length !== a.length || Number(b) < 100) return `pp. ${a}-${b}`;
  let keep = 2;
  while (keep < b.length && a.slice(0, a.length - keep) !== b.slice(0, b.length - keep)) keep++;
  return `pp. ${a}-${b.slice(b.length - keep)}`;
}

/** MLA 9 leaves the scheme off web addresses (but not off DOIs). */
const bareUrl = (url: string) => (/doi\.org\//.test(url) ? url : url.replace(/^https?:\/\//, ''));

/** An institution that is also the work's publisher or title is not repeated as its author (MLA 9). */
function authorIsTheWork(s: Source, names: Name[]): boolean {
  const only = names.length === 1 ? names[0]!.literal : undefined;
  return only !== undefined && (s.publisher === only || s.title.startsWith(only) || s.journal === only);
}

/**
 * One bibliography entry: Chicago 17 (notes and bibliography), APA 7 or MLA 9. Titles go
 * through `f.italic`; every piece of data through `f.text`.
 */
export function formatCitation(s: Source, citation: CitationStyle, f: CiteFormat): string {
  const names = s.authors.map((a) => splitName(a));
  const t = f.text;
  const it = (x: string) => f.italic(t(x));
  // A title in italics, then the full stop outside them (none after "?" or "!").
  const itEnd = (x: string) => (/[.?!]$/.test(x) ? f.italic(x) : `${f.italic(x)}.`);
  const isArticle = s.journal !== undefined;
  const url = s.url ? f.link(s.url, false) : undefined;
  switch (citation) {
    case 'chicago': {
      const year = s.year ?? 'n.d.';
      const head = end(t(chicagoAuthors(names)));
      if (isArticle) {
        const vol = [s.volume && t(s.volume), s.issue ? `no. ${t(s.issue)}` : undefined].filter(Boolean).join(', ');
        // "Journal 98, no. 4 (1993)", or "Journal, no. 2 (1992)" when there is no volume.
        const volume = vol ? (s.volume ? ` ${vol}` : `, ${vol}`) : '';
        return `${head} "${end(t(s.title))}" ${it(s.journal!)}${volume} (${year})${s.pages ? `: ${t(s.pages)}` : ''}.${url ? ` ${url}.` : ''}`;
      }
      return `${head} ${itEnd(t(s.title))} ${end(`${s.publisher ? `${t(s.publisher)}, ` : ''}${year}`)}${url ? ` ${url}.` : ''}`;
    }
    case 'apa': {
      // APA 7: sentence-case titles; the journal, its volume and book titles in italics;
      // no full stop after a URL.
      const head = `${end(t(apaAuthors(names)))} (${s.year ?? 'n.d.'}).`;
      const title = t(sentenceCase(s.title));
      const tail = url ? ` ${url}` : '';
      if (isArticle) {
        const vol = s.volume ? `, ${f.italic(t(s.volume))}${s.issue ? `(${t(s.issue)})` : ''}` : '';
        const pages = s.pages ? `, ${t(s.pages).replace(/\s*-+\s*/, '–')}` : '';
        return `${head} ${end(title)} ${it(s.journal!)}${vol}${pages}.${tail}`;
      }
      const publisher = s.publisher && !authorIsTheWork(s, names) ? ` ${end(t(s.publisher))}` : '';
      return `${head} ${itEnd(title)}${publisher}${tail}`;
    }
    case 'mla': {
      const head = authorIsTheWork(s, names) ? '' : `${end(t(mlaAuthors(names)))} `;
      const link = s.url ? f.link(bareUrl(s.url), !/doi\.org\//.test(s.url)) : undefined;
      if (isArticle) {
        const parts = [
          it(s.journal!),
          s.volume ? `vol. ${t(s.volume)}` : undefined,
          s.issue ? `no. ${t(s.issue)}` : undefined,
          s.year?.toString(),
          s.pages ? t(mlaPages(s.pages)) : undefined,
          link,
        ];
        return `${head}"${end(t(s.title))}" ${parts.filter(Boolean).join(', ')}.`;
      }
      const rest = [s.publisher ? t(mlaPublisher(s.publisher)) : undefined, s.year?.toString(), link].filter(Boolean).join(', ');
      return `${head}${itEnd(t(s.title))}${rest ? ` ${rest}.` : ''}`;
    }
  }
}
