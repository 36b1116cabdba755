import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { expectGolden, HOME, purges } from './run.js';

describe('golden output (fixture knowledge base, NO_COLOR, in a pipe)', () => {
  it('timeline --from 1934 --to 1934', () => {
    const r = purges(['timeline', '--from', '1934', '--to', '1934']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expectGolden('timeline-1934.txt', r.stdout);
  });

  it('person kirov', () => {
    const r = purges(['person', 'kirov']);
    expect(r.code).toBe(0);
    expectGolden('person-kirov.txt', r.stdout);
  });

  it('stats', () => {
    const r = purges(['stats']);
    expect(r.code).toBe(0);
    expectGolden('stats.txt', r.stdout);
  });

  it('person kirv: not found, with a suggestion', () => {
    const r = purges(['person', 'kirv']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expectGolden('person-not-found.txt', r.stderr);
  });
});

describe('JSON output', () => {
  it('timeline --json is an array of events with schema field names', () => {
    const r = purges(['timeline', '--from', '1937', '--to', '1938', '--json']);
    const events = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(events.map((e) => e.id)).toEqual(['order-00447', 'third-moscow-trial', 'blyukher-death']);
    expect(Object.keys(events[0]!)).toEqual(expect.arrayContaining(['id', 'date', 'title', 'summary', 'category', 'people', 'sources']));
  });

  it('person --json is an object with its events', () => {
    const p = JSON.parse(purges(['person', 'Ежов', '--json']).stdout);
    expect(p).toMatchObject({ id: 'yezhov', born: '1895-05-01', died: '1940-02-04', fate: 'executed' });
    expect(p.events.map((e: { id: string }) => e.id)).toEqual(['yezhov-appointed', 'order-00447', 'yezhov-execution']);
  });

  it.each([
    [['people'], 'array'],
    [['stats'], 'array'],
    [['claims'], 'array'],
    [['search', 'yezhov'], 'array'],
    [['sources'], 'array'],
    [['today', '--date', '12-01'], 'array'],
    [['event', 'kirov-assassination'], 'object'],
  ])('%j --json prints one %s', (args, kind) => {
    const r = purges([...args, '--json']);
    expect(r.code).toBe(0);
    const value = JSON.parse(r.stdout);
    expect(Array.isArray(value)).toBe(kind === 'array');
  });
});

describe('terminal conventions', () => {
  it('prints no colour codes in a pipe, even without NO_COLOR', () => {
    const r = purges(['timeline'], { env: { NO_COLOR: undefined } });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('colours when forced', () => {
    expect(purges(['timeline'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toMatch(/\u001b\[/);
    expect(purges(['timeline', '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toMatch(/\u001b\[/);
  });

  it('prints plain tab-separated tables in a pipe, and csv on request', () => {
    expect(purges(['people']).stdout.split('\n')[0]).toBe('id\tname\tborn\tdied\tfate\tmain role');
    expect(purges(['people', '--format', 'csv']).stdout.split('\n')[1]).toBe(
      'blyukher,Vasily Blyukher,1889-12-01,1938-11-09,died-in-custody,Commander of the Special Red Banner Far Eastern Army',
    );
  });

  it('--version and --help exit 0', () => {
    expect(purges(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = purges(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('timeline');
    expect(help.stdout).toContain('Examples:');
  });

  it.each(['timeline', 'today', 'person', 'people', 'event', 'stats', 'claims', 'search', 'sources', 'validate', 'completion'])(
    '%s --help has an example',
    (command) => {
      const r = purges([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Examples:\n\s+\$ purges /);
    },
  );

  it('exits quietly when the reader closes the pipe', () => {
    const piped = spawnSync('bash', ['-c', `node bin/purges.js timeline | head -1; echo "status=\${PIPESTATUS[0]}"`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', PURGES_HOME: HOME },
    });
    expect(piped.stdout).toMatch(/status=0/);
    expect(piped.stderr).toBe('');
  });
});

describe('errors', () => {
  it.each([
    [['timelin'], 2, /unknown command 'timelin'\. Did you mean 'purges timeline'\?/],
    [['timeline', '--frm', '1934'], 2, /unknown option '--frm' \(Did you mean --from\?\)/],
    [['timeline', '--from', '1938', '--to', '1934'], 2, /--from 1938 is after --to 1934/],
    [['timeline', '--category', 'trail'], 2, /Did you mean trial\?/],
    [['person'], 2, /missing required argument/],
    [['person', 'nikolai'], 1, /matches 2 people: Nikolai Bukharin \(bukharin\), Nikolai Yezhov \(yezhov\)/],
    [['sources', 'lenoe-201'], 1, /Did you mean lenoe-2010\?/],
    // Inside this run's own folder: a fixed path such as /nonexistent is HOME for the user nobody.
    [['validate', `${HOME}/no-such-pack`], 1, /no such file or directory/],
  ])('%j exits %i with one line', (args, code, pattern) => {
    const r = purges(args);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
