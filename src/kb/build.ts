/** Build-time check of the bundled data in `data/`: the build fails on any problem. */
import { DataError } from '../errors.js';
import { emptyKb } from './merge.js';
import { EMPTY } from './pack.js';
import { checkPack } from './pack-check.js';
import { formatProblem } from './problems.js';
import type { KnowledgeBase } from './schema.js';

/** Reads and checks `data/` as a pack that stands alone; returns the whole knowledge base. */
export async function buildBundled(dataDir: string): Promise<KnowledgeBase> {
  const { pack, problems } = await checkPack(dataDir, EMPTY);
  if (problems.length > 0) {
    throw new DataError(
      `${dataDir}: ${problems.length} problem(s)\n  ${problems.map(formatProblem).join('\n  ')}`,
      problems.map(formatProblem),
    );
  }
  return { ...emptyKb(), ...pack };
}
