import { SeededRandom } from './random';
import { TwilioApiError } from './twilioError';

/** The `POST /_sandbox/faults` body. */
export interface FaultSettings {
  latencyMs: number;
  rate429: number;
  rate500: number;
  /** Extension: the Retry-After seconds sent with a 429 (Twilio sends whole seconds). */
  retryAfterSeconds: number;
  /** Extension: limit faults to these products (host labels); empty means all. */
  products: string[];
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, rate429: 0, rate500: 0, retryAfterSeconds: 1, products: [] };

/** Injects latency, 429s and 500s into Twilio product requests (never into the control API). */
export class FaultInjector {
  private settings: FaultSettings = { ...NO_FAULTS };
  private random = new SeededRandom(Date.now());

  configure(settings: FaultSettings, seed?: number): FaultSettings {
    this.settings = { ...settings };
    if (seed !== undefined) this.random = new SeededRandom(seed);
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.settings, products: [...this.settings.products] };
  }

  async apply(product: string): Promise<void> {
    const { latencyMs, rate429, rate500, retryAfterSeconds, products } = this.settings;
    if (products.length > 0 && !products.includes(product)) return;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const roll = this.random.next();
    if (roll < rate429) {
      throw new TwilioApiError(429, 20429, 'Too Many Requests', { 'Retry-After': String(retryAfterSeconds) });
    }
    if (roll < rate429 + rate500) {
      throw new TwilioApiError(500, 20500, 'Internal Server Error');
    }
  }
}
