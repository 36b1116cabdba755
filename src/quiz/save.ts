/**
 * Saving progress. Every save is atomic (write a temporary file, fsync, rename), so a
 * crash, Ctrl+C or SIGKILL leaves the old file or the new one, never half of one.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import type { Progress } from './storage.js';

/** Saves progress atomically (temp file, fsync, rename). */
export function saveProgress(path: string, progress: Progress): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic.sync(path, `${JSON.stringify(progress, null, 1)}\n`, { fsync: true });
}
