import { BackendError } from './backendError';

/**
 * The Functions runtime (Twilio's, and twilio-run locally) puts its own `request` object (headers,
 * cookies) into `event` beside the form fields; a form field of that name is a string, the caller's.
 */
export const isRuntimeField = (key: string, value: unknown): boolean =>
  key === 'request' && typeof value === 'object' && value !== null && !Array.isArray(value);

/** Bytes of a decoded form value: a string, or the array a repeated field becomes. */
const sizeOf = (value: unknown): number =>
  Buffer.byteLength(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));

/**
 * Refuses a request whose form fields — names and values, all of them, whatever they are called —
 * add up to more than `limit` bytes, with 413. Checked first, before any other work: an oversize
 * request costs no token check, no signature check, no Twilio call. The runtime's own limit is far
 * higher (twilio-run parses form bodies of up to 6 MB).
 */
export function assertRequestSize(event: Record<string, unknown>, limit: number): void {
  let total = 0;
  for (const [key, value] of Object.entries(event)) {
    if (isRuntimeField(key, value)) continue;
    total += Buffer.byteLength(key) + sizeOf(value);
    if (total > limit) {
      throw new BackendError(413, 'payload_too_large', `The request is larger than ${limit} bytes.`);
    }
  }
}
