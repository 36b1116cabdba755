/** A source of numbers in [0, 1): Math.random in use, a seeded generator for --seed and tests. */
export type Random = () => number;

/** A seeded generator (mulberry32 over a 32-bit hash of the seed): same seed, same quiz. */
export function seededRandom(seed: string): Random {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function pick(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** A shuffled copy (Fisher-Yates). */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Up to n distinct items chosen at random. */
export function sample<T>(random: Random, items: readonly T[], n: number): T[] {
  return shuffle(random, items).slice(0, n);
}
