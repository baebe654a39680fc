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
  /** Extension: limit faults to these HTTP methods (stored upper-case); empty means all. */
  methods: string[];
  /** Extension: limit faults to product paths containing this text (`/v1/FlexFlows/`); '' means all. */
  pathIncludes: string;
  /**
   * Extension, a lost answer: the request is carried out, then its answer is held this long before
   * it is sent. Longer than the client waits, the client gives up on a change that was made.
   */
  holdAnswerMs: number;
  /**
   * Extension, a lost answer: the share of requests whose connection is closed without an answer
   * after the request was carried out (the client sees a socket reset).
   */
  rateReset: number;
}

export const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  rate429: 0,
  rate500: 0,
  retryAfterSeconds: 1,
  products: [],
  methods: [],
  pathIncludes: '',
  holdAnswerMs: 0,
  rateReset: 0,
};

/** The request a fault may hit: `path` is inside the product, without the query. */
export interface FaultTarget {
  product: string;
  method: string;
  path: string;
}

/** Injects latency, 429s and 500s into Twilio product requests (never into the control API). */
export class FaultInjector {
  private settings: FaultSettings = { ...NO_FAULTS };
  private random = new SeededRandom(Date.now());

  configure(settings: FaultSettings, seed?: number): FaultSettings {
    this.settings = { ...settings, methods: settings.methods.map((m) => m.toUpperCase()) };
    if (seed !== undefined) this.random = new SeededRandom(seed);
    return this.current();
  }

  current(): FaultSettings {
    return { ...this.settings, products: [...this.settings.products], methods: [...this.settings.methods] };
  }

  /** Whether the filters select this request; all filters must match. */
  private selects({ product, method, path }: FaultTarget): boolean {
    const { products, methods, pathIncludes } = this.settings;
    if (products.length > 0 && !products.includes(product)) return false;
    if (methods.length > 0 && !methods.includes(method.toUpperCase())) return false;
    return path.includes(pathIncludes);
  }

  /**
   * What happens to the answer of a request that was carried out: held for `holdAnswerMs`, then
   * sent — or, with `rateReset`, never sent ('reset': the caller closes the connection).
   */
  async afterApplied(target: FaultTarget): Promise<'answer' | 'reset'> {
    if (!this.selects(target)) return 'answer';
    const { holdAnswerMs, rateReset } = this.settings;
    if (holdAnswerMs > 0) await new Promise((resolve) => setTimeout(resolve, holdAnswerMs));
    return rateReset > 0 && this.random.next() < rateReset ? 'reset' : 'answer';
  }

  async apply(target: FaultTarget): Promise<void> {
    if (!this.selects(target)) return;
    const { latencyMs, rate429, rate500, retryAfterSeconds } = this.settings;
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
