/**
 * A data pack is untrusted text: an escape sequence in a name must not clear the screen,
 * move the cursor or set the window title. Output keeps only our own colour codes.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { purges } from './run.js';

const EVIL = '\u001b]0;pwned\u0007\u001b[2J\u001b[H\u001b[31m\u009b6n\u0007\u0008\r';
const dir = mkdtempSync(join(tmpdir(), 'purges-hostile-'));
writeFileSync(
  join(dir, 'sources.json'),
  JSON.stringify([{ id: 'evil-source', authors: [`Evil ${EVIL}Author`], title: `Title ${EVIL}`, year: 2000, kind: 'popular' }]),
);
writeFileSync(
  join(dir, 'people.json'),
  JSON.stringify([
    {
      id: 'evil',
      name: `Zzevil ${EVIL}Person`,
      nativeName: `Зло${EVIL}`,
      aliases: [`Alias${EVIL}`],
      born: '1900',
      died: '1937-08-05',
      fate: 'executed',
      roles: [{ title: `Role ${EVIL}`, from: '1930' }],
      summary: `Summary ${EVIL} text.`,
      sources: ['evil-source'],
      repression: { charge: `Charge ${EVIL}`, executed: '1937-08-05' },
    },
  ]),
);
writeFileSync(
  join(dir, 'events.json'),
  JSON.stringify([
    {
      id: 'evil-event',
      date: '1937-08-05',
      title: `Zzevil event ${EVIL}`,
      summary: `Zzevil ${EVIL}`,
      category: 'trial',
      people: ['evil'],
      place: `Place ${EVIL}`,
      sources: ['evil-source'],
    },
  ]),
);
writeFileSync(
  join(dir, 'claims.json'),
  JSON.stringify([
    {
      id: 'evil-claim',
      claim: `Claim ${EVIL}`,
      origin: `Origin ${EVIL}`,
      verdict: 'accurate',
      figure: `Figure ${EVIL}`,
      explanation: `Why ${EVIL}`,
      sources: ['evil-source'],
    },
  ]),
);
writeFileSync(
  join(dir, 'statistics.json'),
  JSON.stringify([
    {
      id: 'evil-stat',
      label: `Stat ${EVIL}`,
      value: 5,
      unit: `people${EVIL}`,
      period: { from: '1937', to: '1937' },
      category: 'executions',
      basis: 'archival',
      note: `Note ${EVIL}`,
      sources: ['evil-source'],
    },
  ]),
);

// Anything but our own SGR colour codes (ESC [ ... m), and no other control character but newline and tab.
const FOREIGN = /\u001b(?!\[[0-9;]*m)|[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f]/;

const COMMANDS: string[][] = [
  ['person', 'evil'],
  ['people'],
  ['people', '--format', 'table'],
  ['people', '--format', 'md'],
  ['people', '--format', 'csv'],
  ['event', 'evil-event'],
  ['timeline', '--from', '1937-08', '--to', '1937-08'],
  ['timeline', '--from', '1937-08', '--to', '1937-08', '--json'],
  ['today', '--date', '08-05'],
  ['search', 'zzevil'],
  ['stats', '--chart', '--category', 'executions'],
  ['stats', '--format', 'table'],
  ['claims', '--format', 'table'],
  ['claims'],
  ['sources', 'evil-source'],
  ['sources', '--format', 'bibtex'],
  ['quiz', '--worksheet', '--count', '30', '--seed', 'evil'],
];

describe('hostile text in a data pack', () => {
  it.each(COMMANDS)('purges %s prints no foreign escape or control characters', (...args) => {
    for (const env of [{}, { NO_COLOR: undefined, FORCE_COLOR: '1' }]) {
      const r = purges(['--data', dir, ...args], { env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(r.stdout).not.toMatch(FOREIGN);
      expect(r.stderr).not.toMatch(FOREIGN);
    }
  });

  it('keeps the text around the escapes', () => {
    expect(purges(['--data', dir, 'person', 'evil']).stdout).toContain('Zzevil Person');
  });

  it('does not let a pack error message carry escapes either', () => {
    const bad = mkdtempSync(join(tmpdir(), 'purges-hostile-'));
    writeFileSync(join(bad, 'people.json'), JSON.stringify([{ id: `x${EVIL}`, name: 'n' }]));
    for (const args of [
      ['--data', bad, 'people'],
      ['validate', bad],
    ]) {
      const r = purges(args);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toMatch(FOREIGN);
    }
  });
});
