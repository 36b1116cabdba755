/**
 * Code-unit order for ties between ids, dates and titles. Not localeCompare: that loads
 * ICU's collator (~3 MB of RSS and a few ms) for orderings no reader sees.
 */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
