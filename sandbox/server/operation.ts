import type { PageLimits, PageRequest } from './pagination';
import type { SandboxAccount } from './state';

/** What a resource handler gets: validated (and type-coerced) input plus the account. */
export interface OperationRequest extends PageRequest {
  method: string;
  params: Record<string, string>;
  /** Form or JSON body after spec validation; form values are coerced to the spec's types. */
  body: Record<string, unknown>;
  /** The request's headers, names lower-case (Sync's `If-Match` is a header parameter in the spec). */
  headers: Record<string, string>;
  account: SandboxAccount;
  paging: PageLimits;
}

export interface OperationResult {
  status: number;
  body?: unknown;
  /** Response headers the spec declares for the operation (Sync's `ETag`). */
  headers?: Record<string, string>;
}

export type OperationHandler = (req: OperationRequest) => OperationResult;

/** Handlers of one spec file, keyed by the spec's operationId. */
export type OperationHandlers = Record<string, OperationHandler>;

export const ok = (body: unknown): OperationResult => ({ status: 200, body });
export const created = (body: unknown): OperationResult => ({ status: 201, body });
export const accepted = (body: unknown): OperationResult => ({ status: 202, body });
export const noContent = (): OperationResult => ({ status: 204 });
