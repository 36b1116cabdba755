import type { Source } from '../kb/schema.js';
import { splitName } from './bibliography.js';
import { sanitizeLine } from './sanitize.js';

/**
 * Text for a BibTeX field. BibTeX counts every brace, escaped or not, so a stray brace from
 * the data would end the field (or the entry) early: braces become \textbraceleft{} and
 * \textbraceright{}, whose own braces are balanced. LaTeX's other special characters are
 * escaped; escape sequences and control characters are dropped first.
 */
export function bibEscape(text: string): string {
  return sanitizeLine(text).replace(/[\\{}&%$#_~^]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\textbackslash{}';
      case '{':
        return '\\textbraceleft{}';
      case '}':
        return '\\textbraceright{}';
      case '~':
        return '\\textasciitilde{}';
      case '^':
        return '\\textasciicircum{}';
      default:
        return `\\${c}`;
    }
  });
}

/** A URL for BibTeX's url field: taken verbatim by the url package, so braces, backslashes and spaces are percent-encoded instead. */
function bibUrl(url: string): string {
  return sanitizeLine(url).replace(/[{}\\\s%]/g, (c) => (c === '%' ? '\\%' : encodeURIComponent(c)));
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
        ['volume', s.volume && bibEscape(s.volume)],
        ['number', s.issue && bibEscape(s.issue)],
        ['pages', s.pages && bibEscape(s.pages).replace(/\s*[-–]+\s*/g, '--')],
        ['publisher', s.publisher && bibEscape(s.publisher)],
        ['year', s.year?.toString()],
        ['url', s.url && bibUrl(s.url)],
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
