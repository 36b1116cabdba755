/** The package as npm would publish it: only what a user needs, and it runs once installed. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const npm = (args: string[], cwd = process.cwd()) =>
  execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false' },
  });

describe('npm package', { timeout: 180000 }, () => {
  // --ignore-scripts: the tests already built dist/, and a rebuild would clean it under the other tests.
  const out = mkdtempSync(join(tmpdir(), 'purges-pack-'));
  const [info] = JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out])) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;

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

  it('installs into a fresh prefix and runs purges person kirov', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'purges-prefix-'));
    npm(['install', '--global', '--prefix', prefix, '--prefer-offline', join(out, info!.filename)]);
    const r = spawnSync(join(prefix, 'bin', 'purges'), ['person', 'kirov'], {
      encoding: 'utf8',
      // Its code cache goes to this prefix, not the user's cache folder.
      env: { ...process.env, NO_COLOR: '1', PURGES_HOME: prefix },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Sergei Kirov {2}Сергей Миронович Киров\n/);
  });
});
