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

/**
 * What a strict sandbox (SANDBOX_STRICT_RESPONSES=1) caught: a response it sent that its own spec
 * does not allow, or a request parameter the operation does not declare (never stored). Every test
 * harness reads these and fails the test that caused one, so a sandbox bug or a backend sending
 * what Twilio would ignore cannot pass silently.
 */
export interface Violation {
  kind: 'response' | 'undeclared-parameter';
  method: string;
  product: string;
  path: string;
  /** The status sent (for a parameter violation, the status of the answer that followed). */
  status: number;
  detail: string;
  at: string;
}

export class ViolationLog extends BoundedLog<Violation> {
  constructor(limit = 10_000) {
    super(limit);
  }
}
