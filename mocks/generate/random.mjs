// @ts-check
/** A small seeded pseudo-random generator (mulberry32): the same seed always gives the same data. */

/**
 * @param {number} seed any integer
 * @returns {{ next: () => number, int: (lo: number, hi: number) => number, pick: <T>(items: readonly T[]) => T, chance: (p: number) => boolean }}
 */
export function seededRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** @param {number} lo @param {number} hi inclusive */
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    pick: (items) => /** @type {any} */ (items[int(0, items.length - 1)]),
    chance: (p) => next() < p,
  };
}
