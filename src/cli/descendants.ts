/**
 * The processes a process started, directly or through others: a pager given as a shell
 * pipeline (PAGER='cat | less') runs as a shell's children, and a signal sent to the shell
 * alone leaves them running, reading the terminal the user's shell reads too.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Ids of every descendant of `pid`, children before grandchildren; empty when they cannot be listed. */
export function descendants(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [child, ppid] of table)
      if (ppid === parent && child !== pid && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
  }
  return found;
}

/** [pid, parent pid] of every process: from ps (Linux, macOS, BSD), else from /proc. */
function processTable(): Array<[number, number]> {
  const ps = spawnSync('ps', ['-A', '-o', 'pid=,ppid='], { encoding: 'utf8' });
  if (ps.status === 0 && ps.stdout)
    return ps.stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  try {
    return readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .flatMap((name): Array<[number, number]> => {
        try {
          // /proc/PID/stat: "pid (command) state ppid ..."; the command may hold spaces and parentheses.
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
          return [[Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])]];
        } catch {
          return [];
        }
      });
  } catch {
    return [];
  }
}

/**
 * True while `pid` runs. A process that has ended but not been reaped (a zombie, as a pager
 * orphaned to a PID 1 that reaps slowly) still answers signal 0; /proc tells it apart.
 */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2));
  } catch {
    return true;
  }
}
