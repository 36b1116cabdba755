var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res) => function __init() {
  return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
};
var __commonJS = (cb, mod) => function __require() {
  return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// package.json
var package_default;
var init_package = __esm({
  "package.json"() {
    package_default = {
      name: "purges",
      version: "0.1.0",
      description: "A command-line history explorer of Stalin's purges: sourced people, events, statistics, checked claims and quizzes, offline.",
      type: "commonjs",
      bin: {
        purges: "bin/purges.js"
      },
      files: [
        "bin/",
        "dist/",
        "data/",
        "README.md",
        "LICENSE"
      ],
      engines: {
        node: "^20.17.0 || >=22.9.0"
      },
      scripts: {
        build: "tsup",
        postinstall: "tsup",
        prepack: "pinst --disable && tsup",
        postpack: "pinst --enable",
        typecheck: "tsc --noEmit",
        pretest: "tsup",
        test: "tsc --noEmit && vitest run",
        bench: "tsup && node bench/run.mjs",
        lint: "biome check .",
        format: "biome check --write ."
      },
      keywords: [
        "history",
        "soviet-union",
        "stalin",
        "great-terror",
        "cli",
        "education",
        "quiz"
      ],
      license: "MIT",
      dependencies: {
        "csv-parse": "^7.0.3",
        "csv-stringify": "^6.9.0",
        "env-paths": "^4.0.0",
        "jsonc-parser": "^3.3.1",
        zod: "^4.6.7"
      },
      devDependencies: {
        "@biomejs/biome": "^2.6.8",
        "@inquirer/confirm": "^5.1.21",
        "@inquirer/core": "^10.3.2",
        "@types/commonmark": "^0.27.10",
        "@types/node": "^20.19.43",
        "@types/proper-lockfile": "^4.1.4",
        "@types/write-file-atomic": "^4.0.3",
        chalk: "^5.6.2",
        "cli-table3": "^0.6.5",
        commander: "^14.0.3",
        commonmark: "^0.31.2",
        esbuild: "^0.27.7",
        "fast-check": "^4.11.0",
        "fastest-levenshtein": "^1.0.16",
        "get-east-asian-width": "^1.7.0",
        pinst: "^3.0.0",
        "proper-lockfile": "^4.1.2",
        "string-width": "^8.3.0",
        "ts-fsrs": "^5.4.2",
        tsup: "^8.5.1",
        typescript: "^5.9.3",
        vitest: "^4.1.12",
        "write-file-atomic": "^7.0.1"
      },
      allowScripts: {
        esbuild: false
      }
    };
  }
});

// src/errors.ts
var ExitCode, PurgesError, DataError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    ExitCode = {
      ok: 0,
      notFound: 1,
      invalidData: 1,
      usage: 2,
      /** A bug in purges (BSD's EX_SOFTWARE). */
      internal: 70,
      hangup: 129,
      interrupted: 130,
      terminated: 143
    };
    PurgesError = class extends Error {
      constructor(message, exitCode = ExitCode.notFound, hint) {
        super(message);
        this.exitCode = exitCode;
        this.hint = hint;
        this.name = "PurgesError";
      }
      exitCode;
      hint;
    };
    DataError = class extends PurgesError {
      constructor(message, problems = [], hint) {
        super(message, ExitCode.invalidData, hint);
        this.problems = problems;
        this.name = "DataError";
      }
      problems;
    };
  }
});

// src/kb/vocab.ts
var COLLECTIONS, SOURCE_KINDS, FATES, EVENT_CATEGORIES, STAT_CATEGORIES, BASES, VERDICTS, ROLE_KINDS, EVENT_PARTS;
var init_vocab = __esm({
  "src/kb/vocab.ts"() {
    "use strict";
    COLLECTIONS = ["sources", "people", "events", "statistics", "eras", "claims"];
    SOURCE_KINDS = ["archival", "scholarly", "primary", "reference", "memoir", "popular"];
    FATES = ["executed", "died-in-custody", "suicide", "assassinated", "killed", "survived", "natural-death"];
    EVENT_CATEGORIES = [
      "party",
      "trial",
      "military",
      "nkvd",
      "nkvd-order",
      "mass-operation",
      "gulag",
      "culture",
      "aftermath",
      "context"
    ];
    STAT_CATEGORIES = [
      "executions",
      "arrests",
      "convictions",
      "gulag",
      "deaths",
      "deportations",
      "party",
      "military",
      "rehabilitation",
      "victims"
    ];
    BASES = ["archival", "estimate"];
    VERDICTS = ["accurate", "inaccurate", "disputed", "unsupported"];
    ROLE_KINDS = ["post", "membership", "rank", "other"];
    EVENT_PARTS = [
      "defendant",
      "prosecutor",
      "judge",
      "victim",
      "organiser",
      "perpetrator",
      "investigator",
      "witness",
      "subject",
      "participant"
    ];
  }
});

// src/kb/merge.ts
function fillDefaults(name, record) {
  for (const key of DEFAULT_EMPTY[name]) if (record[key] === void 0) record[key] = [];
  return record;
}
function mergePack(base, pack) {
  const out = {};
  for (const name of COLLECTIONS) {
    let joined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => joined ??= [...base[name], ...pack[name] ?? []]
    });
  }
  return out;
}
function lazyKb(read) {
  const out = {};
  for (const name of COLLECTIONS) {
    let items;
    Object.defineProperty(out, name, { enumerable: true, get: () => items ??= read(name) });
  }
  return out;
}
var DEFAULT_EMPTY, emptyKb;
var init_merge = __esm({
  "src/kb/merge.ts"() {
    "use strict";
    init_vocab();
    DEFAULT_EMPTY = {
      sources: [],
      people: ["aliases", "roles"],
      events: ["people"],
      statistics: [],
      eras: ["sources"],
      claims: []
    };
    emptyKb = () => ({ sources: [], people: [], events: [], statistics: [], eras: [], claims: [] });
  }
});

// src/kb/dates.ts
function daysInMonth(year2, month) {
  if (month === 2) return year2 % 4 === 0 && (year2 % 100 !== 0 || year2 % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
function parseDate(text2) {
  let d = parsed.get(text2);
  if (d === void 0 && !parsed.has(text2)) {
    d = parseUncached(text2);
    if (d) Object.freeze(d);
    parsed.set(text2, d);
  }
  return d;
}
function parseUncached(text2) {
  const m = PATTERN.exec(text2);
  if (!m) return void 0;
  const year2 = Number(m[1]);
  if (m[2] === void 0) return { year: year2, precision: "year" };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return void 0;
  if (m[3] === void 0) return { year: year2, month, precision: "month" };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year2, month)) return void 0;
  return { year: year2, month, day, precision: "day" };
}
function isValidDate(text2) {
  return parseDate(text2) !== void 0;
}
function must(text2) {
  const d = parseDate(text2);
  if (!d) throw new Error(`invalid date: ${text2}`);
  return d;
}
function dayNumber(year2, month, day) {
  const y = month <= 2 ? year2 - 1 : year2;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe;
}
function startDay(text2) {
  let n = starts.get(text2);
  if (n === void 0) {
    const d = must(text2);
    n = dayNumber(d.year, d.month ?? 1, d.day ?? 1);
    starts.set(text2, n);
  }
  return n;
}
function endDay(text2) {
  let n = ends.get(text2);
  if (n === void 0) {
    const d = must(text2);
    const month = d.month ?? 12;
    n = dayNumber(d.year, month, d.day ?? daysInMonth(d.year, month));
    ends.set(text2, n);
  }
  return n;
}
function formatDate(text2, style = "short") {
  const d = must(text2);
  const names = style === "long" ? MONTHS_LONG : MONTHS;
  if (d.precision === "year") return String(d.year);
  const month = names[d.month - 1];
  if (d.precision === "month") return `${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}
function formatSpan(date2, endDate) {
  if (!endDate || endDate === date2) return formatDate(date2);
  const a = must(date2);
  const b = must(endDate);
  if (a.precision === "day" && b.precision === "day" && a.year === b.year && a.month === b.month) {
    return `${a.day}-${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
  }
  if (a.precision === "month" && b.precision === "month" && a.year === b.year) {
    return `${MONTHS[a.month - 1]}-${MONTHS[b.month - 1]} ${a.year}`;
  }
  if (a.precision === "day" && b.precision === "day" && a.year === b.year) {
    return `${a.day} ${MONTHS[a.month - 1]} - ${formatDate(endDate)}`;
  }
  return `${formatDate(date2)} - ${formatDate(endDate)}`;
}
function yearOf(text2) {
  return must(text2).year;
}
var PATTERN, MONTHS, MONTHS_LONG, parsed, starts, ends;
var init_dates = __esm({
  "src/kb/dates.ts"() {
    "use strict";
    PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
    MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    MONTHS_LONG = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December"
    ];
    parsed = /* @__PURE__ */ new Map();
    starts = /* @__PURE__ */ new Map();
    ends = /* @__PURE__ */ new Map();
  }
});

// src/kb/normalize.ts
function latinLower(text2) {
  const s = text2.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "");
  return s.replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? "");
}
function normalize(text2) {
  let s = latinLower(text2).replace(/[^a-z0-9]+/g, " ").trim();
  for (const [pattern, replacement] of FOLDS) s = s.replace(pattern, replacement);
  return s;
}
var CYRILLIC, FOLDS;
var init_normalize = __esm({
  "src/kb/normalize.ts"() {
    "use strict";
    CYRILLIC = {
      \u0430: "a",
      \u0431: "b",
      \u0432: "v",
      \u0433: "g",
      \u0434: "d",
      \u0435: "e",
      \u0451: "e",
      \u0436: "zh",
      \u0437: "z",
      \u0438: "i",
      \u0439: "i",
      \u043A: "k",
      \u043B: "l",
      \u043C: "m",
      \u043D: "n",
      \u043E: "o",
      \u043F: "p",
      \u0440: "r",
      \u0441: "s",
      \u0442: "t",
      \u0443: "u",
      \u0444: "f",
      \u0445: "kh",
      \u0446: "ts",
      \u0447: "ch",
      \u0448: "sh",
      \u0449: "shch",
      \u044A: "",
      \u044B: "y",
      \u044C: "",
      \u044D: "e",
      \u044E: "iu",
      \u044F: "ia",
      \u0456: "i",
      \u0457: "i",
      \u0454: "e",
      \u045E: "u",
      \u0491: "g"
    };
    FOLDS = [
      [/\by(?=[aeiou])/g, "i"],
      // Yagoda -> iagoda, Yezhov -> iezhov
      [/([aeiou])y(?=[aeiou])/g, "$1i"],
      // Mayakovsky -> maiakovsky
      [/([^aeiou ])y(?=[aeiou])/g, "$1i"],
      // Blyukher -> bliukher
      [/\bie/g, "e"],
      // iezhov -> ezhov (Е at the start of a word)
      [/(?:ii|iy|yi|y|ij)\b/g, "i"],
      // Tukhachevsky / -skii / -skij -> tukhachevski
      [/([aeiou])i\b/g, "$1"],
      // Nikolai / Nikolay -> nikola (й after a vowel)
      [/(?<=[a-z])ie(?=[a-z])/g, "e"],
      // Zinoviev / Zinovev
      [/j/g, "i"],
      // German and Polish j
      [/w/g, "v"],
      // German w (Jeschow)
      [/sch/g, "sh"],
      [/tz/g, "ts"],
      [/x/g, "ks"],
      [/(.)\1/g, "$1"]
      // doubled letters: Zinovyev/Kossior/Kosior
    ];
  }
});

// src/kb/compare.ts
var init_compare = __esm({
  "src/kb/compare.ts"() {
    "use strict";
  }
});

// node_modules/fastest-levenshtein/mod.js
var require_mod = __commonJS({
  "node_modules/fastest-levenshtein/mod.js"(exports) {
    "use strict";
    exports.__esModule = true;
    exports.distance = exports.closest = void 0;
    var peq = new Uint32Array(65536);
    var myers_32 = function(a, b) {
      var n = a.length;
      var m = b.length;
      var lst = 1 << n - 1;
      var pv = -1;
      var mv = 0;
      var sc = n;
      var i = n;
      while (i--) {
        peq[a.charCodeAt(i)] |= 1 << i;
      }
      for (i = 0; i < m; i++) {
        var eq = peq[b.charCodeAt(i)];
        var xv = eq | mv;
        eq |= (eq & pv) + pv ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) {
          sc++;
        }
        if (pv & lst) {
          sc--;
        }
        mv = mv << 1 | 1;
        pv = pv << 1 | ~(xv | mv);
        mv &= xv;
      }
      i = n;
      while (i--) {
        peq[a.charCodeAt(i)] = 0;
      }
      return sc;
    };
    var myers_x = function(b, a) {
      var n = a.length;
      var m = b.length;
      var mhc = [];
      var phc = [];
      var hsize = Math.ceil(n / 32);
      var vsize = Math.ceil(m / 32);
      for (var i = 0; i < hsize; i++) {
        phc[i] = -1;
        mhc[i] = 0;
      }
      var j = 0;
      for (; j < vsize - 1; j++) {
        var mv_1 = 0;
        var pv_1 = -1;
        var start_1 = j * 32;
        var vlen_1 = Math.min(32, m) + start_1;
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] |= 1 << k;
        }
        for (var i = 0; i < n; i++) {
          var eq = peq[a.charCodeAt(i)];
          var pb = phc[i / 32 | 0] >>> i & 1;
          var mb = mhc[i / 32 | 0] >>> i & 1;
          var xv = eq | mv_1;
          var xh = ((eq | mb) & pv_1) + pv_1 ^ pv_1 | eq | mb;
          var ph = mv_1 | ~(xh | pv_1);
          var mh = pv_1 & xh;
          if (ph >>> 31 ^ pb) {
            phc[i / 32 | 0] ^= 1 << i;
          }
          if (mh >>> 31 ^ mb) {
            mhc[i / 32 | 0] ^= 1 << i;
          }
          ph = ph << 1 | pb;
          mh = mh << 1 | mb;
          pv_1 = mh | ~(xv | ph);
          mv_1 = ph & xv;
        }
        for (var k = start_1; k < vlen_1; k++) {
          peq[b.charCodeAt(k)] = 0;
        }
      }
      var mv = 0;
      var pv = -1;
      var start = j * 32;
      var vlen = Math.min(32, m - start) + start;
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] |= 1 << k;
      }
      var score = m;
      for (var i = 0; i < n; i++) {
        var eq = peq[a.charCodeAt(i)];
        var pb = phc[i / 32 | 0] >>> i & 1;
        var mb = mhc[i / 32 | 0] >>> i & 1;
        var xv = eq | mv;
        var xh = ((eq | mb) & pv) + pv ^ pv | eq | mb;
        var ph = mv | ~(xh | pv);
        var mh = pv & xh;
        score += ph >>> m - 1 & 1;
        score -= mh >>> m - 1 & 1;
        if (ph >>> 31 ^ pb) {
          phc[i / 32 | 0] ^= 1 << i;
        }
        if (mh >>> 31 ^ mb) {
          mhc[i / 32 | 0] ^= 1 << i;
        }
        ph = ph << 1 | pb;
        mh = mh << 1 | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
      for (var k = start; k < vlen; k++) {
        peq[b.charCodeAt(k)] = 0;
      }
      return score;
    };
    var distance2 = function(a, b) {
      if (a.length < b.length) {
        var tmp = b;
        b = a;
        a = tmp;
      }
      if (b.length === 0) {
        return a.length;
      }
      if (a.length <= 32) {
        return myers_32(a, b);
      }
      return myers_x(a, b);
    };
    exports.distance = distance2;
    var closest = function(str, arr) {
      var min_distance = Infinity;
      var min_index = 0;
      for (var i = 0; i < arr.length; i++) {
        var dist = distance2(str, arr[i]);
        if (dist < min_distance) {
          min_distance = dist;
          min_index = i;
        }
      }
      return arr[min_index];
    };
    exports.closest = closest;
  }
});

// src/kb/suggest.ts
var import_fastest_levenshtein;
var init_suggest = __esm({
  "src/kb/suggest.ts"() {
    "use strict";
    import_fastest_levenshtein = __toESM(require_mod());
    init_errors();
    init_compare();
  }
});

