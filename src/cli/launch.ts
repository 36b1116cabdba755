/**
 * The launcher bin/purges.js runs: it executes the bundle (dist/cli.js) with V8's code cache
 * (dist/cli.js.cache), which holds the functions already compiled by an earlier run. Node 20
 * has no compile cache of its own (module.enableCompileCache came in Node 22); this one saves
 * ~20 ms of every start (measured in bench/). A missing or rejected cache (another Node
 * version, a changed bundle) just means a normal compile, and a fresh cache written at exit.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { lendImport } from '../external.js';

const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
const cacheFile = `${cli}.cache`;

lendImport((specifier) => import(specifier));

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(cli, 'utf8')}\n})`;
const script = new Script(wrapper, { filename: cli, cachedData });
if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only install keeps compiling normally.
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(cli), module, cli, dirname(cli));
