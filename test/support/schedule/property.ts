/**
 * A tiny seeded property-test helper (no fast-check dependency). Seeded so a failure is
 * reproducible: the thrown error names the seed, the run and the generated case.
 */

export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** mulberry32: 32-bit state, good enough spread for test-case generation. */
export function createRng(seed: number): Rng {
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
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new Error("pick() from an empty list");
      return item;
    },
  };
}

export interface PropertyOptions {
  seed?: number;
  runs?: number;
}

/** Runs `property` on `runs` generated cases; it should throw (e.g. via `expect`) to fail. */
export function checkProperty<T>(options: PropertyOptions, generate: (rng: Rng) => T, property: (value: T) => void): void {
  const { seed = 20270314, runs = 500 } = options;
  const rng = createRng(seed);
  for (let run = 0; run < runs; run++) {
    const value = generate(rng);
    try {
      property(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Property failed (seed ${seed}, run ${run}) for ${JSON.stringify(value)}:\n${detail}`, { cause: error });
    }
  }
}
