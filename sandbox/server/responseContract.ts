/**
 * What a response the sandbox sends must look like: a 2xx/3xx body is what Twilio's spec declares
 * for that operation and status; a 4xx/5xx is Twilio's legacy error body (twilio-node turns it into
 * a RestException). The server checks its own answers with this when strict
 * (SANDBOX_STRICT_RESPONSES=1), so every harness — the sandbox's, the backend's and the browser
 * tests' — sees the same check; sandbox/test/harness.ts also applies it to what its tests received.
 */
import type { SpecRegistry } from './specRegistry';

/** Twilio's legacy error body: integer code, a message, an https more_info, the HTTP status. */
export function errorBodyProblems(status: number, body: unknown): string[] {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return [`error body is not a JSON object: ${JSON.stringify(body)}`];
  const b = body as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof b.code !== 'number' || !Number.isInteger(b.code))
    problems.push(`code is not an integer: ${JSON.stringify(b.code)}`);
  if (typeof b.message !== 'string' || b.message === '')
    problems.push(`message is not a non-empty string: ${JSON.stringify(b.message)}`);
  if (typeof b.more_info !== 'string' || !/^https:\/\/\S+$/.test(b.more_info)) {
    problems.push(`more_info is not an https URL: ${JSON.stringify(b.more_info)}`);
  }
  if (b.status !== status) problems.push(`status ${JSON.stringify(b.status)} is not the HTTP status ${status}`);
  return problems;
}

/** Everything wrong with one response (empty when it matches the contract). */
export function responseProblems(
  registry: SpecRegistry,
  exchange: { product: string; method: string; path: string; status: number; body: unknown },
): string[] {
  const { product, method, path, status, body } = exchange;
  if (status >= 400) return errorBodyProblems(status, body);
  // The IAM token-validate endpoint is not in Twilio's specs; tokens.test.ts checks its shape.
  if (product === 'iam') return [];
  const result = registry.validateResponse(product, method, path, status, body);
  if (result.valid) return [];
  const details = result.errors.map((e) => `${e.instancePath ?? ''} ${e.message ?? ''}`.trim()).join('; ');
  return [`does not match the spec: ${details}`];
}
