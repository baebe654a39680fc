/**
 * List cursors: Twilio's paging position in, the same position out; no URL ever inside, and
 * anything else a caller makes up is refused.
 */
import fc from 'fast-check';

import { BackendError } from '../src/http/backendError';
import { decodeCursor, encodeCursor } from '../src/lib/cursor';

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function backendError(run: () => unknown): BackendError {
  try {
    run();
  } catch (error) {
    if (error instanceof BackendError) return error;
    throw error;
  }
  throw new Error('expected a BackendError');
}

describe('encodeCursor → decodeCursor', () => {
  test('a v1 next_page_url (absolute) round-trips to its Page and PageToken', () => {
    const cursor = encodeCursor(
      'https://conversations.twilio.com/v1/Configuration/Addresses?Type=sms&PageSize=50&Page=3&PageToken=PT00000096',
    );
    expect(cursor).not.toBeNull();
    expect(decodeCursor(cursor)).toEqual({ pageNumber: 3, pageToken: 'PT00000096' });
  });

  test('an API 2010 next_page_uri (relative) round-trips too', () => {
    const cursor = encodeCursor(
      '/2010-04-01/Accounts/AC5a4db0c1e2f3a4b5c6d7e8f9a0b1c2d3/IncomingPhoneNumbers.json?PageSize=1000&Page=1&PageToken=PA000003E8',
    );
    expect(decodeCursor(cursor)).toEqual({ pageNumber: 1, pageToken: 'PA000003E8' });
  });

  test('the cursor holds the position only: no host, path or other query parameter', () => {
    const cursor = encodeCursor('https://evil.example/steal?Page=2&PageToken=PT1&To=https://evil.example');
    const decoded = Buffer.from(String(cursor), 'base64url').toString('utf8');
    expect(JSON.parse(decoded)).toEqual({ p: 2, t: 'PT1' });
    expect(decoded).not.toMatch(/evil|https?:|\/\//);
  });

  test('no next page → null (the end of the list)', () => {
    expect(encodeCursor(null)).toBeNull();
    expect(encodeCursor(undefined)).toBeNull();
    expect(encodeCursor('')).toBeNull();
  });

  test.each([
    ['no PageToken', 'https://studio.twilio.com/v2/Flows?PageSize=50&Page=1'],
    [
      'a PageToken with characters a cursor cannot carry',
      'https://studio.twilio.com/v2/Flows?Page=1&PageToken=PT%2B1%3D',
    ],
    ['a page number that is not one', 'https://studio.twilio.com/v2/Flows?Page=one&PageToken=PT1'],
  ])('a next page with %s is an error (502), never a silent end of the list', (_what, url) => {
    const error = backendError(() => encodeCursor(url));
    expect(error.status).toBe(502);
    expect(error.code).toBe('twilio_unavailable');
  });

  test('property: every position Twilio can send round-trips', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.string({
          unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'),
          minLength: 1,
          maxLength: 256,
        }),
        (page, token) => {
          const url = `https://messaging.twilio.com/v2/Channels/Senders?Channel=whatsapp&PageSize=1000&Page=${page}&PageToken=${token}`;
          expect(decodeCursor(encodeCursor(url))).toEqual({ pageNumber: page, pageToken: token });
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('decodeCursor refuses what the backend did not make', () => {
  test('no cursor is the first page', () => {
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(null)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
  });

  test.each([
    ['junk', 'not a cursor'],
    ['a URL', 'https://evil.example/2010-04-01/Accounts'],
    ['a URL in the token', cursorOf({ p: 1, t: 'https://evil.example/x' })],
    ['a path in the token', cursorOf({ p: 1, t: '../../Accounts' })],
    ['a URL beside the position', cursorOf({ url: 'https://evil.example', t: 'PT1' })],
    ['a URL as the whole cursor, encoded', cursorOf('https://evil.example/x?PageToken=PT1')],
    ['a negative page', cursorOf({ p: -1, t: 'PT1' })],
    ['a fractional page', cursorOf({ p: 1.5, t: 'PT1' })],
    ['a page past the limit', cursorOf({ p: 1_000_001, t: 'PT1' })],
    ['a page given as text', cursorOf({ p: '1', t: 'PT1' })],
    ['an empty token', cursorOf({ p: 1, t: '' })],
    ['a token of the wrong type', cursorOf({ p: 1, t: 1 })],
    ['a missing token', cursorOf({ p: 1 })],
    ['JSON null', cursorOf(null)],
    ['an array', cursorOf([1, 'PT1'])],
    ['a huge string', 'A'.repeat(513)],
    ['a number', 42],
    ['an object', { p: 1, t: 'PT1' }],
    ['an array of cursors', [cursorOf({ p: 1, t: 'PT1' })]],
  ])('%s → 400 invalid_cursor', (_what, cursor) => {
    const error = backendError(() => decodeCursor(cursor));
    expect({ status: error.status, code: error.code }).toEqual({ status: 400, code: 'invalid_cursor' });
  });

  test('property: whatever a caller sends, the answer is a clean position or a 400', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 600 }), fc.jsonValue().map(cursorOf)), (cursor) => {
        let position: ReturnType<typeof decodeCursor>;
        try {
          position = decodeCursor(cursor);
        } catch (error) {
          expect(error).toBeInstanceOf(BackendError);
          expect((error as BackendError).status).toBe(400);
          return;
        }
        if (position === undefined) return expect(cursor).toBe('');
        expect(Number.isInteger(position.pageNumber)).toBe(true);
        expect(position.pageToken).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });
});
