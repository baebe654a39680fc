/**
 * The backend's log line for a failure: a redacted summary of whatever was thrown. Errors of HTTP
 * clients are the dangerous kind (an AxiosError carries its request: headers, body, URL), so the
 * test makes real ones, against a port nothing answers on and a server that never answers.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import axios from 'axios';
import twilio from 'twilio';

import { errorSummary, scrub } from '../src/http/errorLog';
import { retryIdempotentWrite } from '../src/lib/retryIdempotentWrite';
import { TwilioTransportError } from '../src/twilio/transportError';

const AUTH_TOKEN = 'f'.repeat(32);
const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const FLEX_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0ZXN0In0.c2lnbmF0dXJlLW9mLWEtdG9rZW4';
const BASIC = Buffer.from(`${ACCOUNT_SID}:${AUTH_TOKEN}`).toString('base64');

function secretsIn(line: string): string[] {
  return [AUTH_TOKEN, BASIC, 'Basic ', FLEX_TOKEN, 'PageToken', 'Payload='].filter((s) => line.includes(s));
}

async function axiosFailure(url: string, timeout: number): Promise<unknown> {
  return axios
    .post(url, `Token=${FLEX_TOKEN}&Payload=%7B%7D`, {
      timeout,
      headers: { Authorization: `Basic ${BASIC}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    })
    .catch((error: unknown) => error);
}

test('an AxiosError of a timeout: class, code, host and path; no header, body or query', async () => {
  const server = http.createServer(() => undefined); // never answers
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const error = await axiosFailure(`http://127.0.0.1:${port}/v1/Configuration/Addresses?PageToken=PT1`, 100);
  server.closeAllConnections();
  server.close();
  const line = errorSummary(error);
  expect(line).toMatch(/^AxiosError code=ECONNABORTED /);
  expect(line).toContain(`POST 127.0.0.1:${port}/v1/Configuration/Addresses`);
  expect(secretsIn(line)).toEqual([]);
  // The error itself holds them all, which is why it is never logged whole.
  expect(secretsIn(JSON.stringify((error as { config: unknown }).config))).not.toEqual([]);
});

test('an AxiosError of a refused connection', async () => {
  const error = await axiosFailure('http://127.0.0.1:9/v1/FlexFlows?Token=x', 1000);
  const line = errorSummary(error);
  expect(line).toMatch(/code=ECONNREFUSED/);
  expect(secretsIn(line)).toEqual([]);
});

test('a TypeError and a RestException keep what helps and nothing else', () => {
  const typeError = new TypeError(`Cannot read properties of undefined (reading 'sid') Basic ${BASIC}`);
  expect(errorSummary(typeError)).toMatch(/^TypeError message="Cannot read properties of undefined/);
  expect(secretsIn(errorSummary(typeError))).toEqual([]);
  const rest = new twilio.RestException({ statusCode: 500, body: { code: 20500, message: `failed ${AUTH_TOKEN}` } });
  expect(errorSummary(rest)).toMatch(/^RestException code=20500 status=500/);
  expect(secretsIn(errorSummary(rest))).toEqual([]);
});

test('a transport error: what failed, where, which attempt', () => {
  const error = new TwilioTransportError(
    'timeout',
    { method: 'GET', host: 'flex-api.twilio.com', path: '/v1/FlexFlows' },
    2,
    'ECONNABORTED',
    true,
  );
  expect(errorSummary(error)).toBe(
    'TwilioTransportError timeout code=ECONNABORTED GET flex-api.twilio.com/v1/FlexFlows attempt=2',
  );
});

test('scrub: credentials, tokens, long secrets and queries go; the rest stays', () => {
  expect(scrub(`https://user:pass@api.twilio.com/x?Token=${FLEX_TOKEN}`)).toBe(
    'https://api.twilio.com/x?[query removed]',
  );
  expect(scrub(`Bearer ${FLEX_TOKEN} and ${AUTH_TOKEN}`)).toBe('[credentials redacted] and [redacted]');
  expect(scrub('first line\nsecond line')).toBe('first line');
});

describe('retryIdempotentWrite (undo steps)', () => {
  const lost = () =>
    new TwilioTransportError('network', { method: 'DELETE', host: 'h', path: '/p' }, 1, 'ECONNRESET', false);
  const notFound = () => new twilio.RestException({ statusCode: 404, body: { code: 20404, message: 'not found' } });

  test('a delete whose answer was lost, then 404: done (the first attempt did it)', async () => {
    const answers = [lost(), notFound()];
    let calls = 0;
    await expect(
      retryIdempotentWrite(
        async () => {
          throw answers[calls++];
        },
        { doneIfNotFound: true },
      ),
    ).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  test('a refusal is not retried; unknown outcomes are, three times at most', async () => {
    let calls = 0;
    const refused = new twilio.RestException({ statusCode: 400, body: { code: 21211, message: 'bad' } });
    await expect(retryIdempotentWrite(async () => Promise.reject(((calls += 1), refused)))).rejects.toBe(refused);
    expect(calls).toBe(1);
    calls = 0;
    await expect(retryIdempotentWrite(async () => Promise.reject(((calls += 1), lost())))).rejects.toBeInstanceOf(
      TwilioTransportError,
    );
    expect(calls).toBe(3);
  });
});