// src/kb/find-event.ts
var init_find_event = __esm({
  "src/kb/find-event.ts"() {
    "use strict";
    init_model();
    init_errors();
    init_normalize();
    init_suggest();
    init_dates();
  }
});

// src/kb/find-person.ts
function personNames(person) {
  const names = /* @__PURE__ */ new Set([person.id.replace(/-/g, " ")]);
  for (const n of [person.name, person.nativeName, ...person.aliases]) if (n) names.add(normalize(n));
  return [...names];
}
var init_find_person = __esm({
  "src/kb/find-person.ts"() {
    "use strict";
    init_errors();
    init_normalize();
    init_compare();
    init_suggest();
    init_find_event();
  }
});

// src/kb/search.ts
function fields(list) {
  return list.filter(([, text2]) => text2).map(([name, text2, weight]) => ({ name, norm: ` ${normalize(text2)} `, weight }));
}
function personEntry(p) {
  return {
    type: "person",
    id: p.id,
    title: p.name,
    names: personNames(p),
    fields: fields([
      ["name", [p.name, p.nativeName, ...p.aliases].join(" "), 10],
      ["roles", p.roles.map((x) => x.title).join(" "), 3],
      ["summary", p.summary, 2]
    ])
  };
}
function eventEntry(e) {
  return {
    type: "event",
    id: e.id,
    title: e.title,
    fields: fields([
      ["title", e.title, 8],
      ["aliases", e.aliases?.join(" / "), 8],
      ["id", e.id, 6],
      ["place", e.place, 3],
      ["summary", e.summary, 2]
    ])
  };
}
function buildSearchIndex(kb) {
  return [
    ...kb.people.map(personEntry),
    ...kb.events.map(eventEntry),
    ...kb.statistics.map((s) => ({
      type: "statistic",
      id: s.id,
      title: s.label,
      fields: fields([
        ["label", s.label, 8],
        ["category", s.category, 4],
        ["note", s.note, 2]
      ])
    })),
    ...kb.claims.map((c) => ({
      type: "claim",
      id: c.id,
      title: c.claim,
      fields: fields([
        ["claim", c.claim, 8],
        ["explanation", c.explanation, 2]
      ])
    })),
    ...kb.sources.map((s) => ({
      type: "source",
      id: s.id,
      title: s.title,
      fields: fields([
        ["title", s.title, 5],
        ["authors", s.authors.join(" "), 5]
      ])
    }))
  ];
}
var init_search = __esm({
  "src/kb/search.ts"() {
    "use strict";
    init_normalize();
    init_find_person();
    init_compare();
  }
});

// src/kb/model.ts
function byId(items) {
  return new Map(items.map((item) => [item.id, item]));
}
function sortByDate(items, dateOf) {
  const INDEX = 2 ** 24;
  const keys = new Float64Array(items.length);
  items.forEach((item, i) => {
    keys[i] = dateKey(dateOf(item)) * INDEX + i;
  });
  keys.sort();
  return Array.from(keys, (k) => items[k % INDEX]);
}
function dateKey(date2) {
  return startDay(date2) * 4 + (date2.length - 4) / 3;
}
function mergeByDate(memory, indexed, limit = Infinity) {
  const lists = [memory.map((event) => ({ event, key: dateKey(event.date) })), ...indexed];
  const at2 = lists.map(() => 0);
  const out = [];
  while (out.length < limit) {
    let best = -1;
    for (let i = 0; i < lists.length; i++)
      if (at2[i] < lists[i].length && (best < 0 || lists[i][at2[i]].key < lists[best][at2[best]].key)) best = i;
    if (best < 0) break;
    out.push(lists[best][at2[best]++].event);
  }
  return out;
}
var Kb;
var init_model = __esm({
  "src/kb/model.ts"() {
    "use strict";
    init_dates();
    init_search();
    Kb = class {
      read;
      sorted;
      precomputedIndex;
      /**
       * Packs read through their index: their records are not in the arrays above, and queries
       * (find-person, search, timeline) ask them for what they need. Commands that list a whole
       * collection (people, today, the quiz) see only the records in memory.
       */
      indexed;
      loaded = {};
      // Built on first use: a command that never looks a person up does not pay for 100,000 of them.
      sourceIndex;
      personIndex;
      eventIndex;
      index;
      /** A knowledge base over whole data, or over a source that reads each collection on demand. */
      constructor(data, precomputedIndex) {
        if ("read" in data && typeof data.read === "function") {
          this.read = data.read;
          this.sorted = data.sorted ?? false;
          this.precomputedIndex = data.searchIndex ?? precomputedIndex;
          this.indexed = data.indexed ?? [];
        } else {
          const whole = data;
          this.read = (c) => whole[c];
          this.sorted = false;
          this.precomputedIndex = precomputedIndex;
          this.indexed = [];
        }
      }
      get(c, order2) {
        let items = this.loaded[c];
        if (!items) {
          items = this.read(c);
          if (order2 && !this.sorted) items = sortByDate(items, order2);
          this.loaded[c] = items;
        }
        return items;
      }
      get sources() {
        return this.get("sources");
      }
      get people() {
        return this.get("people");
      }
      /** Events in date order. */
      get events() {
        return this.get("events", (e) => e.date);
      }
      get statistics() {
        return this.get("statistics");
      }
      /** Eras in date order. */
      get eras() {
        return this.get("eras", (e) => e.from);
      }
      get claims() {
        return this.get("claims");
      }
      /** The search index: precomputed when given, else built once on first use. */
      searchIndex() {
        return this.index ??= this.precomputedSearchIndex() ?? buildSearchIndex(this);
      }
      /** The index the build wrote for this data, if there is one (never computed here). */
      precomputedSearchIndex() {
        if (this.index) return this.index;
        if (!this.precomputedIndex) return void 0;
        return this.index = this.precomputedIndex();
      }
      /** A source by id (every cited id resolves: the loader checked it). */
      source(id) {
        return (this.sourceIndex ??= byId(this.sources)).get(id);
      }
      /** A person by id, if there is one. */
      person(id) {
        const found2 = (this.personIndex ??= byId(this.people)).get(id);
        if (found2) return found2;
        for (const pack of this.indexed) {
          const p = pack.person(id);
          if (p) return p;
        }
        return void 0;
      }
      /** An event by id, if there is one. */
      event(id) {
        const found2 = (this.eventIndex ??= byId(this.events)).get(id);
        if (found2) return found2;
        for (const pack of this.indexed) {
          const e = pack.event(id);
          if (e) return e;
        }
        return void 0;
      }
      /** The events a person takes part in, in date order (a scan: commands ask for one person). */
      eventsOf(personId) {
        const own = this.events.filter((e) => e.people.includes(personId));
        if (this.indexed.length === 0) return own;
        return mergeByDate(
          own,
          this.indexed.map((p) => p.eventsOf(personId))
        );
      }
    };
  }
});

// src/kb/bundled.ts
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
function bundledFile(name) {
  if (!found) {
    for (const url of CANDIDATES) {
      const dir = fileURLToPath(url);
      try {
        if (statSync(join(dir, BUNDLED_DIR, "people.json")).isFile()) {
          found = dir;
          break;
        }
      } catch {
      }
    }
    if (!found) throw new PurgesError("the bundled knowledge base is missing (dist/data)", 1, "Run 'npm run build' in the purges folder.");
  }
  return join(found, name);
}
function readCollection(collection) {
  return JSON.parse(readFileSync(bundledFile(`${BUNDLED_DIR}/${collection}.json`), "utf8"));
}
function bundledFingerprint() {
  try {
    return COLLECTIONS.map((c) => {
      const s = statSync(bundledFile(`${BUNDLED_DIR}/${c}.json`));
      return `${s.size}:${s.mtimeMs}`;
    }).join(",");
  } catch {
    return "missing";
  }
}
function loadBundled() {
  bundledFile(BUNDLED_DIR);
  return lazyKb(readCollection);
}
function loadBundledIndex() {
  try {
    return JSON.parse(readFileSync(bundledFile(BUNDLED_INDEX_FILE), "utf8"));
  } catch {
    return void 0;
  }
}
function bundledKb() {
  bundledFile(BUNDLED_INDEX_FILE);
  return new Kb({ read: readCollection, sorted: true, searchIndex: loadBundledIndex });
}
var BUNDLED_DIR, BUNDLED_INDEX_FILE, CANDIDATES, found;
var init_bundled = __esm({
  "src/kb/bundled.ts"() {
    "use strict";
    init_errors();
    init_merge();
    init_model();
    init_vocab();
    BUNDLED_DIR = "data";
    BUNDLED_INDEX_FILE = "search-index.json";
    CANDIDATES = [new URL("./", import.meta.url), new URL("../../dist/", import.meta.url)];
  }
});

// src/kb/cache-dir.ts
import { homedir } from "node:os";
import { isAbsolute, join as join2, resolve } from "node:path";
function namedCacheRoot(env, platform) {
  if (env.PURGES_HOME) return join2(env.PURGES_HOME, "cache");
  const home = platform !== "win32" && env.HOME || homedir();
  if (platform === "darwin") return join2(home, "Library", "Caches", "purges");
  if (platform === "win32") return join2(env.LOCALAPPDATA || join2(home, "AppData", "Local"), "purges", "Cache");
  return join2(env.XDG_CACHE_HOME || join2(home, ".cache"), "purges");
}
function cacheRoot(env, platform = process.platform) {
  const root = namedCacheRoot(env, platform);
  if (isAbsolute(root)) return root;
  try {
    return resolve(root);
  } catch {
    throw new PurgesError(
      `cannot use the relative cache folder ${root}: the current folder no longer exists`,
      1,
      "Change to a folder that exists, or set PURGES_HOME to an absolute path."
    );
  }
}
var init_cache_dir = __esm({
  "src/kb/cache-dir.ts"() {
    "use strict";
    init_errors();
  }
});

// src/kb/progress.ts
var quietProgress;
var init_progress = __esm({
  "src/kb/progress.ts"() {
    "use strict";
    quietProgress = { phase() {
    }, tick() {
    }, end() {
    } };
  }
});

// src/kb/files.ts
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readlinkSync, readSync, statSync as statSync2 } from "node:fs";
function formatBytes(n) {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return i === 0 ? `${n} bytes` : `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
function kindOf(s) {
  if (s.isDirectory()) return "a folder";
  if (s.isFIFO()) return "a named pipe (FIFO)";
  if (s.isCharacterDevice()) return "a character device";
  if (s.isBlockDevice()) return "a block device";
  if (s.isSocket()) return "a socket";
  return "not a regular file";
}
function pathError(e, path, hints = {}) {
  const err = e;
  const code = err.code;
  if (code === "ENOENT") {
    try {
      if (lstatSync(path).isSymbolicLink())
        return new DataError(
          `${path}: a broken symbolic link, to ${readlinkSync(path)}, which does not exist`,
          [],
          "Fix or remove the link."
        );
    } catch {
    }
    return new DataError(`${path}: no such file or directory`, [], hints.missing ?? "Check the path.");
  }
  const reasons = {
    ELOOP: ["a loop of symbolic links", "A link points back to itself: fix or remove it."],
    EACCES: ["permission denied", "Check the permissions of the file and of its folders (ls -l)."],
    EPERM: ["operation not permitted", "Check the permissions of the file and of its folders (ls -l)."],
    ENOTDIR: ["a part of the path is not a folder", "Check the path."],
    EISDIR: ["is a folder, not a file", "Give the folder of a data pack, or one of its files."],
    EMFILE: ["too many open files", "Close other programs, or raise the limit (ulimit -n)."],
    ENFILE: ["too many open files on the system", "Close other programs and try again."],
    ENAMETOOLONG: ["the path is too long", "Use a shorter path."],
    EIO: ["an input/output error (a failing disk or a lost network drive?)", "Check the disk, then try again."],
    ENOSPC: ["no space left on the disk", "Free some space, then try again."],
    EROFS: ["the disk is read-only", "Use a writable folder."],
    EEXIST: ["a file is in the way where a folder belongs", "Move that file away, or choose another folder."],
    EDQUOT: ["the disk quota is used up", "Free some space, then try again."],
    ENXIO: ["a device or FIFO with nothing behind it", "Give a regular file or folder."]
  };
  const [reason, defaultHint] = code && reasons[code] || [err.message ?? String(e), "Check the path."];
  return new DataError(`${path}: ${reason}`, [], code !== "ELOOP" && hints.other || defaultHint);
}
function isFolder(path, missing) {
  try {
    return statSync2(path).isDirectory();
  } catch (e) {
    throw pathError(e, path, { missing });
  }
}
function listFolder(path) {
  try {
    return readdirSync(path);
  } catch (e) {
    throw pathError(e, path);
  }
}
function openRegular(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw pathError(e, path);
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile())
      throw new DataError(
        `${path}: ${kindOf(s)}, not a regular file`,
        [],
        "A data pack holds regular files only: copy the data into a file."
      );
    return { fd, size: s.size, path };
  } catch (e) {
    closeSync(fd);
    throw e instanceof DataError ? e : pathError(e, path);
  }
}
function readAt(file, buffer, offset, length, position) {
  try {
    return readSync(file.fd, buffer, offset, length, position);
  } catch (e) {
    throw pathError(e, file.path);
  }
}
function readWhole(path, maxBytes = MAX_JSON_BYTES, hint) {
  const file = openRegular(path);
  try {
    if (file.size > maxBytes)
      throw new DataError(
        `${path}: ${formatBytes(file.size)}, over the ${formatBytes(maxBytes)} limit for a file read whole`,
        [],
        hint ?? "Split it into smaller files."
      );
    const buffer = Buffer.allocUnsafe(file.size);
    let read = 0;
    while (read < file.size) {
      const n = readAt(file, buffer, read, file.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const start = buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191 ? 3 : 0;
    return buffer.toString("utf8", start, read);
  } finally {
    closeSync(file.fd);
  }
}
var MAX_JSON_BYTES;
var init_files = __esm({
  "src/kb/files.ts"() {
    "use strict";
    init_errors();
    MAX_JSON_BYTES = 256 * 2 ** 20;
  }
});

// src/kb/index/layout.ts
var INDEX_FORMAT, NDJSON_COLLECTIONS, at;
var init_layout = __esm({
  "src/kb/index/layout.ts"() {
    "use strict";
    INDEX_FORMAT = 1;
    NDJSON_COLLECTIONS = ["people", "events"];
    at = (file, line) => `${file}:${line}`;
  }
});

// src/external.ts
function importExternal(specifier) {
  return slot.__purgesImport ? slot.__purgesImport(specifier) : import(specifier);
}
var slot;
var init_external = __esm({
  "src/external.ts"() {
    "use strict";
    slot = globalThis;
  }
});

// src/kb/json.ts
function lineColumn(text2, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text2.length; i++) {
    if (text2.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
async function parseJson(text2, file) {
  if (text2.trim() === "") throw new DataError(`${file}: the file is empty (expected a JSON array)`);
  if (text2.includes("\0")) throw new DataError(`${file}: not a text file (it contains NUL bytes); expected a JSON array`);
  try {
    return JSON.parse(text2);
  } catch {
    const { parse, printParseErrorCode } = await importExternal("jsonc-parser");
    const errors = [];
    parse(text2, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    if (!first) throw new DataError(`${file}: invalid JSON`);
    const { line, column } = lineColumn(text2, first.offset);
    throw new DataError(`${file}:${line}:${column}: invalid JSON (${describe(printParseErrorCode(first.error))})`);
  }
}
function describe(code) {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
}
var init_json = __esm({
  "src/kb/json.ts"() {
    "use strict";
    init_errors();
    init_external();
  }
});

// src/kb/index/hash.ts
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 2246822507);
  h ^= h >>> 13;
  h = Math.imul(h, 3266489909);
  return (h ^ h >>> 16) >>> 0;
}
function hashA(text2) {
  let h = 2166136261;
  for (let i = 0; i < text2.length; i++) h = Math.imul(h ^ text2.charCodeAt(i), 16777619);
  return fmix(h);
}
function hashB(text2) {
  let h = 2538058380 ^ text2.length;
  for (let i = 0; i < text2.length; i++) {
    h = Math.imul(h ^ text2.charCodeAt(i), 1540483477);
    h ^= h >>> 15;
  }
  return fmix(h);
}
function hashHex(text2) {
  return hashA(text2).toString(16).padStart(8, "0") + hashB(text2).toString(16).padStart(8, "0");
}
var init_hash = __esm({
  "src/kb/index/hash.ts"() {
    "use strict";
  }
});

// src/kb/pack-cache.ts
var pack_cache_exports = {};
__export(pack_cache_exports, {
  defaultCacheDir: () => defaultCacheDir,
  filesFingerprint: () => filesFingerprint,
  folderCache: () => folderCache
});
import { existsSync, mkdirSync, realpathSync, statSync as statSync3, writeFileSync } from "node:fs";
import { join as join3 } from "node:path";
function filesFingerprint(paths) {
  return paths.map((p) => {
    const s = statSync3(p, { bigint: true });
    return `${realpathSync(p)}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  }).join("|");
}
function folderCache(dir) {
  const file = (key) => join3(dir, `${hashHex(key)}.ok`);
  return {
    isValid: (key) => existsSync(file(key)),
    rememberValid: (key) => {
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(file(key), "");
      } catch {
      }
    }
  };
}
function defaultCacheDir(env) {
  return join3(cacheRoot(env), "packs");
}
var init_pack_cache = __esm({
  "src/kb/pack-cache.ts"() {
    "use strict";
    init_cache_dir();
    init_hash();
  }
});

