/**
 * Bad input, table-driven: every case runs the built CLI and must fail the way a user can
 * act on: the right exit code, one line on stderr, nothing on stdout, no stack trace, fast.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, purges } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'purges-bad-'));
function pack(name: string, files: Record<string, string | Buffer>): string {
  const p = join(dir, name);
  mkdirSync(p, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(join(p, file), content);
  return p;
}
const person = (over: Record<string, unknown> = {}) => ({
  id: 'test-person',
  name: 'Test Person',
  born: '1890',
  fate: 'survived',
  summary: 'A record for a test.',
  sources: ['lenoe-2010'],
  ...over,
});
const json = (v: unknown) => JSON.stringify(v);

const PACKS = {
  missing: join(dir, 'does-not-exist'),
  empty: pack('empty-dir', { 'notes.txt': 'hello' }),
  invalidJson: pack('invalid-json', { 'people.json': '[\n  {"id": "x",}\n]' }),
  schema: pack('schema', { 'people.json': json([person({ born: '1934-13-01' })]) }),
  duplicate: pack('duplicate', { 'people.json': json([person(), person()]) }),
  duplicateOfBase: pack('duplicate-base', { 'people.json': json([person({ id: 'kirov' })]) }),
  dangling: pack('dangling', {
    'events.json': json([
      { id: 'e', date: '1937', title: 't', summary: 's', category: 'trial', people: ['nobody'], sources: ['lenoe-2010'] },
    ]),
  }),
  emptyFile: pack('empty-file', { 'events.json': '' }),
  binary: pack('binary', { 'people.json': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0xff]) }),
  huge: pack('huge', { 'people.json': 'a'.repeat(50 * 1024 * 1024) }),
  object: pack('object', { 'people.json': json({ people: [] }) }),
  wrongName: join(pack('wrong-name', { 'folks.json': '[]' }), 'folks.json'),
};

type Case = [label: string, args: string[], code: number, stderr: RegExp];

const CASES: Case[] = [
  ['unknown command', ['timelnie'], 2, /unknown command 'timelnie'\. Did you mean 'purges timeline'\?/],
  ['unknown command, far from any', ['xyzzy'], 2, /unknown command 'xyzzy'/],
  ['unknown option', ['timeline', '--form', '1934'], 2, /unknown option '--form' \(Did you mean --from\?\)/],
  ['unknown global option', ['--colour', 'timeline'], 2, /unknown option '--colour'/],
  ['missing argument (person)', ['person'], 2, /missing required argument 'query'/],
  ['missing argument (event)', ['event'], 2, /missing required argument/],
  ['missing argument (search)', ['search'], 2, /missing required argument/],
  ['missing option value', ['timeline', '--from'], 2, /argument missing/],
  ['empty query', ['person', ''], 2, /person query is empty/],
  ['whitespace query', ['person', '   '], 2, /person query is empty/],
  ['empty search', ['search', ' '], 2, /search text is empty/],
  ['100,000-character query', ['person', 'k'.repeat(100000)], 2, /too long \(100000 characters; at most 200\)/],
  ['control characters in a query', ['person', 'kir\u0007\u0001ov\u0008x'], 1, /no person matches/],
  ['ANSI escapes in a query', ['person', '\u001b[2J\u001b]0;pwned\u0007zzqq'], 1, /no person matches "zzqq"/],
  ['year with a letter', ['timeline', '--from', '19x7'], 2, /--from expects a year like 1937/],
  ['negative year', ['timeline', '--to=-5'], 2, /--to expects a year/],
  ['five-digit year', ['timeline', '--from', '99999'], 2, /--from expects a year/],
  ['month 13', ['timeline', '--from', '1937-13'], 2, /--from expects a year/],
  ['--from after --to', ['timeline', '--from', '1938', '--to', '1934'], 2, /--from 1938 is after --to 1934/],
  ['unknown category', ['timeline', '--category', 'trials'], 2, /Did you mean trial\?/],
  ['unknown stats category', ['stats', '--category', 'execution'], 2, /Did you mean executions\?/],
  ['unknown fate', ['people', '--fate', 'shot'], 2, /--fate does not accept "shot"/],
  ['unknown sort', ['people', '--sort', 'age'], 2, /--sort does not accept "age"/],
  ['unknown verdict', ['claims', '--verdict', 'false'], 2, /--verdict does not accept "false"/],
  ['unknown topic', ['quiz', '--topic', 'peple', '--worksheet'], 2, /Did you mean people\?/],
  ['unknown format', ['people', '--format', 'xml'], 2, /--format does not accept "xml"/],
  ['unknown citation style', ['sources', '--style', 'harvard'], 2, /--style does not accept "harvard"/],
  ['unknown shell', ['completion', 'powershell'], 2, /does not accept "powershell"/],
  ['--limit 0', ['timeline', '--limit', '0'], 2, /--limit expects a whole number from 1/],
  ['--limit -1', ['timeline', '--limit=-1'], 2, /--limit expects a whole number/],
  ['--limit abc', ['timeline', '--limit', 'abc'], 2, /--limit expects a whole number/],
  ['--count 0', ['quiz', '--worksheet', '--count', '0'], 2, /--count expects a whole number from 1 to 100/],
  ['--count 10000', ['quiz', '--worksheet', '--count', '10000'], 2, /--count expects a whole number from 1 to 100/],
  ['bad --date', ['today', '--date', '02-30'], 2, /--date expects a month and day/],
  ['two quiz modes', ['quiz', '--worksheet', '--progress'], 2, /cannot be used together/],
  ['--json with --format', ['people', '--json', '--format', 'csv'], 2, /^purges: --json and --format cannot be used together\. Choose one/],
  ['--json with --format (search)', ['search', 'kirov', '--format', 'md', '--json'], 2, /--json and --format cannot be used together/],
  ['--chart with --format', ['stats', '--chart', '--format', 'csv'], 2, /--chart and --format cannot be used together/],
  ['--chart with --json', ['stats', '--chart', '--json'], 2, /--chart and --json cannot be used together/],
  ['--style with bibtex', ['sources', '--style', 'apa', '--format', 'bibtex'], 2, /--style and --format bibtex cannot be used together/],
  ['--style with csl-json', ['sources', '--style', 'mla', '--format', 'csl-json'], 2, /--style and --format csl-json cannot/],
  ['--style with --json', ['sources', '--style', 'mla', '--json'], 2, /--style and --json cannot be used together/],
  [
    '--worksheet with --json',
    ['quiz', '--worksheet', '--json'],
    2,
    /--worksheet and --json cannot be used together\. For a JSON worksheet/,
  ],
  ['an id with a list option', ['stats', 'executions-1937', '--chart'], 2, /an id shows one statistic; --chart goes with the list/],
  ['empty --person', ['timeline', '--person', ''], 2, /the --person query is empty/],
  ['blank --person', ['timeline', '--person', '  '], 2, /the --person query is empty/],
  ['unknown help topic', ['help', 'foo'], 2, /unknown command 'foo'/],
  ['a person for a command', ['kirov'], 2, /Did you mean 'purges person kirov'\?/],
  ['unknown statistic id', ['stats', 'no-such-stat'], 1, /no statistic with id "no-such-stat"/],
  ['unknown claim id', ['claims', 'no-such-claim'], 1, /no claim with id "no-such-claim"/],
  ['ambiguous event', ['event', 'moscow trial'], 1, /matches 2 events: .*Use the id in parentheses/],
  ['not profiled', ['person', 'lenin'], 1, /"lenin" is not profiled; appears in 1 event: purges search lenin/],
  ['unknown source id', ['sources', 'lenoe-2011'], 1, /no source with id "lenoe-2011"\. Did you mean lenoe-2010\?/],
  ['unknown event', ['event', 'moscow olympics'], 1, /no event matches "moscow olympics"/],
  ['nobody found', ['person', 'qqqqqqqq'], 1, /no person matches "qqqqqqqq"/],
  ['ambiguous person', ['person', 'nikolai'], 1, /matches 2 people/],
  ['--data: a missing path', ['--data', PACKS.missing, 'people'], 1, /no such file or directory/],
  ['--data: a folder with no data files', ['--data', PACKS.empty, 'people'], 1, /no data files found/],
  ['--data: invalid JSON', ['--data', PACKS.invalidJson, 'people'], 1, /people\.json:2:14: invalid JSON/],
  ['--data: a schema violation', ['--data', PACKS.schema, 'people'], 1, /people\[0\]\.born: "1934-13-01" is not a valid date/],
  ['--data: duplicate ids', ['--data', PACKS.duplicate, 'people'], 1, /duplicate id "test-person"/],
  [
    '--data: an id the base has',
    ['--data', PACKS.duplicateOfBase, 'people'],
    1,
    /duplicate id "kirov" \(also in the data already loaded\)/,
  ],
  ['--data: a dangling reference', ['--data', PACKS.dangling, 'people'], 1, /unknown person "nobody"/],
  ['--data: an empty file', ['--data', PACKS.emptyFile, 'people'], 1, /events\.json: the file is empty/],
  ['--data: a binary file', ['--data', PACKS.binary, 'people'], 1, /not a text file/],
  ['--data: a 50 MB file', ['--data', PACKS.huge, 'people'], 1, /people\.json:1:1: invalid JSON/],
  ['--data: an object, not an array', ['--data', PACKS.object, 'people'], 1, /expected a JSON array of people/],
  ['--data: a file not named after a collection', ['--data', PACKS.wrongName, 'people'], 1, /not a data file/],
  ['PURGES_DATA: a missing path', ['people'], 1, /no such file or directory/],
  ['validate: a missing path', ['validate', PACKS.missing], 1, /no such file or directory/],
];

describe('bad input', () => {
  it('has at least 40 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(40));

  it.each(CASES)('%s', (label, args, code, stderr) => {
    const env = label.startsWith('PURGES_DATA') ? { PURGES_DATA: PACKS.missing } : {};
    const started = Date.now();
    const r = purges(args, { env, timeout: 15000 });
    expect(Date.now() - started).toBeLessThan(10000);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(stderr);
    expect(r.stderr).toMatch(/^purges: /);
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
    // What the user typed is echoed without its control characters.
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });
});

describe('output to a full disk', () => {
  for (const args of [['timeline'], ['people', '--format', 'csv'], ['stats', '--json'], ['sources']]) {
    it(`purges ${args.join(' ')} > /dev/full: one line, exit 1`, () => {
      const r = spawnSync('sh', ['-c', `node ${BIN} ${args.join(' ')} > /dev/full`], {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(r.stderr).toMatch(/^purges: cannot write the output \(ENOSPC\): no space left on the device\. .+\n$/);
      expect(r.status).toBe(1);
    });
  }
});
