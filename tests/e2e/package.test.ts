/** The package as npm would publish it: only what a user needs, no install scripts, and it runs once installed. */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HAS_TMUX, Terminal } from './tmux.js';

const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
  });

describe('npm package', { timeout: 180000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'purges-pack-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // Pack a copy of what `files` names, with the prepack step's package.json rewrite (pinst) but without
  // its rebuild: the tests already built dist/, and a rebuild would clean it under the other tests.
  const src = join(tmp, 'src');
  for (const f of ['package.json', 'bin', 'dist', 'data', 'README.md', 'LICENSE']) cpSync(f, join(src, f), { recursive: true });
  execFileSync(process.execPath, [join(process.cwd(), 'node_modules/pinst/bin.js'), '--disable'], { cwd: src });
  const packed = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], src);
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;

  it('holds only the built CLI, data, README, LICENSE and package.json', () => {
    const paths = info!.files.map((f) => f.path);
    for (const p of paths)
      expect(p, p).toMatch(/^(bin\/purges\.js|dist\/(data\/)?[\w.-]+\.(js|json)|data\/\w+\.json|README\.md|LICENSE|package\.json)$/);
    expect(paths).toEqual(
      expect.arrayContaining([
        'bin/purges.js',
        'dist/cli.js',
        'dist/data/people.json',
        'data/people.json',
        'README.md',
        'LICENSE',
        'package.json',
      ]),
    );
  });

  // Installed once, by whichever test runs first (each can run alone).
  const prefix = join(tmp, 'prefix');
  let install: ReturnType<typeof npm> | undefined;
  const installed = () => {
    install ??= npm(['install', '--global', '--prefix', prefix, '--prefer-offline', join(tmp, info!.filename)], tmp);
    expect(install.status, install.stderr).toBe(0);
    return join(prefix, 'bin', 'purges');
  };

  it('installs into a fresh prefix with no install-script warning and runs purges person kirov', () => {
    const bin = installed();
    expect(install!.stderr).not.toMatch(/install-scripts|allow-scripts/);
    const r = spawnSync(bin, ['person', 'kirov'], {
      encoding: 'utf8',
      // Its code cache goes to this folder, not the user's cache folder.
      env: { ...process.env, NO_COLOR: '1', PURGES_HOME: tmp },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Sergei Kirov {2}Сергей Миронович Киров\n/);
  });

  it('the installed package runs only what its dependencies hold (no devDependency loaded at run time)', () => {
    const bin = installed();
    const env = { ...process.env, NO_COLOR: '1', PURGES_HOME: join(tmp, 'home') };
    for (const args of [
      ['timeline', '--from', '1937', '--to', '1937'],
      ['stats', '--format', 'csv'],
      ['quiz', '--worksheet', '--count', '2', '--seed', 'x'],
      ['search', 'yezhov'],
    ]) {
      const r = spawnSync(bin, args, { encoding: 'utf8', env });
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status, args.join(' ')).toBe(0);
    }
  });

  // The interactive quiz (prompts, scheduling, locking and atomic saving: all bundled) in a
  // real terminal, one question answered once it is on the screen.
  it.skipIf(!HAS_TMUX)('the installed package plays a quiz question and saves the answer', async () => {
    const home = join(tmp, 'quiz-home');
    const term = Terminal.start(`'${installed()}' quiz --count 1 --seed pkg; echo "exit=$?"`, {
      NO_COLOR: '1',
      PURGES_HOME: home,
      PATH: process.env.PATH ?? '',
    });
    try {
      await term.waitFor(/\(1\/1\)/, 30000);
      term.send('1');
      const screen = await term.waitFor(/exit=\d+/, 30000);
      expect(screen).toMatch(/Next review due/);
      expect(screen).toMatch(/exit=0/);
      expect(screen).not.toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND|internal error/);
    } finally {
      term.kill();
    }
    expect(Object.keys(JSON.parse(readFileSync(join(home, 'progress.json'), 'utf8')).cards)).toHaveLength(1);
  });
});