// src/kb/problems.ts
function formatProblem(p) {
  return p.path ? `${p.file}: ${p.path}: ${p.message}` : `${p.file}: ${p.message}`;
}
function refusal(problems, truncated, path = "<pack>") {
  const others = problems.length - 1;
  const more = others > 0 ? ` (and ${others}${truncated ? "+" : ""} more problem${others > 1 ? "s" : ""})` : "";
  return new DataError(`data pack refused: ${problems[0]}${more}`, problems, `Run 'purges validate ${path}' to list the problems.`);
}
var MAX_PROBLEMS;
var init_problems = __esm({
  "src/kb/problems.ts"() {
    "use strict";
    init_errors();
    MAX_PROBLEMS = 1e3;
  }
});

// src/kb/index/io.ts
import { closeSync as closeSync2, openSync as openSync2, writeSync } from "node:fs";
function writeArray(path, array) {
  const w = new FileWriter(path);
  w.write(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  w.close();
}
function readU32(file, index, count) {
  const buffer = Buffer.allocUnsafe(count * 4);
  const n = readAt(file, buffer, 0, buffer.length, index * 4);
  return new Uint32Array(buffer.buffer, buffer.byteOffset, Math.floor(n / 4));
}
function readF64(file, index, count) {
  const buffer = Buffer.allocUnsafe(count * 8);
  const n = readAt(file, buffer, 0, buffer.length, index * 8);
  return new Float64Array(Uint8Array.prototype.slice.call(buffer, 0, n - n % 8).buffer);
}
function readI32(file, index, count) {
  const u = readU32(file, index, count);
  return new Int32Array(u.buffer, u.byteOffset, u.length);
}
function readText(file, start, end, encoding = "utf8") {
  const buffer = Buffer.allocUnsafe(end - start);
  const n = readAt(file, buffer, 0, buffer.length, start);
  return buffer.toString(encoding, 0, n);
}
var FileWriter, Growable;
var init_io = __esm({
  "src/kb/index/io.ts"() {
    "use strict";
    init_files();
    FileWriter = class {
      constructor(path) {
        this.path = path;
        this.fd = openSync2(path, "w");
      }
      path;
      fd;
      buffer = Buffer.allocUnsafe(1 << 20);
      used = 0;
      /** Bytes written so far (flushed or not). */
      bytes = 0;
      /** Appends bytes. */
      write(bytes) {
        if (this.used + bytes.length > this.buffer.length) this.flush();
        if (bytes.length > this.buffer.length) writeSync(this.fd, bytes);
        else {
          this.buffer.set(bytes, this.used);
          this.used += bytes.length;
        }
        this.bytes += bytes.length;
      }
      /** Appends one unsigned 32-bit number. */
      u32(n) {
        if (this.used + 4 > this.buffer.length) this.flush();
        this.buffer.writeUInt32LE(n, this.used);
        this.used += 4;
        this.bytes += 4;
      }
      /** Appends ASCII text (the index's words are ASCII). */
      ascii(text2) {
        if (this.used + text2.length > this.buffer.length) this.flush();
        if (text2.length > this.buffer.length) writeSync(this.fd, Buffer.from(text2, "latin1"));
        else this.used += this.buffer.write(text2, this.used, "latin1");
        this.bytes += text2.length;
      }
      flush() {
        let done = 0;
        while (done < this.used) done += writeSync(this.fd, this.buffer, done, this.used - done);
        this.used = 0;
      }
      /** Flushes and closes. */
      close() {
        this.flush();
        closeSync2(this.fd);
      }
    };
    Growable = class {
      constructor(array, make) {
        this.array = array;
        this.make = make;
      }
      array;
      make;
      length = 0;
      push(n) {
        if (this.length === this.array.length) {
          const bigger = this.make(this.array.length * 2);
          bigger.set(this.array);
          this.array = bigger;
        }
        this.array[this.length++] = n;
      }
      get(i) {
        return this.array[i];
      }
      set(i, n) {
        this.array[i] = n;
      }
      /** The filled part (a view, not a copy). */
      view() {
        return this.array.subarray(0, this.length);
      }
    };
  }
});

// src/kb/index/ids.ts
function candidates(file, id) {
  return byHash(file, hashA(id));
}
function* byHash(file, ha) {
  const slots = file.size / 8;
  if (slots === 0) return;
  const mask = slots - 1;
  let slot2 = ha & mask;
  for (; ; ) {
    const pairs = readU32(file, slot2 * 2, Math.min(16, (slots - slot2) * 2));
    for (let i = 0; i < pairs.length; i += 2) {
      const record = pairs[i + 1];
      if (record === 0) return;
      if (pairs[i] === ha) yield record - 1;
    }
    slot2 = slot2 + pairs.length / 2 & mask;
  }
}
function* allIds(file) {
  const slots = file.size / 8;
  for (let s = 0; s < slots; s += 65536) {
    const pairs = readU32(file, s * 2, Math.min(65536, slots - s) * 2);
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i + 1] !== 0) yield [pairs[i], pairs[i + 1] - 1];
  }
}
var IdTable;
var init_ids = __esm({
  "src/kb/index/ids.ts"() {
    "use strict";
    init_hash();
    init_io();
    IdTable = class {
      a;
      b;
      records;
      mask;
      /** Ids added. */
      size = 0;
      constructor(expected = 1024) {
        let slots = 1024;
        while (slots < expected * 2) slots *= 2;
        this.a = new Uint32Array(slots);
        this.b = new Uint32Array(slots);
        this.records = new Uint32Array(slots);
        this.mask = slots - 1;
      }
      /**
       * Adds an id for a record; when an id with both hashes equal is already there, returns that
       * record's number instead (the caller compares the ids: equal hashes are nearly always equal ids).
       */
      add(id, record, same = () => true) {
        if ((this.size + 1) * 2 > this.records.length) this.grow();
        const ha = hashA(id);
        const hb = hashB(id);
        let slot2 = ha & this.mask;
        while (this.records[slot2] !== 0) {
          if (this.a[slot2] === ha && this.b[slot2] === hb && same(this.records[slot2] - 1)) return this.records[slot2] - 1;
          slot2 = slot2 + 1 & this.mask;
        }
        this.a[slot2] = ha;
        this.b[slot2] = hb;
        this.records[slot2] = record + 1;
        this.size++;
        return void 0;
      }
      /** Whether an id is in the table (by both hashes: a false "yes" has odds of about 2^-64 per look-up). */
      has(id) {
        const ha = hashA(id);
        const hb = hashB(id);
        for (let slot2 = ha & this.mask; this.records[slot2] !== 0; slot2 = slot2 + 1 & this.mask)
          if (this.a[slot2] === ha && this.b[slot2] === hb) return true;
        return false;
      }
      /** Whether some id with this first hash is in the table. */
      hasHash(ha) {
        for (let slot2 = ha & this.mask; this.records[slot2] !== 0; slot2 = slot2 + 1 & this.mask) if (this.a[slot2] === ha) return true;
        return false;
      }
      grow() {
        const { a, b, records } = this;
        const slots = records.length * 2;
        this.a = new Uint32Array(slots);
        this.b = new Uint32Array(slots);
        this.records = new Uint32Array(slots);
        this.mask = slots - 1;
        for (let i = 0; i < records.length; i++) {
          if (records[i] === 0) continue;
          let slot2 = a[i] & this.mask;
          while (this.records[slot2] !== 0) slot2 = slot2 + 1 & this.mask;
          this.a[slot2] = a[i];
          this.b[slot2] = b[i];
          this.records[slot2] = records[i];
        }
      }
      /** Writes the table as (first hash, record + 1) pairs. */
      write(path) {
        const out = new Uint32Array(this.records.length * 2);
        for (let i = 0; i < this.records.length; i++) {
          out[2 * i] = this.a[i];
          out[2 * i + 1] = this.records[i];
        }
        writeArray(path, out);
      }
    };
  }
});

// src/kb/index/keys.ts
function personKey(id) {
  return hashA(id) >>> 3;
}
var init_keys = __esm({
  "src/kb/index/keys.ts"() {
    "use strict";
    init_hash();
  }
});

// src/kb/index/words.ts
import { closeSync as closeSync3, openSync as openSync3, readSync as readSync2, rmSync } from "node:fs";
import { join as join4 } from "node:path";
var SEPARATOR, RUN_ENTRIES, WordIndexWriter, RunReader, MinHeap, WordIndex;
var init_words = __esm({
  "src/kb/index/words.ts"() {
    "use strict";
    init_io();
    SEPARATOR = "";
    RUN_ENTRIES = 25e4;
    WordIndexWriter = class {
      constructor(dir, name, runEntries = RUN_ENTRIES) {
        this.dir = dir;
        this.name = name;
        this.runEntries = runEntries;
      }
      dir;
      name;
      runEntries;
      entries = [];
      runs = [];
      /** Pairs added so far. */
      count = 0;
      /** Adds the words of one record (each word once per record). */
      add(words2, record) {
        const suffix = SEPARATOR + record.toString(36);
        for (const w of words2) {
          this.entries.push(w + suffix);
          this.count++;
        }
        if (this.entries.length >= this.runEntries) this.flushRun();
      }
      flushRun() {
        if (this.entries.length === 0) return;
        this.entries.sort();
        const path = join4(this.dir, `${this.name}.run${this.runs.length}`);
        const w = new FileWriter(path);
        for (const e of this.entries) w.ascii(`${e}
`);
        w.close();
        this.runs.push(path);
        this.entries = [];
      }
      /** Merges the runs into the three index files; `onProgress` hears the pairs merged. Returns the word count. */
      finish(onProgress) {
        this.flushRun();
        const readers = this.runs.map((p) => new RunReader(p));
        const heap = new MinHeap(readers);
        const words2 = new FileWriter(join4(this.dir, `${this.name}.words`));
        const index = new FileWriter(join4(this.dir, `${this.name}.wordidx`));
        const postings = new FileWriter(join4(this.dir, `${this.name}.postings`));
        let current;
        let records = [];
        let wordCount = 0;
        let merged = 0;
        const emit = () => {
          if (current === void 0) return;
          index.u32(words2.bytes);
          index.u32(postings.bytes / 4);
          words2.ascii(current);
          records.sort((a, b) => a - b);
          let last = -1;
          for (const r of records) if (r !== last) postings.u32(last = r);
          wordCount++;
        };
        for (let top = heap.peek(); top; top = heap.peek()) {
          const entry = top.line;
          const cut = entry.indexOf(SEPARATOR);
          const word = entry.slice(0, cut);
          if (word !== current) {
            emit();
            current = word;
            records = [];
          }
          records.push(Number.parseInt(entry.slice(cut + 1), 36));
          top.next();
          heap.fix();
          if (++merged % 1e6 === 0) onProgress?.(merged);
        }
        emit();
        index.u32(words2.bytes);
        index.u32(postings.bytes / 4);
        words2.close();
        index.close();
        postings.close();
        for (const r of readers) r.close();
        for (const p of this.runs) rmSync(p, { force: true });
        return wordCount;
      }
    };
    RunReader = class {
      fd;
      buffer = "";
      at = 0;
      position = 0;
      chunk = Buffer.allocUnsafe(1 << 18);
      line;
      constructor(path) {
        this.fd = openSync3(path, "r");
        this.next();
      }
      next() {
        for (; ; ) {
          const nl = this.buffer.indexOf("\n", this.at);
          if (nl >= 0) {
            this.line = this.buffer.slice(this.at, nl);
            this.at = nl + 1;
            return;
          }
          const n = readSync2(this.fd, this.chunk, 0, this.chunk.length, this.position);
          if (n === 0) {
            this.line = void 0;
            return;
          }
          this.position += n;
          this.buffer = this.buffer.slice(this.at) + this.chunk.toString("latin1", 0, n);
          this.at = 0;
        }
      }
      close() {
        closeSync3(this.fd);
      }
    };
    MinHeap = class {
      items;
      constructor(readers) {
        this.items = readers.filter((r) => r.line !== void 0);
        for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.down(i);
      }
      peek() {
        return this.items[0];
      }
      /** Restores order after the top reader moved on (or ran out). */
      fix() {
        if (this.items[0].line === void 0) {
          const last = this.items.pop();
          if (this.items.length === 0) return;
          this.items[0] = last;
        }
        this.down(0);
      }
      down(i) {
        const a = this.items;
        for (; ; ) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < a.length && a[l].line < a[m].line) m = l;
          if (r < a.length && a[r].line < a[m].line) m = r;
          if (m === i) return;
          [a[i], a[m]] = [a[m], a[i]];
          i = m;
        }
      }
    };
    WordIndex = class {
      constructor(words2, index, postings) {
        this.words = words2;
        this.index = index;
        this.postings = postings;
        this.count = index.size / 8 - 1;
      }
      words;
      index;
      postings;
      /** Number of distinct words. */
      count;
      word(i) {
        const [start, , end] = readU32(this.index, i * 2, 3);
        return readText(this.words, start, end, "latin1");
      }
      /** The first word position whose word is >= `key`. */
      lowerBound(key) {
        let lo = 0;
        let hi = this.count;
        while (lo < hi) {
          const mid2 = lo + hi >>> 1;
          if (this.word(mid2) < key) lo = mid2 + 1;
          else hi = mid2;
        }
        return lo;
      }
      /** Where the records of the words starting with `prefix` lie in .postings: [start, end). */
      prefixRange(prefix) {
        const lo = this.lowerBound(prefix);
        const hi = this.lowerBound(`${prefix}{`);
        if (lo >= hi) return [0, 0];
        const [start] = readU32(this.index, lo * 2 + 1, 1);
        const [end] = readU32(this.index, hi * 2 + 1, 1);
        return [start, end];
      }
      /** The record numbers in [start, end) of .postings, without repeats, ascending. */
      records(start, end) {
        const out = readU32(this.postings, start, end - start);
        out.sort();
        let n = 0;
        for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i];
        return out.subarray(0, n);
      }
      /** Closes the files. */
      close() {
        for (const f of [this.words, this.index, this.postings]) closeSync3(f.fd);
      }
    };
  }
});

