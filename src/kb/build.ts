/** Build-time check of the bundled data in `data/`: the build fails on any problem. */
import { DataError } from '../errors.js';
import { formatProblem } from './check.js';
import { checkPack } from './pack.js';
import type { KnowledgeBase } from './schema.js';

const EMPTY: KnowledgeBase = { sources: [], people: [], events: [], statistics: [], eras: [], claims: [] };

/** Reads and checks `data/` as a pack on an empty base; returns the whole knowledge base. */
export async function buildBundled(dataDir: string): Promise<KnowledgeBase> {
  const { pack, problems } = await checkPack(dataDir, EMPTY);
  if (problems.length > 0) {
    throw new DataError(`${dataDir}: ${problems.length} problem(s)\n  ${problems.map(formatProblem).join('\n  ')}`, problems.map(formatProblem));
  }
  return { ...EMPTY, ...pack };
}
