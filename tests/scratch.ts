/**
 * Vitest global setup: every test's scratch files live under one folder of this run, removed at
 * the end, so `npm test` leaves nothing behind in the temp folder or the user's home. TMPDIR is
 * what os.tmpdir() reads (in the workers and in every CLI the tests spawn); the XDG folders and
 * PURGES_HOME keep caches and progress out of the real home; TMUX_TMPDIR holds tmux's sockets.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const outer = tmpdir();
  const before = new Set(readdirSync(outer));
  const root = mkdtempSync(join(outer, 'purges-test-'));
  const vars = {
    TMPDIR: root,
    TMUX_TMPDIR: root,
    XDG_CACHE_HOME: join(root, 'xdg-cache'),
    XDG_CONFIG_HOME: join(root, 'xdg-config'),
    XDG_DATA_HOME: join(root, 'xdg-data'),
    XDG_STATE_HOME: join(root, 'xdg-state'),
  };
  Object.assign(process.env, vars);
  return () => {
    rmSync(root, { recursive: true, force: true });
    // Anything new beside our folder escaped it: say so, so the test that wrote it gets fixed. Only
    // where this run is alone on the machine (CI, or asked for): other runs' files would be blamed.
    if (!process.env.CI && !process.env.PURGES_CHECK_TMP) return;
    const escaped = readdirSync(outer).filter((f) => !before.has(f) && !f.startsWith('purges-test-') && /purges|tmux|vitest/i.test(f));
    if (escaped.length > 0) {
      // A teardown's throw does not change vitest's exit code; this does.
      process.stderr.write(`\nFAIL: tests left files in ${outer}: ${escaped.join(', ')}\n`);
      process.exitCode = 1;
    }
  };
}
