/** Lookups that find the obvious record, and conventions users expect (fixture knowledge base, in a pipe). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, purges } from './run.js';

const TMP = mkdtempSync(join(tmpdir(), 'purges-lookups-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('help', () => {
  it.each([[[]], [['--no-color']], [['--data', 'tests/fixtures/kb']]])('purges %j prints the normal help on stdout', (args) => {
    const r = purges(args);
    const help = purges(['--help']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(help.stdout);
    expect(r.stdout).toMatch(/^Usage: purges/);
    expect(r.stdout).toContain('eval "$(purges completion bash)"');
  });

  it.each([
    [['help', 'foo'], /^purges: unknown command 'foo'\. Run 'purges --help' for the commands, or 'purges search foo'\.$/],
    [['help', 'timelin'], /^purges: unknown command 'timelin'\. Did you mean 'purges timeline'\?$/],
    [['help', 'kirov'], /^purges: unknown command 'kirov'\. Did you mean 'purges person kirov'\?$/],
  ])('purges %j is a one-line error with a suggestion', (args, message) => {
    const r = purges(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it('purges help person still shows the command help', () => {
    const r = purges(['help', 'person']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: purges person/);
  });
});

describe('a name or event typed in place of a command', () => {
  it.each([
    [['kirov'], "Did you mean 'purges person kirov'?"],
    [['Yezhov'], "Did you mean 'purges person Yezhov'?"],
    [['--data', 'tests/fixtures/kb', 'bukharin'], "Did you mean 'purges person bukharin'?"],
    [['bukharin', 'trial'], `Did you mean 'purges event "bukharin trial"'?`],
    [['perso', 'kirov'], "Did you mean 'purges person'?"],
  ])('%j', (args, hint) => {
    const r = purges(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(hint);
  });
});

describe('event', () => {
  it('shows the event that stands out, with each person part in words', () => {
    const r = purges(['event', 'bukharin', 'trial']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Third Moscow trial \(Bukharin and Rykov\)/);
    expect(r.stdout).toMatch(/Also called\s+Bukharin trial; Trial of the Twenty-One/);
    expect(r.stdout).toMatch(/Nikolai Bukharin\s+defendant\s+purges person bukharin/);
    expect(r.stdout).not.toMatch(/natural-death|died-in-custody/);
  });

  it('lists the candidates when none stands out, as person does', () => {
    const r = purges(['event', 'moscow', 'trial']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^purges: "moscow trial" matches 2 events: .*\(trial-of-the-sixteen, 19 Aug 1936\).*\(third-moscow-trial, 2 Mar 1938\)\. Use the id in parentheses to pick one\.\n$/,
    );
  });
});

describe('every id opens with a command', () => {
  it('stats <id> shows one statistic in full, with its sources', () => {
    const r = purges(['stats', 'executions-1937']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^People shot, 1937\n/);
    expect(r.stdout).toMatch(/Figure\s+353,074 people/);
    expect(r.stdout).toMatch(/Basis\s+archival count/);
    expect(r.stdout).toContain('[1] Getty, J. Arch, Gábor T. Rittersporn, and Viktor N. Zemskov.');
    expect(JSON.parse(purges(['stats', 'executions-1937', '--json']).stdout)).toMatchObject({ id: 'executions-1937', value: 353074 });
  });

  it('claims <id> shows one claim in full, with its sources', () => {
    const r = purges(['claims', 'kirov-stalin-order']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^≈ disputed {2}Stalin ordered Kirov's murder\./);
    expect(r.stdout).toContain('[1] Lenoe, Matthew E. The Kirov Murder and Soviet History.');
    expect(r.stdout).toContain('[2] Conquest, Robert.');
  });

  it.each([
    [['stats', 'executions-1973'], /no statistic with id "executions-1973"\. Did you mean executions-1937\?/],
    [['claims', 'kirov-stalin-ordr'], /no claim with id "kirov-stalin-ordr"\. Did you mean kirov-stalin-order\?/],
    [['stats', 'zzz'], /no statistic with id "zzz"\. Run 'purges stats --format plain'|no statistic with id "zzz"/],
  ])('%j is not found (exit 1)', (args, message) => {
    const r = purges(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  it('the timeline and the person card show event ids with --ids', () => {
    expect(purges(['timeline', '--ids', '--from', '1938', '--to', '1938']).stdout).toMatch(
      /Third Moscow trial \(Bukharin and Rykov\)\n\s+third-moscow-trial\n/,
    );
    expect(purges(['person', 'yezhov', '--ids']).stdout).toMatch(/Yezhov becomes NKVD chief\n\s+yezhov-appointed\n/);
  });
});

describe('people', () => {
  it('--role finds ranks and shows the role that matched; otherwise the primary role', () => {
    const marshal = purges(['people', '--role', 'marshal']).stdout.split('\n');
    expect(marshal[0]).toBe('id\tname\tborn\tdied\tfate\tmatching role');
    expect(marshal[1]).toBe('blyukher\tVasily Blyukher\t1889-12-01\t1938-11-09\tdied-in-custody\tMarshal of the Soviet Union');
    expect(purges(['people']).stdout).toContain(
      "yezhov\tNikolai Yezhov\t1895-05-01\t1940-02-04\texecuted\tPeople's Commissar for Internal Affairs (NKVD)",
    );
  });

  it('shows fates in words in tables for people, enum values for programs', () => {
    expect(purges(['people', '--format', 'md']).stdout).toContain('| died in custody |');
    expect(purges(['people', '--format', 'csv']).stdout).toContain(',died-in-custody,');
  });
});

describe('person', () => {
  it('says when a name is not profiled but appears in events (exit 1)', () => {
    const r = purges(['person', 'Lenin']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('purges: "Lenin" is not profiled; appears in 1 event: purges search lenin\n');
  });

  it('offers no suggestion when nothing is close', () => {
    for (const q of ['qqq', 'zzzz', 'xy'])
      expect(purges(['person', q]).stderr).toBe(
        `purges: no person matches "${q}". Try 'purges people' to list everyone, or 'purges search <text>'.\n`,
      );
  });

  it('says "refused" where rehabilitation was refused', () => {
    expect(purges(['person', 'yezhov']).stdout).toMatch(/Rehabilitated\s+refused \(June 1998\)/);
    expect(purges(['person', 'bukharin']).stdout).toMatch(/Rehabilitated\s+4 February 1988/);
  });
});

describe('exit codes: a lookup that finds nothing is 1; a search or filter with no results is 0 with a note', () => {
  it.each([
    [['search', 'zzqqxx'], /nothing matches/],
    [['people', '--fate', 'suicide'], /no people match these filters/],
    [['timeline', '--from', '2000'], /no events match these filters/],
    [['claims', '--verdict', 'unsupported'], /no claims match these filters/],
  ])('%j', (args, note) => {
    const r = purges(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(note);
  });
});

describe('colour', () => {
  it.each([
    [{ FORCE_COLOR: '0' }, false],
    [{ FORCE_COLOR: 'false' }, false],
    [{ FORCE_COLOR: '1' }, true],
    [{ FORCE_COLOR: '2' }, true],
    [{ FORCE_COLOR: '3' }, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false],
    [{ FORCE_COLOR: '3', NO_COLOR: 'yes' }, false],
  ] as Array<[Record<string, string>, boolean]>)('%j -> colour %s', (env, colour) => {
    const r = purges(['timeline'], { env: { NO_COLOR: undefined, ...env } });
    expect(/\u001b\[/.test(r.stdout)).toBe(colour);
  });
});

describe('shell completion (bash)', () => {
  const script = join(TMP, 'purges.bash');
  writeFileSync(script, purges(['completion', 'bash']).stdout);
  /** What bash offers for the words typed so far (the last one is being completed). */
  const complete = (...words: string[]) => {
    const line = ['purges', ...words];
    const r = spawnSync(
      'bash',
      [
        '-c',
        `source ${script}; COMP_WORDS=(${line.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${line.length - 1}; _purges; printf '%s\\n' "\${COMPREPLY[@]}"`,
      ],
      { encoding: 'utf8' },
    );
    return r.stdout.split('\n').filter(Boolean);
  };

  it('completes commands once each, and --version once', () => {
    const top = complete('');
    expect(top).toContain('person');
    expect(top.filter((w) => w === '--version')).toHaveLength(1);
    expect(new Set(top).size).toBe(top.length);
  });

  it('works after global options', () => {
    expect(complete('--data', 'x', 'per')).toEqual(['person']);
    expect(complete('--no-color', 'peo')).toEqual(['people']);
  });

  it.each([
    [['people', '--fate', 'ex'], ['executed']],
    [
      ['timeline', '--category', 'nkvd'],
      ['nkvd', 'nkvd-order'],
    ],
    [
      ['sources', '--style', ''],
      ['chicago', 'apa', 'mla'],
    ],
    [['quiz', '--topic', 'st'], ['stats']],
    [['claims', '--verdict', 'in'], ['inaccurate']],
    [['person', 'yez'], ['yezhov']],
    [['timeline', '--person', 'bukh'], ['bukharin']],
    [['completion', 'z'], ['zsh']],
    [
      ['stats', 'executions-193'],
      ['executions-1937', 'executions-1938'],
    ],
    [['people', '--role', ''], []],
  ])('completes option values and ids: %j', (words, expected) => {
    expect(complete(...words)).toEqual(expected);
  });

  it('shows the install idiom in its help, not an append to .bashrc', () => {
    const help = purges(['completion', '--help']).stdout;
    expect(help).toContain('eval "$(purges completion bash)"');
    expect(help).not.toContain('>> ~/.bashrc');
  });

  it('writes zsh and fish scripts that work after global options too', () => {
    const zsh = purges(['completion', 'zsh']).stdout;
    expect(zsh).toMatch(/^#compdef purges/);
    expect(zsh).toContain('--fate) compadd -- executed died-in-custody');
    expect(zsh).toContain('compdef _purges purges');
    const fish = purges(['completion', 'fish']).stdout;
    expect(fish).toContain("complete -c purges -n 'test (__purges_command) = people' -l fate -x -a 'executed");
    expect(fish).toContain('function __purges_command');
  });

  it('runs the script the same way from any directory', () => {
    expect(
      spawnSync(process.execPath, [BIN, 'completion', 'bash'], {
        encoding: 'utf8',
        env: { ...process.env, PURGES_BASE: 'tests/fixtures/kb' },
      }).status,
    ).toBe(0);
  });
});
