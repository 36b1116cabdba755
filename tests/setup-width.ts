/**
 * The bundle gives cli-table3 the project's width function in place of string-width 4 (see
 * tsup.config.ts). Tests load cli-table3 from node_modules, so the same swap is made here,
 * before any test imports it: tables in tests are measured as in the built CLI.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { displayWidth } from '../src/render/width.js';

const require = createRequire(import.meta.url);
const tableDir = dirname(require.resolve('cli-table3/package.json'));
const widthPath = require.resolve('string-width', { paths: [tableDir] });
require.cache[widthPath] = { id: widthPath, filename: widthPath, loaded: true, exports: displayWidth } as unknown as NodeJS.Module;
