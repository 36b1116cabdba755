/**
 * A progress bar on stderr for long work (indexing a big pack): what is being done, a bar,
 * the share done, the records so far and the time left. Only on a terminal: in a pipe or a
 * log it stays silent. Redrawn at most ten times a second, and cleared when the work ends.
 */
import type { Progress } from '../kb/progress.js';
import { quietProgress } from '../kb/progress.js';
import { sanitizeLine } from '../render/sanitize.js';
import type { Output } from './context.js';

/** `1m 05s`, `42s`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** One line of the bar, at most `width` columns. */
export function progressLine(
  label: string,
  done: number,
  total: number,
  records: number | undefined,
  elapsedMs: number,
  width: number,
): string {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const count = records === undefined ? '' : `  ${records.toLocaleString('en-US')} records`;
  const eta = total > 0 && done > 0 && elapsedMs > 1000 ? `  ETA ${formatDuration((elapsedMs * (total - done)) / done)}` : '';
  const tail = total > 0 ? `  ${String(Math.floor(share * 100)).padStart(3)}%${count}${eta}` : `  ${formatDuration(elapsedMs)}`;
  const head = `purges: ${label} `;
  // A bar of fixed length, shown when the line has room for it and the longest tail.
  const BAR = 20;
  if (total > 0 && width - 1 - head.length - 40 >= BAR + 2) {
    const filled = Math.round(share * BAR);
    return `${head}[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}]${tail}`;
  }
  return `${head}${tail}`.slice(0, width - 1);
}

/** A progress bar drawn on `err` when it is a terminal, else nothing. */
export function progressBar(err: Output, now: () => number = Date.now): Progress {
  if (!err.isTTY) return quietProgress;
  let label = '';
  let total = 0;
  let started = 0;
  let drawn = 0;
  let shown = false;
  const draw = (done: number, records?: number) => {
    err.write(`\r${progressLine(label, done, total, records, now() - started, err.columns)}\u001b[K`);
    shown = true;
  };
  return {
    phase(l, t) {
      label = sanitizeLine(l);
      total = t;
      started = now();
      draw(0);
    },
    tick(done, records) {
      if (now() - drawn < 100) return;
      drawn = now();
      draw(done, records);
    },
    end() {
      if (shown) err.write('\r\u001b[K');
      shown = false;
    },
  };
}
