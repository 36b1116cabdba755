import { execFileSync, spawnSync } from 'node:child_process';

/** True when tmux is installed (CI installs it; see .ci/run). */
export const HAS_TMUX = spawnSync('tmux', ['-V']).status === 0;

export const SOCKET = `purges-test-${process.pid}`;

/** A program running in a real terminal (a detached tmux session), driven by keys. */
export class Terminal {
  private constructor(readonly name: string) {}

  /** Starts `command` (a shell line) in a terminal, 100x30 unless told. */
  static start(command: string, env: Record<string, string>, size: [number, number] = [100, 30]): Terminal {
    const name = `t${Math.random().toString(36).slice(2, 8)}`;
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}='${v}'`)
      .join(' ');
    const args = [
      '-L',
      SOCKET,
      'new-session',
      '-d',
      '-s',
      name,
      '-x',
      String(size[0]),
      '-y',
      String(size[1]),
      `env ${exports} sh -c '${command.replace(/'/g, "'\\''")}'; sleep 60`,
    ];
    // A tmux server whose last session just ended may refuse a new one for a moment: try again.
    for (let attempt = 0; ; attempt++) {
      try {
        execFileSync('tmux', args, { stdio: 'pipe' });
        break;
      } catch (e) {
        if (attempt >= 5) throw e;
        spawnSync('sleep', ['0.2']);
      }
    }
    return new Terminal(name);
  }

  /** The visible screen as text. */
  screen(): string {
    return execFileSync('tmux', ['-L', SOCKET, 'capture-pane', '-p', '-J', '-S', '-200', '-t', this.name], { encoding: 'utf8' });
  }

  /** Waits until the screen matches, or fails with what the screen shows. */
  async waitFor(pattern: RegExp, timeoutMs = 10000): Promise<string> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const text = this.screen();
      if (pattern.test(text)) return text;
      if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; screen:\n${text}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Sends keys as tmux names them: 'Enter', 'C-c', 'Down', or literal text. */
  send(...keys: string[]): void {
    execFileSync('tmux', ['-L', SOCKET, 'send-keys', '-t', this.name, ...keys]);
  }

  /** A tmux format value of the pane: '#{pane_title}', '#{cursor_flag}' (1 when the cursor is shown). */
  show(format: string): string {
    return execFileSync('tmux', ['-L', SOCKET, 'display-message', '-p', '-t', this.name, format], { encoding: 'utf8' }).trim();
  }

  /** Ends the session. */
  kill(): void {
    spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', this.name]);
  }
}
