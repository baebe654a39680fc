/** One Twilio request the sandbox answered (the control API is not logged). */
export interface LoggedRequest {
  method: string;
  product: string;
  /** Path inside the product, without the query: `/v1/Configuration/Addresses`. */
  path: string;
  status: number;
  /** Extensions: the query and the form/JSON body, so tests can check what reached "Twilio". */
  query: Record<string, string | string[]>;
  params: Record<string, unknown>;
  durationMs: number;
  at: string;
}

/** A log bounded so a long soak cannot exhaust memory; the oldest entries go first. */
export class BoundedLog<T> {
  private entries: T[] = [];

  constructor(private readonly limit: number) {}

  add(entry: T): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): T[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}

/** The Twilio requests the sandbox answered. */
export class RequestLog extends BoundedLog<LoggedRequest> {
  constructor(limit = 200_000) {
    super(limit);
  }
}
