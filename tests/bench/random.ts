/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same films on every machine,
 * so two bench runs measure the same library.
 */
export type Random = {
  /** A number in [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks with a skew towards the start of the list, as real credits favour a few busy people. */
  skewed<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
};

/** A Random from a 32-bit seed. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    skewed: (items) => items[Math.floor(next() * next() * items.length)] as (typeof items)[number],
    chance: (probability) => next() < probability,
  };
}