// src/kb/index/reader.ts
import { closeSync as closeSync4, fstatSync as fstatSync2, openSync as openSync4, rmSync as rmSync2 } from "node:fs";
import { join as join5 } from "node:path";
function damaged(dir, cause) {
  try {
    rmSync2(dir, { recursive: true, force: true });
  } catch {
  }
  const why = cause ? ` (${cause.message})` : "";
  return new DataError(`the index of this pack was damaged and has been removed${why}`, [], "Run the command again to rebuild it.");
}
function intersect(a, b) {
  const out = new Uint32Array(Math.min(a.length, b.length));
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] < b[j]) i++;
    else if (a[i] > b[j]) j++;
    else {
      out[n++] = a[i];
      i++;
      j++;
    }
  }
  return out.subarray(0, n);
}
function readBytes(file, index, count) {
  const buffer = Buffer.allocUnsafe(count);
  return buffer.subarray(0, readAt(file, buffer, 0, count, index));
}
var MAX_POSTINGS, MAX_WORD_MATCHES, CHUNK, IndexedPack;
var init_reader = __esm({
  "src/kb/index/reader.ts"() {
    "use strict";
    init_errors();
    init_files();
    init_merge();
    init_ids();
    init_io();
    init_keys();
    init_words();
    MAX_POSTINGS = 4e6;
    MAX_WORD_MATCHES = 5e3;
    CHUNK = 8192;
    IndexedPack = class {
      constructor(dir, meta, sources) {
        this.dir = dir;
        this.meta = meta;
        this.sources = sources;
      }
      dir;
      meta;
      sources;
      files = /* @__PURE__ */ new Map();
      wordIndexes = /* @__PURE__ */ new Map();
      /** Number of records of a collection. */
      count(c) {
        return this.meta[c]?.records ?? 0;
      }
      file(name) {
        let f = this.files.get(name);
        if (!f) {
          const path = join5(this.dir, name);
          let fd;
          try {
            fd = openSync4(path, "r");
          } catch (e) {
            throw damaged(this.dir, e);
          }
          f = { fd, size: fstatSync2(fd).size, path };
          if (f.size !== this.meta.sizes[name]) {
            closeSync4(fd);
            throw damaged(this.dir);
          }
          this.files.set(name, f);
        }
        return f;
      }
      words(c) {
        let w = this.wordIndexes.get(c);
        if (!w) {
          w = new WordIndex(this.file(`${c}.words`), this.file(`${c}.wordidx`), this.file(`${c}.postings`));
          this.wordIndexes.set(c, w);
        }
        return w;
      }
      /** Record number `r` of a collection, as read (defaults filled). */
      record(c, r) {
        const [start, end] = readF64(this.file(`${c}.offsets`), r, 2);
        const text2 = readText(this.sources[c], start, end);
        return fillDefaults(c, JSON.parse(text2));
      }
      byId(c, id) {
        if (!this.meta[c]) return void 0;
        for (const r of candidates(this.file(`${c}.ids`), id)) {
          const rec = this.record(c, r);
          if (rec.id === id) return rec;
        }
        return void 0;
      }
      /** Whether a person or an event with this id is here. */
      has(c, id) {
        return this.byId(c, id) !== void 0;
      }
      /** Whether some record's id has this first hash (see hash.ts): a cheap "maybe". */
      mayHave(c, hash) {
        if (!this.meta[c]) return false;
        return !byHash(this.file(`${c}.ids`), hash).next().done;
      }
      /** The ids of the records whose id hash passes `maybe` (each read from its record). */
      *idsWhere(c, maybe) {
        if (!this.meta[c]) return;
        for (const [hash, r] of allIds(this.file(`${c}.ids`))) if (maybe(hash)) yield this.record(c, r).id;
      }
      /** A person by id. */
      person(id) {
        return this.byId("people", id);
      }
      /** An event by id. */
      event(id) {
        return this.byId("events", id);
      }
      /**
       * Records with, for every word given, a word starting with it (the caller scores them: this
       * only narrows millions down to a few). Reads the rarest word's records, intersecting with
       * the next rarest while there are too many.
       */
      byWords(c, words2) {
        if (!this.meta[c] || words2.length === 0) return { records: [], more: false };
        const index = this.words(c);
        const ranges = words2.map((w) => index.prefixRange(w)).sort((a, b) => a[1] - a[0] - (b[1] - b[0]));
        if (ranges[0][1] === ranges[0][0]) return { records: [], more: false };
        let found2;
        for (const [start, end] of ranges) {
          if (found2 && found2.length <= MAX_WORD_MATCHES) break;
          if (end - start > MAX_POSTINGS) break;
          const records2 = index.records(start, end);
          found2 = found2 ? intersect(found2, records2) : records2;
        }
        if (!found2) found2 = index.records(ranges[0][0], Math.min(ranges[0][1], ranges[0][0] + MAX_POSTINGS));
        const more = found2.length > MAX_WORD_MATCHES;
        const records = Array.from(found2.subarray(0, MAX_WORD_MATCHES), (r) => this.record(c, r));
        return { records, more };
      }
      /** The events naming a person, in date order. */
      eventsOf(personId) {
        if (!this.meta.events) return [];
        const pairs = this.file("events.people");
        const n = pairs.size / 8;
        const key = personKey(personId);
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid2 = lo + hi >>> 1;
          if (readU32(pairs, mid2 * 2, 1)[0] < key) lo = mid2 + 1;
          else hi = mid2;
        }
        const positions = [];
        for (let i = lo; i < n; i += CHUNK) {
          const chunk = readU32(pairs, i * 2, CHUNK * 2);
          let j = 0;
          for (; j < chunk.length && chunk[j] === key; j += 2) positions.push(chunk[j + 1]);
          if (j < chunk.length) break;
        }
        return this.atPositions(positions).filter((d) => d.event.people.includes(personId));
      }
      /**
       * Events overlapping [fromDay, toDay] (day numbers; either may be open) in date order, whose
       * category passes `category` (by index in EVENT_CATEGORIES), at most `limit`.
       */
      eventsIn(fromDay, toDay, category, limit = Infinity) {
        const meta = this.meta.events;
        if (!meta) return [];
        const keys = this.file("events.keys");
        const n = keys.size / 8;
        const lowerBound = (key) => {
          let lo2 = 0;
          let hi2 = n;
          while (lo2 < hi2) {
            const mid2 = lo2 + hi2 >>> 1;
            if (readF64(keys, mid2, 1)[0] < key) lo2 = mid2 + 1;
            else hi2 = mid2;
          }
          return lo2;
        };
        const lo = fromDay === void 0 ? 0 : lowerBound((fromDay - meta.maxSpanDays) * 4);
        const hi = toDay === void 0 ? n : lowerBound((toDay + 1) * 4);
        const positions = [];
        for (let p = lo; p < hi && positions.length < limit; p += CHUNK) {
          const count = Math.min(CHUNK, hi - p);
          const ends2 = readI32(this.file("events.ends"), p, count);
          const cats = readBytes(this.file("events.cats"), p, count);
          for (let i = 0; i < count && positions.length < limit; i++)
            if ((fromDay === void 0 || ends2[i] >= fromDay) && category(cats[i])) positions.push(p + i);
        }
        return this.atPositions(positions);
      }
      atPositions(positions) {
        const keys = this.file("events.keys");
        const order2 = this.file("events.order");
        return positions.map((position) => ({
          position,
          key: readF64(keys, position, 1)[0],
          event: this.record("events", readU32(order2, position, 1)[0])
        }));
      }
      /** Closes every file. */
      close() {
        for (const w of this.wordIndexes.values()) w.close();
        for (const f of this.files.values()) closeSync4(f.fd);
        this.files.clear();
        this.wordIndexes.clear();
      }
    };
  }
});

// src/kb/schema.ts
import { z } from "zod";
var date, slug, text, sourceRefs, sourceSchema, role, sourceNote, repression, personSchema, eventSchema, statisticSchema, eraSchema, claimPattern, claimSchema, recordSchemasShape, recordSchemas;
var init_schema = __esm({
  "src/kb/schema.ts"() {
    "use strict";
    init_dates();
    init_merge();
    init_vocab();
    date = z.string().refine(isValidDate, { error: (iss) => `${JSON.stringify(iss.input)} is not a valid date (use YYYY, YYYY-MM or YYYY-MM-DD)` });
    slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
      error: (iss) => `${JSON.stringify(iss.input)} is not a valid id (lowercase letters, digits and hyphens)`
    });
    text = z.string().regex(/\S/, { error: "must not be empty" });
    sourceRefs = z.array(slug).min(1, { error: "cites no source (at least one source id is required)" });
    sourceSchema = z.strictObject({
      id: slug,
      authors: z.array(text).min(1),
      title: text,
      // Undated works (some web pages) omit the year and are cited as n.d.
      year: z.number().int().min(1800).max(2100).optional(),
      publisher: text.optional(),
      journal: text.optional(),
      volume: text.optional(),
      issue: text.optional(),
      pages: text.optional(),
      url: z.url().optional(),
      note: text.optional(),
      kind: z.enum(SOURCE_KINDS)
    });
    role = z.strictObject({
      title: text,
      from: date.optional(),
      to: date.optional(),
      kind: z.enum(ROLE_KINDS).optional(),
      // The role a listing shows for this person when no filter picked one (one per person).
      primary: z.literal(true).optional()
    });
    sourceNote = text.optional();
    repression = z.strictObject({
      arrested: date.optional(),
      charge: text.optional(),
      court: text.optional(),
      sentenced: date.optional(),
      sentence: text.optional(),
      executed: date.optional(),
      rehabilitated: date.optional(),
      // Rehabilitation was sought and refused (Yezhov, 1998): the date, or true when undated.
      rehabilitationRefused: z.union([date, z.literal(true)]).optional()
    });
    personSchema = z.strictObject({
      id: slug,
      name: text,
      nativeName: text.optional(),
      aliases: z.array(text).default([]),
      born: date,
      died: date.optional(),
      fate: z.enum(FATES),
      roles: z.array(role).default([]),
      summary: text,
      sources: sourceRefs,
      sourceNote,
      repression: repression.optional()
    });
    eventSchema = z.strictObject({
      id: slug,
      date,
      endDate: date.optional(),
      title: text,
      summary: text,
      category: z.enum(EVENT_CATEGORIES),
      people: z.array(slug).default([]),
      // Each listed person's part in the event (a key must be in \`people\`).
      parts: z.record(slug, z.enum(EVENT_PARTS)).optional(),
      // Other names readers use for the event ("first Moscow trial").
      aliases: z.array(text).optional(),
      place: text.optional(),
      sources: sourceRefs,
      sourceNote
    });
    statisticSchema = z.strictObject({
      id: slug,
      label: text,
      value: z.number().nonnegative().optional(),
      low: z.number().nonnegative().optional(),
      high: z.number().nonnegative().optional(),
      unit: text,
      period: z.strictObject({ from: date, to: date }),
      category: z.enum(STAT_CATEGORIES),
      basis: z.enum(BASES),
      series: slug.optional(),
      note: text.optional(),
      sources: sourceRefs
    }).superRefine((s, ctx) => {
      const hasRange = s.low !== void 0 || s.high !== void 0;
      if (s.value !== void 0 && hasRange) ctx.addIssue({ code: "custom", message: "has both value and low/high: give one or the other" });
      else if (s.value === void 0 && (s.low === void 0 || s.high === void 0))
        ctx.addIssue({ code: "custom", message: "needs either value or both low and high" });
      else if (s.low !== void 0 && s.high !== void 0 && s.low > s.high)
        ctx.addIssue({ code: "custom", path: ["low"], message: `low (${s.low}) is greater than high (${s.high})` });
    });
    eraSchema = z.strictObject({
      id: slug,
      title: text,
      from: date,
      to: date,
      summary: text,
      sources: z.array(slug).default([])
    });
    claimPattern = z.strictObject({
      all: z.array(z.array(text).min(1)).min(1),
      none: z.array(text).optional()
    });
    claimSchema = z.strictObject({
      id: slug,
      claim: text,
      origin: text,
      originSource: slug.optional(),
      verdict: z.enum(VERDICTS),
      figure: text.optional(),
      explanation: text,
      sources: sourceRefs,
      patterns: z.array(claimPattern).optional()
    });
    recordSchemasShape = {
      sources: sourceSchema,
      people: personSchema,
      events: eventSchema,
      statistics: statisticSchema,
      eras: eraSchema,
      claims: claimSchema
    };
    recordSchemas = recordSchemasShape;
  }
});

