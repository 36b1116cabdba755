import type { ChalkInstance } from 'chalk';
import type { Source } from '../kb/schema.js';
import { sanitizeLine } from './sanitize.js';

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

const inverted = (n: Name) => n.literal ?? `${n.family}, ${n.given}`;
const natural = (n: Name) => n.literal ?? `${n.given} ${n.family}`;
const initials = (n: Name) => {
  if (n.literal) return n.literal;
  const [given, suffix] = n.given!.split(', ');
  return `${n.family}, ${given!
    .split(/[\s-]+/)
    .map((g) => `${g[0]}.`)
    .join(' ')}${suffix ? `, ${suffix}` : ''}`;
};

function chicagoAuthors(names: Name[]): string {
  if (names.length === 1) return inverted(names[0]!);
  if (names.length === 2) return `${inverted(names[0]!)}, and ${natural(names[1]!)}`;
  return `${inverted(names[0]!)}, ${names.slice(1, -1).map(natural).join(', ')}, and ${natural(names.at(-1)!)}`;
}

function apaAuthors(names: Name[]): string {
  const list = names.map(initials);
  if (list.length === 1) return list[0]!;
  return `${list.slice(0, -1).join(', ')}, & ${list.at(-1)}`;
}

function mlaAuthors(names: Name[]): string {
  if (names.length === 1) return inverted(names[0]!);
  if (names.length === 2) return `${inverted(names[0]!)}, and ${natural(names[1]!)}`;
  return `${inverted(names[0]!)}, et al`;
}

const end = (s: string) => (/[.?!]$/.test(s) ? s : `${s}.`);

/** One bibliography entry in a style; titles in italics through `style` (plain when colour is off). */
export function formatCitation(s: Source, citation: CitationStyle, style: ChalkInstance): string {
  const names = s.authors.map(splitName);
  const it = (t: string) => style.italic(t);
  const isArticle = s.journal !== undefined;
  const year = s.year ?? 'n.d.';
  const url = s.url ? ` ${s.url}.` : '';
  switch (citation) {
    case 'chicago': {
      if (isArticle) {
        const vol = [s.volume, s.issue ? `no. ${s.issue}` : undefined].filter(Boolean).join(', ');
        return `${end(chicagoAuthors(names))} "${end(s.title)}" ${it(s.journal!)}${vol ? ` ${vol}` : ''} (${year})${s.pages ? `: ${s.pages}` : ''}.${url}`;
      }
      return `${end(chicagoAuthors(names))} ${it(end(s.title))} ${end(`${s.publisher ? `${s.publisher}, ` : ''}${year}`)}${url}`;
    }
    case 'apa': {
      const head = `${end(apaAuthors(names))} (${year}).`;
      if (isArticle) {
        const vol = s.volume ? `, ${it(s.volume)}${s.issue ? `(${s.issue})` : ''}` : '';
        return `${head} ${end(s.title)} ${it(s.journal!)}${vol}${s.pages ? `, ${s.pages}` : ''}.${url}`;
      }
      return `${head} ${it(end(s.title))}${s.publisher ? ` ${end(s.publisher)}` : ''}${url}`;
    }
    case 'mla': {
      if (isArticle) {
        const parts = [
          it(s.journal!),
          s.volume ? `vol. ${s.volume}` : undefined,
          s.issue ? `no. ${s.issue}` : undefined,
          s.year?.toString(),
          s.pages ? `pp. ${s.pages}` : undefined,
        ];
        return `${end(mlaAuthors(names))} "${end(s.title)}" ${parts.filter(Boolean).join(', ')}.${url}`;
      }
      const pub = [s.publisher, s.year?.toString()].filter(Boolean).join(', ');
      return `${end(mlaAuthors(names))} ${it(end(s.title))}${pub ? ` ${pub}.` : ''}${url}`;
    }
  }
}

function bibEscape(text: string): string {
  return sanitizeLine(text)
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');
}

/** BibTeX entries (@article or @book; @misc for databases and web pages). */
export function toBibtex(sources: readonly Source[]): string {
  return sources
    .map((s) => {
      const type = s.journal ? 'article' : s.publisher ? 'book' : 'misc';
      const author = s.authors
        .map(splitName)
        .map((n) => (n.literal ? `{${bibEscape(n.literal)}}` : `${bibEscape(n.family!)}, ${bibEscape(n.given!)}`))
        .join(' and ');
      const fields: Array<[string, string | undefined]> = [
        ['author', author],
        ['title', `{${bibEscape(s.title)}}`],
        ['journal', s.journal && bibEscape(s.journal)],
        ['volume', s.volume],
        ['number', s.issue],
        ['pages', s.pages?.replace(/-/g, '--')],
        ['publisher', s.publisher && bibEscape(s.publisher)],
        ['year', s.year?.toString()],
        ['url', s.url],
        ['note', s.note && bibEscape(s.note)],
      ];
      const body = fields
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `  ${k} = {${v}}`)
        .join(',\n');
      return `@${type}{${s.id},\n${body}\n}\n`;
    })
    .join('\n');
}

/** CSL-JSON items, the format Zotero and pandoc import. */
export function toCslJson(sources: readonly Source[]): object[] {
  return sources.map((s) => ({
    id: s.id,
    type: s.journal ? 'article-journal' : s.publisher ? 'book' : s.url ? 'webpage' : 'document',
    author: s.authors.map(splitName).map((n) => (n.literal ? { literal: n.literal } : { family: n.family, given: n.given })),
    title: s.title,
    ...(s.year ? { issued: { 'date-parts': [[s.year]] } } : {}),
    ...(s.journal ? { 'container-title': s.journal } : {}),
    ...(s.volume ? { volume: s.volume } : {}),
    ...(s.issue ? { issue: s.issue } : {}),
    ...(s.pages ? { page: s.pages } : {}),
    ...(s.publisher ? { publisher: s.publisher } : {}),
    ...(s.url ? { URL: s.url } : {}),
    ...(s.note ? { note: s.note } : {}),
  }));
}
