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

/** Bounded so a long soak cannot exhaust memory; the oldest entries go first. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  constructor(private readonly limit = 200_000) {}

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
