/**
 * Seeded pseudo-random numbers (mulberry32), so that one seed always yields the same data set.
 * Not for anything security related.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Returns an integer in [min, max], both inclusive. */
  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Returns true with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Returns one of the choices, each with the given probability; the probabilities sum to 1. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const roll = this.next();
    let cumulative = 0;
    for (const [choice, probability] of choices) {
      cumulative += probability;
      if (roll < cumulative) {
        return choice;
      }
    }
    return choices[choices.length - 1][0];
  }

  /** Returns one item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}
