/**
 * APA 7 writes the titles of books and articles in sentence case: capitals only for the first
 * word, the first word after a colon, and proper nouns. Proper nouns cannot be told apart
 * mechanically, so only common English words are lowercased (the list below covers the
 * words of the bundled sources' titles) and every other word keeps the capitals the data
 * gives it: "The Great Terror: A Reassessment" -> "The Great Terror: A reassessment".
 */

const COMMON = new Set(
  (
    'a about above absurd academy across activists administration after against agriculture all among an analysis anatomy and approach archival ' +
    'are aristocracy around as at aviation backed barracks basis be been before between biography black board burnt but by cannot career century ' +
    'challenge chaos charges circle cleansing clears cold collectivization command comments commissar commission committee consequences constitution ' +
    'controversy correspondents counterintelligence countryside crime crimes criminal cult days death deaths defeat defector destruction dictator ' +
    'dictionary die disappeared doctors dramaturgy during east ended end enigma epic era essays ethnic evidence executed executioner exile far fate ' +
    'fear fever final first for forced foreigners foreign forget former from fundamental general geography grave graves great guide guilty hangmen he her high ' +
    'him his historical history hope house how hunger if immortal in inner inquiry inquisition institute intelligence international into ' +
    'investigation is its journey judge justice killed killings knew last law led let lieutenant life lists lost loyal made main man mass master ' +
    'materials meanings mechanisms memoir memoirs memory migrations military million movement murder my national nationalism nature near ' +
    'necropolis nemesis new nightingale no nor not of off official on one onto operation operations or order origins our out over paradoxes party ' +
    'peace penal people peoples persecution personality plot poet poetics poets pogrom policy political popular postwar power pre prisoner ' +
    'prophet prosecutor prosocialist punishment purge purges quantitative race reassessment reconsidered red redemption reference reform regime ' +
    'rehabilitated rehabilitation remembering reply report repressed repression republics resurrecting returnees revolution rise road robbers ' +
    'ruling saw scale scientists secret security self settlements shadow shadows shaping shooting siege silence since single small snow so ' +
    'socialist society some space special state statistic statistics stories story struggle summer sun system tales terror than that the ' +
    'theatre their thirties this those through to toward towards tragedy trials true twentieth twilight tyrant unachieved unarmed under union ' +
    'unknown until up upon victims violence voices volume waiting war was we weapon were what whirlwind white who widow will wind with within ' +
    'without world writers years'
  ).split(' '),
);

// Names whose words stay capitalised wherever they occur.
const PROPER =
  /\b(?:Great (?:Terror|Purges)|Red Army|World War|Civil War|Cold War|Soviet Union|Communist Party|Moscow Trials|Space Race|Far East|Eastern Europe|Military Collegium|Main Administration|State Security|People's Commissar|General of the Soviet Army|Commission of Inquiry|International Memorial Board|Union of Soviet Socialist Republics|Academy of Sciences|Institute of Russian History|Order No\.|Jewish Anti-Fascist Committee|Central Committee)/g;

/** A title in sentence case, as APA 7 prints the titles of books, articles and web pages. */
export function sentenceCase(title: string): string {
  const keep = new Set<number>();
  for (const m of title.matchAll(PROPER)) for (let i = m.index; i < m.index + m[0].length; i++) keep.add(i);
  let start = true;
  // A new sentence starts after a colon, a full stop, a question or exclamation mark, or an
  // opening bracket: its first word keeps its capital.
  return title.replace(/([\p{L}\p{N}'’]+)|([:?!(]|\.(?=\s))/gu, (match, word: string | undefined, _stop, offset: number) => {
    if (word === undefined) {
      start = true;
      return match;
    }
    const wasStart = start;
    start = false;
    // Initials ("A. V. Gorbatov") are not words.
    if (wasStart || keep.has(offset) || (word!.length === 1 && title[offset + 1] === '.')) return match;
    if (!/^\p{Lu}[\p{Ll}'’]*$/u.test(word!)) return match;
    const lower = word!.toLowerCase();
    const base = lower.replace(/['’]s?$/, '');
    return COMMON.has(base) ? lower : match;
  });
}