// src/kb/check.ts
function before(later, earlier) {
  return endDay(later) < startDay(earlier);
}
function jsonPath(collection, path) {
  let out = collection;
  for (const key of path) out += typeof key === "number" ? `[${key}]` : `.${String(key)}`;
  return out;
}
function checkShapes(raw, maxProblems = MAX_PROBLEMS) {
  const pack = {};
  const problems = [];
  const invalidIds = /* @__PURE__ */ new Set();
  const invalidRefs = [];
  for (const name of COLLECTIONS) {
    const entry = raw[name];
    if (!entry) continue;
    if (!Array.isArray(entry.data)) {
      problems.push({ file: entry.file, path: name, message: `expected a JSON array of ${name}, got ${describeJson(entry.data)}` });
      continue;
    }
    const schema = recordSchemas[name];
    const valid = [];
    entry.data.every((record, i) => {
      if (problems.length >= maxProblems) return false;
      const result = schema.safeParse(record);
      if (result.success) {
        valid.push(fillDefaults(name, record));
        return true;
      }
      const id = record?.id;
      if (typeof id === "string") invalidIds.add(id);
      for (const kind of ["sources", "people"]) {
        const refs = record?.[kind];
        if (kind === "people" && name !== "events") continue;
        if (Array.isArray(refs))
          refs.forEach(
            (ref, j) => typeof ref === "string" && invalidRefs.push({ file: entry.file, path: `${name}[${i}].${kind}[${j}]`, kind, id: ref, owner: String(id) })
          );
      }
      const suffix = typeof id === "string" ? ` (id "${id}")` : "";
      for (const issue of result.error.issues) {
        problems.push({ file: entry.file, path: jsonPath(`${name}[${i}]`, issue.path), message: issue.message + suffix });
      }
      return true;
    });
    pack[name] = valid;
  }
  const truncated = problems.length >= maxProblems;
  return { pack, problems: problems.slice(0, maxProblems), invalidIds, invalidRefs, truncated };
}
function describeJson(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
function checkIntegrity(pack, files, base = emptyKb(), invalidIds = /* @__PURE__ */ new Set(), invalidRefs = [], external = () => false) {
  const problems = [];
  const ids = {};
  for (const name of COLLECTIONS) {
    const seen = new Set(base[name].map((r) => r.id));
    const fresh = /* @__PURE__ */ new Set();
    (pack[name] ?? []).forEach((r, i) => {
      if (seen.has(r.id) || external(name, r.id)) {
        const where = fresh.has(r.id) ? "earlier in this file" : "in the data already loaded";
        problems.push({ file: files[name], path: `${name}[${i}].id`, message: `duplicate id "${r.id}" (also ${where})` });
      }
      seen.add(r.id);
      fresh.add(r.id);
    });
    ids[name] = seen;
  }
  const resolve2 = (file, path, kind, id, owner) => {
    if (!ids[kind].has(id) && !invalidIds.has(id) && !external(kind, id)) {
      const noun = kind === "people" ? "person" : kind === "sources" ? "source" : kind.replace(/s$/, "");
      problems.push({ file, path, message: `unknown ${noun} "${id}" (id "${owner}")` });
    }
  };
  const ref = (name, i, field, kind, id, owner) => resolve2(files[name], `${name}[${i}].${field}`, kind, id, owner);
  for (const name of COLLECTIONS) {
    (pack[name] ?? []).forEach((r, i) => {
      if ("sources" in r) r.sources.forEach((s, j) => ref(name, i, `sources[${j}]`, "sources", s, r.id));
    });
  }
  for (const r of invalidRefs) resolve2(r.file, r.path, r.kind, r.id, r.owner);
  (pack.events ?? []).forEach((e, i) => {
    e.people.forEach((p, j) => ref("events", i, `people[${j}]`, "people", p, e.id));
    for (const o of orderProblems("events", e))
      problems.push({ file: files.events, path: `events[${i}].${o.field}`, message: `${o.message} (id "${e.id}")` });
  });
  (pack.claims ?? []).forEach((c, i) => {
    if (c.originSource) ref("claims", i, "originSource", "sources", c.originSource, c.id);
  });
  (pack.people ?? []).forEach((p, i) => {
    for (const o of orderProblems("people", p))
      problems.push({ file: files.people, path: `people[${i}].${o.field}`, message: `${o.message} (id "${p.id}")` });
  });
  (pack.eras ?? []).forEach((e, i) => {
    if (before(e.to, e.from))
      problems.push({ file: files.eras, path: `eras[${i}].to`, message: `ends (${e.to}) before it starts (${e.from}) (id "${e.id}")` });
  });
  (pack.statistics ?? []).forEach((s, i) => {
    if (before(s.period.to, s.period.from))
      problems.push({
        file: files.statistics,
        path: `statistics[${i}].period.to`,
        message: `period ends (${s.period.to}) before it starts (${s.period.from}) (id "${s.id}")`
      });
  });
  return problems;
}
function orderProblems(name, record) {
  const out = [];
  if (name === "events") {
    const e = record;
    for (const id of Object.keys(e.parts ?? {}))
      if (!e.people.includes(id)) out.push({ field: `parts.${id}`, message: `"${id}" has a part but is not in people` });
    if (e.endDate && before(e.endDate, e.date)) out.push({ field: "endDate", message: `ends (${e.endDate}) before it starts (${e.date})` });
    return out;
  }
  const p = record;
  if (p.died && before(p.died, p.born)) out.push({ field: "died", message: `died (${p.died}) before being born (${p.born})` });
  const r = p.repression;
  if (r?.arrested && r.sentenced && before(r.sentenced, r.arrested))
    out.push({ field: "repression.sentenced", message: `sentenced (${r.sentenced}) before arrest (${r.arrested})` });
  if (r?.sentenced && r.executed && before(r.executed, r.sentenced))
    out.push({ field: "repression.executed", message: `executed (${r.executed}) before sentence (${r.sentenced})` });
  return out;
}
var init_check = __esm({
  "src/kb/check.ts"() {
    "use strict";
    init_schema();
    init_merge();
    init_merge();
    init_problems();
    init_problems();
    init_dates();
    init_vocab();
  }
});

// src/kb/ndjson.ts
function eachLine(file, onLine, options = {}) {
  const maxLine = options.maxLine ?? MAX_LINE_BYTES;
  let buffer = Buffer.allocUnsafe(options.chunk ?? 2 ** 20);
  let filled = 0;
  let base = 0;
  let number = 0;
  let position = 0;
  const line = { text: "", number: 0, start: 0, end: 0 };
  for (; ; ) {
    const room = buffer.length - filled;
    const n = position < file.size ? readAt(file, buffer, filled, Math.min(room, file.size - position), position) : 0;
    position += n;
    filled += n;
    const eof = n === 0;
    let from = 0;
    for (; ; ) {
      let nl = buffer.indexOf(10, from);
      if (nl < 0 || nl >= filled) {
        if (!eof || from >= filled) break;
        nl = filled;
      }
      number++;
      let s = from;
      let e = nl;
      if (base + s === 0 && buffer[0] === 239 && buffer[1] === 187 && buffer[2] === 191) s = 3;
      if (e > s && buffer[e - 1] === 13) e--;
      if (e > s && !isBlank(buffer, s, e)) {
        line.text = buffer.toString("utf8", s, e);
        line.number = number;
        line.start = base + s;
        line.end = base + e;
        if (onLine(line) === false) return number;
      }
      from = nl + 1;
    }
    if (eof) return number;
    const rest = filled - from;
    if (rest >= maxLine)
      throw new DataError(`${file.path}:${number + 1}: a line longer than ${formatBytes(maxLine)}`, [], "Write one record a line.");
    if (from === 0 && rest === buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxLine + 1));
      buffer.copy(bigger, 0, 0, rest);
      buffer = bigger;
    } else buffer.copy(buffer, 0, from, filled);
    base += from;
    filled = rest;
    options.onProgress?.(position);
  }
}
function isBlank(buffer, s, e) {
  for (let i = s; i < e; i++) {
    const c = buffer[i];
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
var MAX_LINE_BYTES;
var init_ndjson = __esm({
  "src/kb/ndjson.ts"() {
    "use strict";
    init_errors();
    init_files();
    MAX_LINE_BYTES = 4 * 2 ** 20;
  }
});

// src/kb/index/build.ts
var build_exports = {};
__export(build_exports, {
  buildIndex: () => buildIndex,
  eventWords: () => eventWords,
  personWords: () => personWords
});
import { closeSync as closeSync5, readdirSync as readdirSync2, statSync as statSync4, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join6 } from "node:path";
function personWords(p) {
  const words2 = /* @__PURE__ */ new Set();
  for (const n of personNames(p)) for (const w of n.split(" ")) if (w) words2.add(w);
  return words2;
}
function eventWords(e) {
  const words2 = /* @__PURE__ */ new Set();
  for (const text2 of [e.title, e.id, e.place, e.summary, ...e.aliases ?? []])
    if (text2) {
      for (const w of normalize(text2).split(" ")) if (w) words2.add(w);
    }
  return words2;
}
function buildIndex(o) {
  const problems = [];
  const refs = { sources: {}, people: {} };
  const counts = {};
  const full = () => problems.length >= o.maxProblems;
  const meta = { format: INDEX_FORMAT, purges: o.purges, key: o.key, refs, sizes: {} };
  const ids = {};
  try {
    if (o.files.people) {
      const r = pass("people", o.files.people, o, problems, refs, void 0, full);
      ids.people = r.ids;
      counts.people = r.records;
      meta.people = { file: o.files.people, records: r.records, words: r.words };
    }
    if (o.files.events && !full()) {
      const r = pass("events", o.files.events, o, problems, refs, ids.people, full);
      ids.events = r.ids;
      counts.events = r.records;
      meta.events = { file: o.files.events, records: r.records, words: r.words, maxSpanDays: r.maxSpanDays };
    }
  } finally {
    o.progress.end();
  }
  const truncated = problems.length >= o.maxProblems;
  if (o.out && problems.length === 0) {
    for (const f of readdirSync2(o.out)) meta.sizes[f] = statSync4(join6(o.out, f)).size;
    writeFileSync2(join6(o.out, "meta.json"), JSON.stringify(meta));
  }
  return { problems: problems.slice(0, o.maxProblems), truncated, counts, refs, ids };
}
function pass(name, path, o, problems, refs, peopleIds, full) {
  const file = openRegular(path);
  const schema = recordSchemas[name];
  const offsets = new Growable(new Float64Array(1 << 16), (n) => new Float64Array(n));
  const lines = new Growable(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  const ids = new IdTable(file.size / 300);
  const words2 = o.out ? new WordIndexWriter(o.out, name) : void 0;
  const keys = new Growable(new Float64Array(1 << 12), (n) => new Float64Array(n));
  const ends2 = new Growable(new Int32Array(1 << 12), (n) => new Int32Array(n));
  const cats = new Growable(new Uint8Array(1 << 12), (n) => new Uint8Array(n));
  const pairs = new Growable(new Float64Array(1 << 12), (n) => new Float64Array(n));
  let maxSpanDays = 0;
  const label = path.split(/[\\/]/).pop();
  const problem = (line, field, message) => problems.push({ file: at(path, line.number), path: field, message });
  const idOf = (record) => {
    const start = offsets.get(record);
    const end = record + 1 < offsets.length ? offsets.get(record + 1) : file.size;
    try {
      return JSON.parse(readText2(file, start, end)).id;
    } catch {
      return void 0;
    }
  };
  o.progress.phase(o.out ? `indexing ${label}` : `checking ${label}`, file.size);
  try {
    eachLine(
      file,
      (line) => {
        if (full()) return false;
        const record = offsets.length;
        if (name === "events" && record >= MAX_EVENTS) {
          problem(line, "", `more than ${MAX_EVENTS} events in one file: split it`);
          return false;
        }
        offsets.push(line.start);
        lines.push(line.number);
        if (name === "events") {
          keys.push(Number.NaN);
          ends2.push(0);
          cats.push(0);
        }
        let value;
        try {
          value = JSON.parse(line.text);
        } catch (e) {
          const message = e.message;
          const position = / at position (\d+)/.exec(message)?.[1];
          const what = message.replace(/ in JSON at position.*/s, "").replace(/^Unexpected token.*/s, "unexpected character");
          problem(line, "", `invalid JSON (${what}${position === void 0 ? "" : ` at column ${Number(position) + 1}`})`);
          return true;
        }
        const id = value?.id;
        if (typeof id === "string") {
          const other = ids.add(id, record, (r2) => idOf(r2) === id);
          if (other !== void 0) problem(line, "id", `duplicate id "${id}" (also on line ${lines.get(other)})`);
        }
        const suffix = typeof id === "string" ? ` (id "${id}")` : "";
        const result = schema.safeParse(value);
        if (!result.success) {
          for (const issue of result.error.issues)
            problem(
              line,
              issue.path.map((k) => typeof k === "number" ? `[${k}]` : `.${String(k)}`).join("").replace(/^\./, ""),
              issue.message + suffix
            );
          return true;
        }
        const r = fillDefaults(name, value);
        for (const p of orderProblems(name, r)) problem(line, p.field, p.message + suffix);
        for (const s of r.sources) if (!(s in refs.sources)) refs.sources[s] = at(path, line.number);
        if (name === "people") words2?.add(personWords(r), record);
        else {
          const e = r;
          for (const p of e.people) {
            if (!peopleIds?.has(p) && !(p in refs.people)) refs.people[p] = at(path, line.number);
            pairs.push(personKey(p) * 2 ** 24 + record);
          }
          const start = startDay(e.date);
          const end = endDay(e.endDate ?? e.date);
          keys.set(record, start * 4 + (e.date.length - 4) / 3);
          ends2.set(record, end);
          cats.set(record, EVENT_CATEGORIES.indexOf(e.category));
          maxSpanDays = Math.max(maxSpanDays, end - start);
          words2?.add(eventWords(e), record);
        }
        return true;
      },
      { onProgress: (bytes) => o.progress.tick(bytes, offsets.length) }
    );
    const records = offsets.length;
    let wordCount = 0;
    if (o.out && problems.length === 0) {
      writeArray(join6(o.out, `${name}.offsets`), Float64Array.from([...offsets.view(), file.size]));
      ids.write(join6(o.out, `${name}.ids`));
      if (name === "events") writeEventOrder(o.out, records, keys, ends2, cats, pairs);
      o.progress.phase(`sorting the words of ${label}`, words2.count);
      wordCount = words2.finish((done) => o.progress.tick(done));
    }
    return { ids, records, words: wordCount, maxSpanDays };
  } finally {
    closeSync5(file.fd);
  }
}
function writeEventOrder(out, n, keys, ends2, cats, pairs) {
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = keys.get(i) * 2 ** 24 + i;
  sorted.sort();
  const order2 = new Uint32Array(n);
  const position = new Uint32Array(n);
  const byKey = new Float64Array(n);
  const byEnd = new Int32Array(n);
  const byCat = new Uint8Array(n);
  for (let p = 0; p < n; p++) {
    const r = sorted[p] % 2 ** 24;
    order2[p] = r;
    position[r] = p;
    byKey[p] = keys.get(r);
    byEnd[p] = ends2.get(r);
    byCat[p] = cats.get(r);
  }
  writeArray(join6(out, "events.order"), order2);
  writeArray(join6(out, "events.keys"), byKey);
  writeArray(join6(out, "events.ends"), byEnd);
  writeArray(join6(out, "events.cats"), byCat);
  const byPerson = pairs.view().map((v) => Math.floor(v / 2 ** 24) * 2 ** 24 + position[v % 2 ** 24]);
  byPerson.sort();
  const flat = new Uint32Array(byPerson.length * 2);
  for (let i = 0; i < byPerson.length; i++) {
    flat[2 * i] = Math.floor(byPerson[i] / 2 ** 24);
    flat[2 * i + 1] = byPerson[i] % 2 ** 24;
  }
  writeArray(join6(out, "events.people"), flat);
}
function readText2(file, start, end) {
  const buffer = Buffer.allocUnsafe(end - start);
  const n = readAt(file, buffer, 0, buffer.length, start);
  return buffer.toString("utf8", 0, n);
}
var MAX_EVENTS;
var init_build = __esm({
  "src/kb/index/build.ts"() {
    "use strict";
    init_check();
    init_dates();
    init_files();
    init_find_person();
    init_merge();
    init_ndjson();
    init_normalize();
    init_schema();
    init_vocab();
    init_ids();
    init_keys();
    init_io();
    init_layout();
    init_words();
    MAX_EVENTS = 2 ** 24 - 1;
  }
});

// src/kb/index/store.ts
var store_exports = {};
__export(store_exports, {
  openIndex: () => openIndex
});
import {
  accessSync,
  closeSync as closeSync6,
  constants as constants2,
  existsSync as existsSync2,
  mkdirSync as mkdirSync2,
  openSync as openSync5,
  readdirSync as readdirSync3,
  readFileSync as readFileSync2,
  renameSync,
  rmSync as rmSync3,
  statSync as statSync5,
  utimesSync,
  writeFileSync as writeFileSync3
} from "node:fs";
import { dirname, join as join7 } from "node:path";
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
async function openIndex(r) {
  const key = `${INDEX_FORMAT} ${r.purges} ${r.fingerprint}`;
  const name = hashHex(key);
  const dir = join7(r.cacheDir, name);
  for (let waited = false; ; ) {
    const ready = tryOpen(dir, key, r.files);
    if (ready) {
      if (waited) r.progress.end();
      return ready;
    }
    if (waited) r.progress.end();
    refusedBefore(dir, key, r.packPath);
    const lock = takeLock(r.cacheDir, `${dir}.lock`);
    if (lock === void 0) {
      r.progress.phase("waiting for another purges to finish indexing this pack", 0);
      waited = true;
      await sleep(250);
      continue;
    }
    try {
      const again = tryOpen(dir, key, r.files);
      if (again) return again;
      await build(dir, key, r);
      const built = tryOpen(dir, key, r.files);
      if (!built) throw new DataError(`${dir}: the index just built cannot be read`, [], "Remove the folder and try again.");
      return built;
    } finally {
      closeSync6(lock);
      rmSync3(`${dir}.lock`, { force: true });
    }
  }
}
function tryOpen(dir, key, files) {
  let meta;
  try {
    meta = JSON.parse(readFileSync2(join7(dir, "meta.json"), "utf8"));
    if (meta.key !== key || meta.format !== INDEX_FORMAT) return void 0;
  } catch {
    return void 0;
  }
  const sources = {};
  for (const [c, path] of Object.entries(files)) sources[c] = openRegular(path);
  return new IndexedPack(dir, meta, sources);
}
function refusedBefore(dir, key, packPath) {
  let refused;
  try {
    refused = JSON.parse(readFileSync2(`${dir}.refused.json`, "utf8"));
  } catch {
    return;
  }
  if (refused.key === key) throw refusal(refused.problems, refused.truncated, packPath);
}
function takeLock(cacheDir, path) {
  try {
    mkdirSync2(cacheDir, { recursive: true });
  } catch (e) {
    const [error, where] = whyNoFolder(e, cacheDir);
    throw pathError(error, where, { other: "The pack index is kept there: set PURGES_HOME to a writable folder." });
  }
  for (; ; ) {
    try {
      const fd = openSync5(path, "wx");
      writeFileSync3(fd, String(process.pid));
      return fd;
    } catch (e) {
      if (e.code !== "EEXIST")
        throw pathError(e, path, { other: "The pack index is kept there: set PURGES_HOME to a writable folder." });
    }
    try {
      const pid = Number(readFileSync2(path, "utf8"));
      const age = Date.now() - statSync5(path).mtimeMs;
      if (pid > 0 && alive(pid) && age < STALE_LOCK_MS) return void 0;
      rmSync3(path, { force: true });
      rmSync3(`${path.slice(0, -".lock".length)}.tmp-${pid}`, { recursive: true, force: true });
    } catch {
    }
  }
}
function whyNoFolder(e, folder) {
  if (e.code !== "ENOENT") return [e, folder];
  let up = dirname(folder);
  while (!existsSync2(up) && dirname(up) !== up) up = dirname(up);
  try {
    accessSync(up, constants2.W_OK);
  } catch (denied) {
    return [denied, up];
  }
  return [e, folder];
}
async function build(dir, key, r) {
  const { buildIndex: buildIndex2 } = await Promise.resolve().then(() => (init_build(), build_exports));
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync3(tmp, { recursive: true, force: true });
  rmSync3(dir, { recursive: true, force: true });
  mkdirSync2(tmp, { recursive: true });
  let beat = Date.now();
  const progress = {
    phase: (label, total) => r.progress.phase(label, total),
    tick: (done, records) => {
      r.progress.tick(done, records);
      if (Date.now() - beat > 5e3) {
        beat = Date.now();
        try {
          utimesSync(`${dir}.lock`, /* @__PURE__ */ new Date(), /* @__PURE__ */ new Date());
        } catch {
        }
      }
    },
    end: () => r.progress.end()
  };
  try {
    const result = buildIndex2({ files: r.files, out: tmp, maxProblems: r.maxProblems, progress, purges: r.purges, key });
    if (result.problems.length > 0) {
      const problems = result.problems.map((p) => formatProblem(p));
      writeAtomic(`${dir}.refused.json`, JSON.stringify({ key, problems, truncated: result.truncated }));
      throw refusal(problems, result.truncated, r.packPath);
    }
    renameSync(tmp, dir);
    rmSync3(`${dir}.refused.json`, { force: true });
  } catch (e) {
    rmSync3(tmp, { recursive: true, force: true });
    if (e instanceof DataError) throw e;
    const code = e.code;
    if ((code === "ENOTEMPTY" || code === "EEXIST" || code === "EPERM") && existsSync2(join7(dir, "meta.json"))) return;
    throw pathError(e, tmp, { other: "The pack index is kept there: free some space, or set PURGES_HOME to another folder." });
  }
  removeOlderIndexes(r.cacheDir, dir, r.files);
}
function writeAtomic(path, text2) {
  try {
    writeFileSync3(`${path}.${process.pid}`, text2);
    renameSync(`${path}.${process.pid}`, path);
  } catch {
  }
}
function removeOlderIndexes(cacheDir, keep, files) {
  const ours = JSON.stringify(Object.values(files).sort());
  for (const name of readdirSync3(cacheDir)) {
    const dir = join7(cacheDir, name);
    if (dir === keep || /\.(lock|json)$/.test(name) || name.includes(".tmp-")) continue;
    try {
      const meta = JSON.parse(readFileSync2(join7(dir, "meta.json"), "utf8"));
      const theirs = JSON.stringify([meta.people?.file, meta.events?.file].filter(Boolean).sort());
      if (theirs === ours) rmSync3(dir, { recursive: true, force: true });
    } catch {
    }
  }
}
var STALE_LOCK_MS, sleep;
var init_store = __esm({
  "src/kb/index/store.ts"() {
    "use strict";
    init_errors();
    init_problems();
    init_files();
    init_hash();
    init_layout();
    init_reader();
    STALE_LOCK_MS = 6e4;
    sleep = (ms) => new Promise((resolve2) => setTimeout(resolve2, ms));
  }
});

// src/kb/pack-check.ts
var pack_check_exports = {};
__export(pack_check_exports, {
  checkFiles: () => checkFiles,
  checkPack: () => checkPack
});
async function checkPack(path, base, maxProblems = MAX_PROBLEMS, progress = quietProgress) {
  return checkFiles(packFiles(path, "Give the folder of a data pack, or one of its files."), base, { maxProblems, progress });
}
async function checkFiles(files, base, options) {
  const { maxProblems } = options;
  const problems = [];
  const counts = {};
  let refs = { sources: {}, people: {} };
  let has = () => false;
  let hashes = () => void 0;
  if (options.index) {
    const index = options.index;
    refs = index.meta.refs;
    has = (c, id) => index.has(c, id);
    hashes = (c) => index.meta[c] ? (h) => index.mayHave(c, h) : void 0;
    for (const c of NDJSON_COLLECTIONS) if (index.meta[c]) counts[c] = index.count(c);
  } else if (Object.keys(files.ndjson).length > 0) {
    const { buildIndex: buildIndex2 } = await Promise.resolve().then(() => (init_build(), build_exports));
    const r = buildIndex2({ files: files.ndjson, maxProblems, progress: options.progress ?? quietProgress, purges: package_default.version, key: "" });
    problems.push(...r.problems);
    if (r.truncated) return { pack: {}, problems, truncated: true, counts: r.counts };
    refs = r.refs;
    const tables = r.ids;
    has = (c, id) => tables[c]?.has(id) ?? false;
    hashes = (c) => tables[c] ? (h) => tables[c].hasHash(h) : void 0;
    Object.assign(counts, r.counts);
  }
  const external = (c, id) => (c === "people" || c === "events") && (has(c, id) || base.indexed.some((p) => p.has(c, id))) || false;
  const raw = await readJsonFiles(files);
  const shapes = checkShapes(raw, maxProblems - problems.length);
  problems.push(...shapes.problems);
  for (const [c, records] of Object.entries(shapes.pack)) counts[c] = records.length;
  if (shapes.truncated) return { pack: shapes.pack, problems: problems.slice(0, maxProblems), truncated: true, counts };
  problems.push(...checkIntegrity(shapes.pack, files.json, base.data, shapes.invalidIds, shapes.invalidRefs, external));
  const where = (location) => {
    const cut = location.lastIndexOf(":");
    return { file: location.slice(0, cut), line: location.slice(cut + 1) };
  };
  for (const c of ["sources", "people"]) {
    const ids = new Set([...shapes.pack[c] ?? [], ...base.data[c]].map((r) => r.id));
    for (const [id, location] of Object.entries(refs[c])) {
      if (ids.has(id) || c === "people" && base.indexed.some((p) => p.has("people", id))) continue;
      const { file, line } = where(location);
      problems.push({ file: `${file}:${line}`, path: c, message: `unknown ${c === "people" ? "person" : "source"} "${id}"` });
    }
  }
  for (const c of NDJSON_COLLECTIONS) {
    const maybe = hashes(c);
    if (!maybe) continue;
    const file = files.ndjson[c];
    for (const r of [...base.data[c], ...shapes.pack[c] ?? []])
      if (maybe(hashA(r.id)) && has(c, r.id))
        problems.push({ file, path: "id", message: `duplicate id "${r.id}" (also in the data already loaded)` });
    for (const other of base.indexed)
      for (const id of other.idsWhere(c, maybe))
        if (has(c, id)) problems.push({ file, path: "id", message: `duplicate id "${id}" (also in ${other.meta[c]?.file})` });
  }
  const ordered = {};
  for (const c of COLLECTIONS) if (counts[c] !== void 0) ordered[c] = counts[c];
  return { pack: shapes.pack, problems: problems.slice(0, maxProblems), truncated: problems.length > maxProblems, counts: ordered };
}
var init_pack_check = __esm({
  "src/kb/pack-check.ts"() {
    "use strict";
    init_check();
    init_hash();
    init_layout();
    init_pack();
    init_problems();
    init_progress();
    init_vocab();
    init_package();
  }
});

// src/kb/pack.ts
var pack_exports = {};
__export(pack_exports, {
  EMPTY: () => EMPTY,
  allFiles: () => allFiles,
  loadPack: () => loadPack,
  packFiles: () => packFiles,
  packKey: () => packKey,
  readJsonFiles: () => readJsonFiles
});
import { closeSync as closeSync7, realpathSync as realpathSync2 } from "node:fs";
import { basename, join as join8 } from "node:path";
function packFiles(path, missing = "Check the path given to --data or PURGES_DATA.") {
  const files = { json: {}, ndjson: {} };
  if (isFolder(path, missing)) {
    const names = new Set(listFolder(path));
    for (const c of COLLECTIONS) {
      if (names.has(`${c}.json`)) files.json[c] = join8(path, `${c}.json`);
      if (isNdjson(c) && names.has(`${c}.ndjson`)) {
        if (files.json[c])
          throw new DataError(
            `${path}: holds both ${c}.json and ${c}.ndjson`,
            [],
            `Keep one: ${c}.ndjson for long lists, ${c}.json for short ones.`
          );
        files.ndjson[c] = join8(path, `${c}.ndjson`);
      }
    }
    if (Object.keys(files.json).length + Object.keys(files.ndjson).length === 0)
      throw new DataError(`${path}: no data files found`, [], `A data pack is a folder holding any of ${FILE_NAMES}.`);
    return files;
  }
  const [, name = "", ext] = /^(.*)\.(json|ndjson)$/.exec(basename(path)) ?? [];
  if (ext === "ndjson" && isNdjson(name)) files.ndjson[name] = path;
  else if (ext === "json" && COLLECTIONS.includes(name)) files.json[name] = path;
  else throw new DataError(`${path}: not a data file`, [], `Name it after its collection: one of ${FILE_NAMES}.`);
  return files;
}
async function readJsonFiles(files) {
  const raw = {};
  for (const c of COLLECTIONS) {
    const file = files.json[c];
    if (!file) continue;
    const hint = isNdjson(c) ? `Write long lists as ${c}.ndjson, one record a line: it has no size limit.` : "Split the pack into smaller ones.";
    raw[c] = { file, data: await parseJson(readWhole(file, void 0, hint), file) };
  }
  return raw;
}
function allFiles(files) {
  return [...Object.values(files.json), ...Object.values(files.ndjson)];
}
function packKey(path) {
  return fingerprint(allFiles(packFiles(path)));
}
function fingerprint(paths) {
  try {
    return filesFingerprint(paths);
  } catch (e) {
    throw pathError(e, paths.join(", "));
  }
}
async function readTrusted(files) {
  const raw = await readJsonFiles(files);
  const pack = {};
  for (const c of COLLECTIONS) {
    const data = raw[c]?.data;
    if (Array.isArray(data)) pack[c] = data.map((r) => fillDefaults(c, r));
  }
  return pack;
}
async function loadPack(path, base, options = {}) {
  const files = packFiles(path);
  const key = options.cache ? `${options.baseKey ?? ""}>${fingerprint(allFiles(files))}` : "";
  let index;
  if (Object.keys(files.ndjson).length > 0) {
    const { openIndex: openIndex2 } = await Promise.resolve().then(() => (init_store(), store_exports));
    const real = {};
    for (const [c, f] of Object.entries(files.ndjson)) {
      closeSync7(openRegular(f).fd);
      real[c] = realpathSync2(f);
    }
    index = await openIndex2({
      files: real,
      fingerprint: fingerprint(Object.values(real)),
      cacheDir: options.indexDir ?? join8(cacheRoot(process.env), "index"),
      purges: options.purges ?? package_default.version,
      packPath: path,
      progress: options.progress ?? quietProgress,
      maxProblems: 100
    });
  }
  const indexed = index ? [...base.indexed, index] : base.indexed;
  if (options.cache?.isValid(key)) return { data: mergePack(base.data, await readTrusted(files)), indexed };
  const { checkFiles: checkFiles2 } = await Promise.resolve().then(() => (init_pack_check(), pack_check_exports));
  const { pack, problems, truncated } = await checkFiles2(files, base, { maxProblems: 100, index });
  if (problems.length > 0) {
    index?.close();
    throw refusal(problems.map(formatProblem), truncated, path);
  }
  options.cache?.rememberValid(key);
  return { data: mergePack(base.data, pack), indexed };
}
var EMPTY, FILE_NAMES, isNdjson;
var init_pack = __esm({
  "src/kb/pack.ts"() {
    "use strict";
    init_package();
    init_errors();
    init_cache_dir();
    init_files();
    init_layout();
    init_json();
    init_merge();
    init_pack_cache();
    init_problems();
    init_progress();
    init_vocab();
    EMPTY = { data: emptyKb(), indexed: [] };
    FILE_NAMES = `${COLLECTIONS.map((c) => `${c}.json`).join(", ")}, ${NDJSON_COLLECTIONS.map((c) => `${c}.ndjson`).join(", ")}`;
    isNdjson = (c) => NDJSON_COLLECTIONS.includes(c);
  }
});

// src/kb/load.ts
import { join as join9 } from "node:path";
async function loadKb(env, paths, progress = quietProgress) {
  const basePath = env.PURGES_BASE;
  if (!basePath && paths.length === 0) return bundledKb();
  const { loadPack: loadPack2, packKey: packKey2, EMPTY: EMPTY2 } = await Promise.resolve().then(() => (init_pack(), pack_exports));
  const { folderCache: folderCache2 } = await Promise.resolve().then(() => (init_pack_cache(), pack_cache_exports));
  const root = cacheRoot(env);
  const cache = env.PURGES_NO_CACHE ? void 0 : folderCache2(join9(root, "packs"));
  const options = { cache, indexDir: join9(root, "index"), purges: package_default.version, progress };
  let baseKey = `purges ${package_default.version} ${basePath ? `base ${packKey2(basePath)}` : `bundled ${bundledFingerprint()}`}`;
  const bundled = loadBundled();
  let loaded = basePath ? await loadPack2(basePath, EMPTY2, { ...options, baseKey: `purges ${package_default.version}` }) : { data: bundled, indexed: [] };
  for (const path of paths) {
    loaded = await loadPack2(path, loaded, { ...options, baseKey });
    baseKey = `${baseKey} + ${packKey2(path)}`;
  }
  const { data } = loaded;
  return new Kb({
    // Merged arrays are new and never shared, so the Kb may own them.
    read: (c) => data[c],
    indexed: loaded.indexed,
    // The build's index of the bundled data, and the packs' records indexed here.
    searchIndex: basePath ? void 0 : () => withPacks(bundled, data)
  });
}
function withPacks(bundled, data) {
  const own = loadBundledIndex();
  if (!own) return void 0;
  const after = (c) => data[c].slice(bundled[c].length);
  return [
    ...own,
    ...buildSearchIndex({
      people: after("people"),
      events: after("events"),
      statistics: after("statistics"),
      claims: after("claims"),
      sources: after("sources")
    })
  ];
}
var init_load = __esm({
  "src/kb/load.ts"() {
    "use strict";
    init_package();
    init_bundled();
    init_cache_dir();
    init_model();
    init_progress();
    init_search();
  }
});

// src/quiz/scope.ts
function inPeriod(scope, start, end) {
  if (scope.from && end !== void 0 && endDay(end) < startDay(scope.from)) return false;
  if (scope.to && start !== void 0 && startDay(start) > endDay(scope.to)) return false;
  return true;
}
var hasPeriod;
var init_scope = __esm({
  "src/quiz/scope.ts"() {
    "use strict";
    init_dates();
    hasPeriod = (scope) => scope.from !== void 0 || scope.to !== void 0;
  }
});

// src/quiz/text.ts
function sentences(text2) {
  return text2.split(/(?<=[a-z0-9)'"\]][.!?])\s+(?=["'(A-Z0-9])/).map((s) => s.trim()).filter((s) => s !== "");
}
function firstSentence(text2) {
  return sentences(text2)[0] ?? text2.trim();
}
function yearsIn(text2) {
  const out = [];
  for (const m of text2.matchAll(/\b(1[89]\d\d|20\d\d)(?:\s*[-–]\s*(\d{2,4}))?\b/g)) {
    const a = Number(m[1]);
    out.push(a);
    if (!m[2]) continue;
    const b = m[2].length === 2 ? Math.floor(a / 100) * 100 + Number(m[2]) : Number(m[2]);
    for (let y = a + 1; y <= b && y - a < 200; y++) out.push(y);
  }
  return out;
}
function normalized(text2) {
  let n = normalizedCache.get(text2);
  if (n === void 0) {
    n = normalize(text2);
    normalizedCache.set(text2, n);
  }
  return n;
}
var normalizedCache;
var init_text = __esm({
  "src/quiz/text.ts"() {
    "use strict";
    init_normalize();
    normalizedCache = /* @__PURE__ */ new Map();
  }
});

// src/quiz/random.ts
function seededRandom(seed) {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = state + 1831565813 >>> 0;
    let t = state;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}
function pick(random, n) {
  return Math.floor(random() * n);
}
function shuffle(random, items) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
function sample(random, items, n) {
  return shuffle(random, items).slice(0, n);
}
var init_random = __esm({
  "src/quiz/random.ts"() {
    "use strict";
  }
});

// src/quiz/kinds/kind.ts
function fourChoices(q, distractors2, random, isRight) {
  const wrong = [...new Set(distractors2)].filter((d) => d !== q.answer && !isRight(d)).slice(0, 3);
  if (wrong.length < 3 || !isRight(q.answer)) return void 0;
  return { ...q, answerMode: "choice", choices: shuffle(random, [q.answer, ...wrong]) };
}
var cardId;
var init_kind = __esm({
  "src/quiz/kinds/kind.ts"() {
    "use strict";
    init_random();
    cardId = (kind, key) => `${kind}:${key}`;
  }
});

// src/quiz/kinds/claim.ts
function claimInScope(c, scope) {
  if (!hasPeriod(scope)) return true;
  const years2 = yearsIn(`${c.claim} ${c.figure ?? ""}`);
  return years2.length > 0 && inPeriod(scope, String(Math.min(...years2)), String(Math.max(...years2)));
}
var VERDICT_LABELS, claim;
var init_claim = __esm({
  "src/quiz/kinds/claim.ts"() {
    "use strict";
    init_scope();
    init_text();
    init_kind();
    VERDICT_LABELS = {
      accurate: "Accurate: the record supports it",
      inaccurate: "Inaccurate: the record contradicts it",
      disputed: "Disputed: historians or sources disagree",
      unsupported: "Unsupported: no evidence for it in the record"
    };
    claim = {
      topic: "claims",
      subjects: (kb, scope) => kb.claims.filter((c) => claimInScope(c, scope)).map((c) => c.id),
      inScope(kb, key, scope) {
        const c = kb.claims.find((x) => x.id === key);
        return !!c && claimInScope(c, scope);
      },
      isRight(kb, key, choice) {
        const c = kb.claims.find((x) => x.id === key);
        return !!c && VERDICT_LABELS[c.verdict] === choice;
      },
      make(kb, key) {
        const c = kb.claims.find((x) => x.id === key);
        if (!c) return void 0;
        const answer = VERDICT_LABELS[c.verdict];
        return {
          id: cardId("claim", c.id),
          kind: "claim",
          topic: "claims",
          subjects: [],
          prompt: `How does the record judge this claim? "${c.claim}"`,
          answerMode: "choice",
          choices: Object.values(VERDICT_LABELS),
          answer,
          explanation: `${answer.split(":")[0]}. ${c.figure ? `${c.figure}. ` : ""}${firstSentence(c.explanation)}`,
          sources: c.sources
        };
      }
    };
  }
});

// src/quiz/kinds/event-date.ts
function givesAwayDate(text2, e) {
  const first = yearOf(e.date);
  const last = yearOf(e.endDate ?? e.date);
  if (yearsIn(text2).some((y) => y >= first - 1 && y <= last + 1)) return true;
  const named = datesNamed(text2);
  for (const iso2 of [e.date, e.endDate]) {
    const d = iso2 ? parseDate(iso2) : void 0;
    if (!d?.month) continue;
    if (d.day ? named.days.has(`${d.month}-${d.day}`) : named.months.has(d.month)) return true;
  }
  return false;
}
function datesNamed(text2) {
  let found2 = namedCache.get(text2);
  if (found2) return found2;
  found2 = { months: /* @__PURE__ */ new Set(), days: /* @__PURE__ */ new Set() };
  for (const m of text2.matchAll(MONTH_WORD)) {
    const month = MONTH_NUMBER.get(m[1].toLowerCase());
    found2.months.add(month);
    const before2 = /(?:^|\D)(\d{1,2})(?:st|nd|rd|th)? $/.exec(text2.slice(Math.max(0, m.index - 6), m.index));
    const after = /^ (\d{1,2})(?!\d)/.exec(text2.slice(m.index + m[0].length, m.index + m[0].length + 4));
    for (const day of [before2?.[1], after?.[1]]) if (day) found2.days.add(`${month}-${Number(day)}`);
  }
  namedCache.set(text2, found2);
  return found2;
}
function askedTitle(e) {
  return [e.title, ...e.aliases ?? []].find((t) => !givesAwayDate(t, e));
}
function shownToIso(text2) {
  const m = /^(?:(\d{1,2}) )?(?:([A-Z][a-z]{2}) )?(\d{4})$/.exec(text2);
  if (!m || m[1] && !m[2]) return void 0;
  if (!m[2]) return m[3];
  const month = MONTHS.indexOf(m[2]) + 1;
  if (month === 0) return void 0;
  const iso2 = `${m[3]}-${String(month).padStart(2, "0")}${m[1] ? `-${m[1].padStart(2, "0")}` : ""}`;
  return parseDate(iso2) ? iso2 : void 0;
}
function withinSpan(iso2, e) {
  return startDay(iso2) <= endDay(e.endDate ?? e.date) && startDay(e.date) <= endDay(iso2);
}
function iso(year2, month, day) {
  const mm = month === void 0 ? "" : `-${String(month).padStart(2, "0")}`;
  const dd = day === void 0 ? "" : `-${String(day).padStart(2, "0")}`;
  return `${year2}${mm}${dd}`;
}
function datesOutside(e, random) {
  const d = parseDate(e.date);
  const candidates2 = [];
  if (d.month === void 0) {
    for (let dy = -6; dy <= 6 + yearOf(e.endDate ?? e.date) - d.year; dy++) candidates2.push([Math.abs(dy), iso(d.year + dy)]);
  } else {
    for (let dm = -60; dm <= 60; dm++) {
      const total = d.year * 12 + (d.month - 1) + dm;
      const year2 = Math.floor(total / 12);
      const month = total % 12 + 1;
      if (dm % 12 !== 0 && Math.abs(dm) % 2 === 1) continue;
      const day = d.day === void 0 ? void 0 : Math.min(d.day, daysInMonth(year2, month));
      candidates2.push([Math.abs(dm), iso(year2, month, day)]);
    }
  }
  const outside = candidates2.filter(([, c]) => !withinSpan(c, e));
  const near = outside.filter(([dist]) => dist <= (d.month === void 0 ? 4 : 30)).map(([, c]) => c);
  return shuffle(random, near.length >= 3 ? near : outside.map(([, c]) => c));
}
function span(e) {
  return formatSpan(e.date, e.endDate);
}
var MONTH_WORD, MONTH_NUMBER, namedCache, eventDate, year;
var init_event_date = __esm({
  "src/quiz/kinds/event-date.ts"() {
    "use strict";
    init_dates();
    init_random();
    init_scope();
    init_text();
    init_kind();
    MONTH_WORD = new RegExp(`\\b(${[...MONTHS_LONG, ...MONTHS].join("|")})\\b`, "gi");
    MONTH_NUMBER = new Map([...MONTHS_LONG, ...MONTHS].map((m, i) => [m.toLowerCase(), i % 12 + 1]));
    namedCache = /* @__PURE__ */ new Map();
    eventDate = {
      topic: "events",
      subjects: (kb, scope) => kb.events.filter((e) => e.date.length >= 7 && inPeriod(scope, e.date, e.endDate ?? e.date) && askedTitle(e)).map((e) => e.id),
      inScope(kb, key, scope) {
        const e = kb.event(key);
        return !!e && inPeriod(scope, e.date, e.endDate ?? e.date);
      },
      isRight(kb, key, choice) {
        const e = kb.event(key);
        const date2 = shownToIso(choice);
        return !!e && !!date2 && withinSpan(date2, e);
      },
      make(kb, key, random) {
        const e = kb.event(key);
        const title = e && askedTitle(e);
        if (!e || !title) return void 0;
        return fourChoices(
          {
            id: cardId("event-date", e.id),
            kind: "event-date",
            topic: "events",
            subjects: [`event:${e.id}`],
            prompt: e.endDate ? `When did this begin? ${title}` : `When did this happen? ${title}`,
            answer: formatDate(e.date),
            explanation: `${span(e)}: ${firstSentence(e.summary)}`,
            sources: e.sources
          },
          datesOutside(e, random).map((x) => formatDate(x)),
          random,
          (choice) => eventDate.isRight(kb, key, choice)
        );
      }
    };
    year = {
      topic: "events",
      subjects: (kb, scope) => kb.events.filter((e) => inPeriod(scope, e.date, e.endDate ?? e.date) && askedTitle(e)).map((e) => e.id),
      inScope: eventDate.inScope,
      make(kb, key) {
        const e = kb.event(key);
        const title = e && askedTitle(e);
        if (!e || !title) return void 0;
        const multi = yearOf(e.endDate ?? e.date) !== yearOf(e.date);
        return {
          id: cardId("year", e.id),
          kind: "year",
          topic: "events",
          subjects: [`event:${e.id}`],
          prompt: multi ? `In what year? (any year it lasted) ${title}` : `In what year? ${title}`,
          answerMode: "year",
          choices: [],
          answer: e.date,
          ...e.endDate ? { answerEnd: e.endDate } : {},
          explanation: `${span(e)}: ${firstSentence(e.summary)}`,
          sources: e.sources
        };
      }
    };
  }
});

// src/quiz/fates.ts
function alsoTrueGroups(p) {
  const arrested = p.repression?.arrested;
  const out = [];
  if (p.fate === "survived" && !arrested) out.push("natural");
  if (p.fate === "suicide" && arrested && p.died && startDay(arrested) <= endDay(p.died)) out.push("custody-or-murdered");
  return out;
}
function fateSentence(p) {
  const all = sentences(p.summary);
  return all.find((s) => DEATH_WORDS.test(s)) ?? all.find((s) => /\b(arrest\w*|released|survived|rehabilitat\w*)\b/i.test(s));
}
function fateInDoubt(p) {
  if (p.fate === "natural-death" && p.repression) return true;
  return sentences(p.summary).some((s) => DEATH_WORDS.test(s) && DOUBT_WORDS.test(s));
}
function fatePeriod(p) {
  if (p.fate === "natural-death") return [p.born, p.died ?? p.born];
  const start = p.repression?.arrested ?? p.died ?? p.born;
  return [start, p.died ?? start];
}
var FATE_GROUPS, GROUP_OF, fateGroup, DEATH_WORDS, DOUBT_WORDS;
var init_fates = __esm({
  "src/quiz/fates.ts"() {
    "use strict";
    init_dates();
    init_text();
    FATE_GROUPS = {
      executed: "Executed (shot after a death sentence)",
      "custody-or-murdered": "Died in custody or was murdered (not executed)",
      suicide: "Took their own life",
      survived: "Survived repression",
      natural: "Died a natural death, never repressed"
    };
    GROUP_OF = {
      executed: "executed",
      "died-in-custody": "custody-or-murdered",
      killed: "custody-or-murdered",
      assassinated: "custody-or-murdered",
      suicide: "suicide",
      survived: "survived",
      "natural-death": "natural"
    };
    fateGroup = (p) => GROUP_OF[p.fate];
    DEATH_WORDS = /\b(died|dies|death|killed|killing|murder\w*|shot|poison\w*|suicide|executed|execution|assassinat\w*|fate)\b/i;
    DOUBT_WORDS = /\b(suspect\w*|suspicion\w*|believed?|allegedly|disputed?|uncertain\w*|unclear|never proven|not proven|unproven|possibly|perhaps|may have|might have|rumou?r\w*|contested|unknown)\b/i;
  }
});

// src/quiz/kinds/fate.ts
function groupsTrueOf(p) {
  return [fateGroup(p), ...alsoTrueGroups(p)];
}
function askable(p) {
  return !!p && !fateInDoubt(p);
}
var GROUPS, fate;
var init_fate = __esm({
  "src/quiz/kinds/fate.ts"() {
    "use strict";
    init_dates();
    init_fates();
    init_random();
    init_scope();
    init_kind();
    GROUPS = Object.keys(FATE_GROUPS);
    fate = {
      topic: "people",
      subjects: (kb, scope) => kb.people.filter((p) => askable(p) && inPeriod(scope, ...fatePeriod(p))).map((p) => p.id),
      inScope(kb, key, scope) {
        const p = kb.person(key);
        return !!p && inPeriod(scope, ...fatePeriod(p));
      },
      isRight(kb, key, choice) {
        const p = kb.person(key);
        return !!p && groupsTrueOf(p).some((g) => FATE_GROUPS[g] === choice);
      },
      make(kb, key, random) {
        const p = kb.person(key);
        if (!askable(p)) return void 0;
        const answer = FATE_GROUPS[fateGroup(p)];
        const died = p.died ? ` (died ${formatDate(p.died)})` : "";
        const note = fateSentence(p);
        return fourChoices(
          {
            id: cardId("fate", p.id),
            kind: "fate",
            topic: "people",
            subjects: [`person:${p.id}`],
            prompt: `What was the fate of ${p.name}?`,
            answer,
            explanation: `${p.name}${died}.${note ? ` ${note}` : ""}`,
            sources: p.sources
          },
          shuffle(
            random,
            GROUPS.map((g) => FATE_GROUPS[g])
          ),
          random,
          (choice) => fate.isRight(kb, key, choice)
        );
      }
    };
  }
});

// src/render/sanitize.ts
var init_sanitize = __esm({
  "src/render/sanitize.ts"() {
    "use strict";
  }
});

// src/render/sentence-case.ts
var COMMON;
var init_sentence_case = __esm({
  "src/render/sentence-case.ts"() {
    "use strict";
    COMMON = new Set(
      "a about above absurd academy across activists administration after against agriculture all among an analysis anatomy and approach archival are aristocracy around as at aviation backed barracks basis be been before between biography black board burnt but by cannot career century challenge chaos charges circle cleansing clears cold collectivization command comments commissar commission committee consequences constitution controversy correspondents counterintelligence countryside crime crimes criminal cult days death deaths defeat defector destruction dictator dictionary die disappeared doctors dramaturgy during east ended end enigma epic era essays ethnic evidence executed executioner exile far fate fear fever final first for forced foreigners foreign forget former from fundamental general geography grave graves great guide guilty hangmen he her high him his historical history hope house how hunger if immortal in inner inquiry inquisition institute intelligence international into investigation is its journey judge justice killed killings knew last law led let lieutenant life lists lost loyal made main man mass master materials meanings mechanisms memoir memoirs memory migrations military million movement murder my national nationalism nature near necropolis nemesis new nightingale no nor not of off official on one onto operation operations or order origins our out over paradoxes party peace penal people peoples persecution personality plot poet poetics poets pogrom policy political popular postwar power pre prisoner prophet prosecutor prosocialist punishment purge purges quantitative race reassessment reconsidered red redemption reference reform regime rehabilitated rehabilitation remembering reply report repressed repression republics resurrecting returnees revolution rise road robbers ruling saw scale scientists secret security self settlements shadow shadows shaping shooting siege silence since single small snow so socialist society some space special state statistic statistics stories story struggle summer sun system tales terror than that the theatre their thirties this those through to toward towards tragedy trials true twentieth twilight tyrant unachieved unarmed under union unknown until up upon victims violence voices volume waiting war was we weapon were what whirlwind white who widow will wind with within without world writers years".split(" ")
    );
  }
});

// src/render/bibliography.ts
function splitName(author2) {
  if (INSTITUTION.test(author2)) return { literal: author2 };
  const parts = author2.replace(/\s*\(.*?\)\s*/g, " ").trim().split(/\s+/);
  const suffix = /^(Jr\.?|Sr\.?|II|III)$/.test(parts.at(-1) ?? "") ? parts.pop() : void 0;
  if (parts.length === 1) return { literal: author2 };
  return { family: parts.at(-1), given: `${parts.slice(0, -1).join(" ")}${suffix ? `, ${suffix}` : ""}` };
}
var INSTITUTION;
var init_bibliography = __esm({
  "src/render/bibliography.ts"() {
    "use strict";
    init_sanitize();
    init_sentence_case();
    INSTITUTION = /\b(society|encyclopa?edia|institute|committee|commission|archive|memorial|britannica|universalis|centre|center|project|times|kommersant|izvestiia|pravda|congress|press|international|agency|radio|ministry|university|library)\b/i;
  }
});

// src/render/figures.ts
function formatNumber(n) {
  const [whole, frac] = String(n).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}
function formatFigure(s) {
  return s.value !== void 0 ? formatNumber(s.value) : `${formatNumber(s.low)}-${formatNumber(s.high)}`;
}
function formatPeriod(s) {
  const { from, to } = s.period;
  if (from === to) return formatDate(from);
  if (/^\d{4}$/.test(from) && /^\d{4}$/.test(to)) return `${from}-${to}`;
  if (/^\d{4}$/.test(from) && to.startsWith(`${from}-`) && to.length === 7) return `Jan-${formatDate(to)}`;
  return `${formatDate(from)} - ${formatDate(to)}`;
}
var init_figures = __esm({
  "src/render/figures.ts"() {
    "use strict";
    init_dates();
  }
});

// src/quiz/kinds/figure.ts
function sameQuantity(a, b) {
  return normalized(a.label) === normalized(b.label) && a.unit === b.unit && a.period.from === b.period.from && a.period.to === b.period.to;
}
function parseFigure(text2) {
  const m = /^([\d,.]+)(?:-([\d,.]+))?$/.exec(text2);
  if (!m) return void 0;
  const a = Number(m[1].replace(/,/g, ""));
  const b = m[2] ? Number(m[2].replace(/,/g, "")) : a;
  return Number.isFinite(a) && Number.isFinite(b) ? [a, b] : void 0;
}
function roundLike(value, like) {
  let unit = 1;
  while (like % (unit * 10) === 0 && unit * 10 <= like) unit *= 10;
  return Math.max(unit, Math.round(value / unit) * unit);
}
function hasArithmeticTriple(values, tolerance = 0.06) {
  const v = [...values].sort((a, b) => a - b);
  for (let i = 0; i < v.length; i++)
    for (let j = i + 1; j < v.length; j++)
      for (let k = j + 1; k < v.length; k++) {
        const span2 = v[k] - v[i];
        if (Math.abs(v[j] - v[i] - (v[k] - v[j])) <= tolerance * span2) return true;
      }
  return false;
}
function author(kb, s) {
  const named = /(?:^|,\s*)([A-Z][\p{L}-]+)'s(?: \d{4})? estimate\b/u.exec(s.label)?.[1];
  if (named) return named;
  const first = kb.source(s.sources[0]);
  const names = first.authors.map(splitName).map((n) => n.literal ?? n.family);
  return names.length === 1 ? names[0] : names.length === 2 ? `${names[0]} and ${names[1]}` : `${names[0]} et al.`;
}
function stem(kb, s) {
  const who2 = author(kb, s);
  const label = s.label.replace(/,?\s*[A-Z][\p{L}-]+'s(?: \d{4})? estimate\b/u, "").trim();
  const shown = new Set(yearsIn(label));
  const needsPeriod = !shown.has(Number(s.period.from.slice(0, 4))) || !shown.has(Number(s.period.to.slice(0, 4)));
  const unit = new RegExp(`\\b${s.unit}\\b`, "i").test(label) || s.unit === "people" ? "" : ` (${s.unit})`;
  const what = `${label}${needsPeriod ? `, ${formatPeriod(s)}` : ""}${unit}`;
  return s.basis === "estimate" ? `What did ${who2} estimate? ${what}` : `What figure does the archival count give (${who2})? ${what}`;
}
function figureText(r, like) {
  if (r[0] === r[1] && like[0] === like[1]) return formatNumber(r[0]);
  return `${formatNumber(r[0])}-${formatNumber(r[1])}`;
}
function distractors(kb, s, random) {
  const truth = rangeOf(s);
  const m = mid(truth);
  const rivals = kb.statistics.filter((o) => o.id !== s.id && sameQuantity(o, s)).map(rangeOf);
  const ratiosOf = (others) => others.filter((o) => o.unit === s.unit && o.id !== s.id && !sameQuantity(o, s) && mid(rangeOf(o)) > 0).map((o) => {
    let r = mid(rangeOf(o)) / m;
    while (r > 4) r /= 10;
    while (r < 0.25) r *= 10;
    return r;
  }).filter((r) => r >= 0.25 && r <= 4 && Math.abs(r - 1) >= 0.15);
  const sameCategory = ratiosOf(kb.statistics.filter((o) => o.category === s.category));
  return scaled(truth, rivals, sameCategory, random) ?? scaled(truth, rivals, ratiosOf(kb.statistics), random);
}
function scaled(truth, rivals, ratios, random) {
  if (ratios.length < 3) return void 0;
  const m = mid(truth);
  for (let attempt = 0; attempt < 40; attempt++) {
    const out = shuffle(random, ratios).slice(0, 3).map((r) => {
      const f = r * (0.9 + 0.2 * random());
      return [roundLike(truth[0] * f, truth[0]), roundLike(truth[1] * f, truth[1])];
    });
    const all = [truth, ...out];
    const mids = all.map(mid);
    const apart = mids.every((a, i) => mids.every((b, j) => i === j || Math.abs(a - b) / Math.max(a, b) >= 0.1));
    const inBand = out.every((r) => mid(r) / m >= 0.22 && mid(r) / m <= 4.5);
    const rival = out.some((r) => rivals.some((o) => r[0] <= o[1] * 1.01 && o[0] <= r[1] * 1.01));
    if (apart && inBand && !rival && !hasArithmeticTriple(all.map(([a]) => a)) && !hasArithmeticTriple(mids)) return out;
  }
  return void 0;
}
var rangeOf, mid, figure;
var init_figure = __esm({
  "src/quiz/kinds/figure.ts"() {
    "use strict";
    init_bibliography();
    init_figures();
    init_random();
    init_scope();
    init_text();
    init_kind();
    rangeOf = (s) => s.value !== void 0 ? [s.value, s.value] : [s.low, s.high];
    mid = ([a, b]) => (a + b) / 2;
    figure = {
      topic: "stats",
      subjects: (kb, scope) => kb.statistics.filter((s) => mid(rangeOf(s)) > 0 && inPeriod(scope, s.period.from, s.period.to)).map((s) => s.id),
      inScope(kb, key, scope) {
        const s = kb.statistics.find((x) => x.id === key);
        return !!s && inPeriod(scope, s.period.from, s.period.to);
      },
      isRight(kb, key, choice) {
        const s = kb.statistics.find((x) => x.id === key);
        const r = parseFigure(choice);
        if (!s || !r) return false;
        return kb.statistics.some(
          (o) => (o.id === s.id || sameQuantity(o, s)) && r[0] <= rangeOf(o)[1] * 1.005 && rangeOf(o)[0] <= r[1] * 1.005
        );
      },
      make(kb, key, random) {
        const s = kb.statistics.find((x) => x.id === key);
        if (!s || mid(rangeOf(s)) <= 0) return void 0;
        const wrong = distractors(kb, s, random);
        if (!wrong) return void 0;
        const answer = formatFigure(s);
        const choices = wrong.map((r) => figureText(r, rangeOf(s)));
        if ((/* @__PURE__ */ new Set([answer, ...choices])).size !== 4 || choices.some((c) => figure.isRight(kb, key, c))) return void 0;
        const basis = s.basis === "archival" ? "archival count" : `${author(kb, s)}'s estimate`;
        return {
          id: cardId("figure", s.id),
          kind: "figure",
          topic: "stats",
          subjects: [],
          prompt: stem(kb, s),
          answerMode: "choice",
          choices: shuffle(random, [answer, ...choices]),
          answer,
          explanation: `${answer} ${s.unit}, ${formatPeriod(s)} (${basis})${s.note ? `: ${firstSentence(s.note)}` : "."}`,
          sources: s.sources
        };
      }
    };
  }
});

// src/render/question-view.ts
var LETTERS;
var init_question_view = __esm({
  "src/render/question-view.ts"() {
    "use strict";
    LETTERS = "ABCD";
  }
});

// src/quiz/kinds/order.ts
function orderable(events) {
  if (new Set(events.map((e) => e.title)).size !== events.length) return false;
  if (events.some((e) => yearsIn(e.title).length > 0)) return false;
  const sorted = [...events].sort((a, b) => startDay(a.date) - startDay(b.date));
  for (let i = 1; i < sorted.length; i++)
    if (endDay(sorted[i - 1].endDate ?? sorted[i - 1].date) >= startDay(sorted[i].date)) return false;
  return true;
}
var order;
var init_order = __esm({
  "src/quiz/kinds/order.ts"() {
    "use strict";
    init_dates();
    init_question_view();
    init_random();
    init_scope();
    init_text();
    init_kind();
    order = {
      topic: "events",
      subjects(kb, scope, random) {
        const pool = kb.events.filter((e) => inPeriod(scope, e.date, e.endDate ?? e.date) && yearsIn(e.title).length === 0);
        const keys = /* @__PURE__ */ new Set();
        for (let tries = 0; tries < 300 && keys.size < 40 && pool.length >= 4; tries++) {
          const four = sample(random, pool, 4);
          if (orderable(four))
            keys.add(
              four.map((e) => e.id).sort().join("+")
            );
        }
        return [...keys];
      },
      inScope(kb, key, scope) {
        return key.split("+").every((id) => {
          const e = kb.event(id);
          return !!e && inPeriod(scope, e.date, e.endDate ?? e.date);
        });
      },
      make(kb, key, random) {
        const events = key.split("+").map((id) => kb.event(id));
        if (events.length !== 4 || events.some((e) => !e) || !orderable(events)) return void 0;
        const shown = shuffle(random, events);
        const sorted = [...shown].sort((a, b) => startDay(a.date) - startDay(b.date));
        return {
          id: cardId("order", key),
          kind: "order",
          topic: "events",
          subjects: sorted.map((e) => `event:${e.id}`),
          prompt: "Put these events in chronological order (earliest first):",
          answerMode: "order",
          choices: shown.map((e) => e.title),
          answer: sorted.map((e) => e.title).join(" \u2192 "),
          order: sorted.map((e) => LETTERS[shown.indexOf(e)]).join(""),
          explanation: sorted.map((e) => `${formatSpan(e.date, e.endDate)} ${e.title}`).join("; "),
          sources: [...new Set(sorted.flatMap((e) => e.sources))]
        };
      }
    };
  }
});

// src/quiz/kinds/who.ts
function postTitle(title) {
  return normalized(title.replace(/\([^)]*\)/g, " "));
}
function samePost(a, b) {
  if (postTitle(a) === postTitle(b)) return true;
  const [x, y] = [words(a), words(b)];
  const [small, big] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (big.has(w)) shared++;
  return shared / small.size >= 0.6;
}
function years(r) {
  return [r.from ? yearOf(r.from) : Number.NEGATIVE_INFINITY, r.to ? yearOf(r.to) : Number.POSITIVE_INFINITY];
}
function heldLike(other, role2) {
  const [a, b] = years(role2);
  return other.roles.some((r) => {
    const [c, d] = years(r);
    return c <= b && a <= d && samePost(r.title, role2.title);
  });
}
function roleAt(kb, key) {
  const [id, index] = key.split("/");
  const p = kb.person(id);
  const role2 = p?.roles[Number(index)];
  return p && role2 ? [p, role2] : void 0;
}
function when(r) {
  if (r.from && r.to) return yearOf(r.from) === yearOf(r.to) ? ` (${yearOf(r.from)})` : ` (${yearOf(r.from)}-${yearOf(r.to)})`;
  if (r.from) return ` (from ${yearOf(r.from)})`;
  if (r.to) return ` (until ${yearOf(r.to)})`;
  return "";
}
function fullWhen(r) {
  if (r.from && r.to) return `, ${formatDate(r.from)} - ${formatDate(r.to)}`;
  if (r.from) return `, from ${formatDate(r.from)}`;
  if (r.to) return `, until ${formatDate(r.to)}`;
  return "";
}
function namesHolder(p, r) {
  const title = normalized(r.title).split(" ");
  return [p.name, ...p.aliases].some((n) => {
    const surname = normalized(n).split(" ").at(-1);
    return surname.length > 2 && title.includes(surname);
  });
}
function roleInScope(p, r, scope) {
  if (!hasPeriod(scope)) return true;
  if (!r.from && !r.to) return false;
  return inPeriod(scope, r.from ?? p.born, r.to ?? p.died ?? r.from);
}
var STOP, words, who;
var init_who = __esm({
  "src/quiz/kinds/who.ts"() {
    "use strict";
    init_dates();
    init_random();
    init_scope();
    init_text();
    init_kind();
    STOP = /* @__PURE__ */ new Set(["of", "the", "and", "for", "a", "an", "in", "to", "from", "then", "later", "s", "ussr", "soviet"]);
    words = (title) => new Set(
      normalized(title).split(" ").filter((w) => !STOP.has(w) && !/^\d+$/.test(w))
    );
    who = {
      topic: "people",
      subjects: (kb, scope) => kb.people.flatMap(
        (p) => p.roles.flatMap((r, i) => r.kind === "post" && !namesHolder(p, r) && roleInScope(p, r, scope) ? [`${p.id}/${i}`] : [])
      ),
      inScope(kb, key, scope) {
        const found2 = roleAt(kb, key);
        return !!found2 && roleInScope(found2[0], found2[1], scope);
      },
      isRight(kb, key, choice) {
        const found2 = roleAt(kb, key);
        if (!found2) return false;
        return kb.people.some((o) => o.name === choice && (o.id === found2[0].id || heldLike(o, found2[1])));
      },
      make(kb, key, random) {
        const found2 = roleAt(kb, key);
        if (!found2) return void 0;
        const [p, role2] = found2;
        if (role2.kind !== "post" || namesHolder(p, role2)) return void 0;
        const others = kb.people.filter((o) => o.id !== p.id && o.name !== p.name && !heldLike(o, role2));
        const near = others.filter((o) => Math.abs(yearOf(o.born) - yearOf(p.born)) <= 15 && o.roles.some((r) => r.kind === "post"));
        const pool = near.length >= 3 ? near : others;
        return fourChoices(
          {
            id: cardId("who", key),
            kind: "who",
            topic: "people",
            subjects: [`person:${p.id}`],
            prompt: `Who held this post? ${role2.title}${when(role2)}`,
            answer: p.name,
            explanation: `${p.name}: ${role2.title}${fullWhen(role2)}.`,
            sources: p.sources
          },
          sample(random, pool, 6).map((o) => o.name),
          random,
          (choice) => who.isRight(kb, key, choice)
        );
      }
    };
  }
});

// src/quiz/question.ts
var QUESTION_KINDS;
var init_question = __esm({
  "src/quiz/question.ts"() {
    "use strict";
    QUESTION_KINDS = ["event-date", "who", "fate", "figure", "claim", "order", "year"];
  }
});

// src/quiz/generate.ts
function kindsFor(topic) {
  return QUESTION_KINDS.filter((k) => topic === "all" || KINDS[k].topic === topic);
}
function spreadSubjects(questions, before2) {
  const rest = [...questions];
  const out = [];
  let last = before2;
  while (rest.length > 0) {
    const i = rest.findIndex((q) => !last || !shareSubject(q, last));
    if (i < 0) break;
    last = rest.splice(i, 1)[0];
    out.push(last);
  }
  return out;
}
function generateQuestions(kb, scope, count, random, exclude = /* @__PURE__ */ new Set(), before2) {
  const kinds = shuffle(random, kindsFor(scope.topic));
  const pools = new Map(kinds.map((k) => [k, shuffle(random, KINDS[k].subjects(kb, scope, random))]));
  const out = [];
  const used = new Set(exclude);
  let turn = 0;
  while (out.length < count + 3 && kinds.some((k) => pools.get(k).length > 0)) {
    const kind = kinds[turn++ % kinds.length];
    const pool = pools.get(kind);
    while (pool.length > 0) {
      const key = pool.splice(pick(random, pool.length), 1)[0];
      const q = KINDS[kind].make(kb, key, random);
      if (q && !used.has(q.id)) {
        used.add(q.id);
        out.push(q);
        break;
      }
    }
  }
  return spreadSubjects(out, before2).slice(0, count);
}
var KINDS, shareSubject;
var init_generate = __esm({
  "src/quiz/generate.ts"() {
    "use strict";
    init_claim();
    init_event_date();
    init_fate();
    init_figure();
    init_order();
    init_who();
    init_question();
    init_random();
    KINDS = { "event-date": eventDate, who, fate, figure, claim, order, year };
    shareSubject = (a, b) => a.subjects.some((s) => b.subjects.includes(s));
  }
});

// .tmp-h/h.ts
var require_h = __commonJS({
  ".tmp-h/h.ts"() {
    init_load();
    init_claim();
    init_event_date();
    init_fate();
    init_figure();
    init_order();
    init_who();
    init_random();
    init_generate();
    var ms = (a) => (Number(process.hrtime.bigint() - a) / 1e6).toFixed(1);
    async function main() {
      const t0 = process.hrtime.bigint();
      const kb = await loadKb({}, []);
      console.log("load", ms(t0));
      const scope = { topic: "all" };
      for (const [name, k] of Object.entries({ claim, eventDate, year, fate, figure, order, who })) {
        const t3 = process.hrtime.bigint();
        const n = k.subjects(kb, scope, seededRandom("x")).length;
        console.log(name, n, ms(t3));
      }
      const t = process.hrtime.bigint();
      generateQuestions(kb, scope, 1, seededRandom("bench"));
      console.log("generate(1)", ms(t));
      const t2 = process.hrtime.bigint();
      generateQuestions(kb, scope, 10, seededRandom("bench2"));
      console.log("generate(10) warm", ms(t2));
    }
    main();
  }
});
export default require_h();
