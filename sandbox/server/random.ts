import { createHash } from 'node:crypto';

/** Seeded pseudo-random numbers so that `reset` with the same seed builds the same account. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // Any finite seed maps to a non-zero 32-bit state.
    this.state = (Math.floor(seed) ^ 0x9e3779b9) >>> 0 || 0x2545f491;
  }

  /** mulberry32: small, fast and well distributed enough for demo data and fault injection. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += this.int(0x10000).toString(16).padStart(4, '0');
    return out.slice(0, length);
  }

  /** A Twilio SID: two-letter prefix + 32 hex digits. */
  sid(prefix: string): string {
    return prefix + this.hex(32);
  }
}

/**
 * A SID derived from a key (same key, same SID) without drawing from the seed's sequence: for
 * resources the sandbox makes beside others (a played message's Message resource, an alert, an
 * Interaction's task), so that adding them leaves every other SID of a seed as it was.
 */
export function derivedSid(prefix: string, key: string): string {
  return prefix + createHash('sha256').update(`${prefix}:${key}`).digest('hex').slice(0, 32);
}
