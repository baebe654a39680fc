/**
 * Issue #27, "every error the backend can answer has the wording the README promises": when IAM
 * cannot check the Flex token — it answers 429 or 500, resets the connection, or does not answer
 * in time — every call answers 503 `token_check_unavailable` in the README's words. A view load's
 * calls run in parallel and share one check across the functions' bundles; they answered a mix of
 * 503 and 500 "Something went wrong" before the check's outcome was shared as data.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { BackendEndpoint } from '../../src/contract/types';
import { READ_FUNCTIONS, setUpBackend, type FunctionResponse } from './harness';
import type { FaultSettings } from '../../sandbox/server/faults';

const t = setUpBackend();
beforeEach(() => t.reset());

/** What the README says the user sees (its "Deploy and runtime errors" table) and why. */
function readmePromise(): { words: string; why: string } {
  const readme = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');
  const row = readme.split('\n').find((line) => line.startsWith('| "Could not check your Flex sign-in'));
  if (!row) throw new Error('README.md promises no words for a token check that failed');
  const [, shown, why] = row.split('|').map((cell) => cell.trim());
  const words = /^"(.*?)…?"/.exec(shown)?.[1];
  if (!words) throw new Error(`README.md's row does not quote what is shown: ${row}`);
  return { words, why };
}

const answerOf = (response: FunctionResponse) => {
  const error = (response.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { status: response.status, code: error?.code, message: error?.message };
};

/** What the view asks for when it opens, all at once (trace and alerts are asked for by the user). */
const VIEW_LOAD: BackendEndpoint[] = READ_FUNCTIONS.filter(
  (name) => name !== 'trace-customer' && name !== 'list-alerts',
);
const payloadOf = (name: BackendEndpoint) => (name === 'list-addresses' ? { type: 'sms' } : {});

/** Short timings, so a hung IAM costs a second or two, not the production 7.5 s. */
const FAST = { MESSAGING_SETUP_TWILIO_TIMEOUT_MS: '600', MESSAGING_SETUP_CALL_BUDGET_MS: '2500' };

const IAM_FAILING: [string, Partial<FaultSettings>][] = [
  ['500', { rate500: 1 }],
  ['429', { rate429: 1, retryAfterSeconds: 0 }],
  ['429 and 500 mixed', { rate429: 0.5, rate500: 0.5, retryAfterSeconds: 0 }],
  ['no answer (connection reset)', { rateReset: 1 }],
  ['no answer in time', { latencyMs: 1500 }],
];

describe('IAM failing: one status, one code, the README’s words', () => {
  test('the README quotes the backend’s own message for it', () => {
    const { words, why } = readmePromise();
    expect(words).toBe('Could not check your Flex sign-in just now');
    expect(why).toMatch(/Twilio IAM was busy or failing/);
  });

  test.each(IAM_FAILING)(
    'IAM answering %s: every call of a view load, made in parallel, answers 503 token_check_unavailable',
    async (_kind, fault) => {
      Object.assign(t.env, FAST);
      t.faults({ ...fault, products: ['iam'] }, 27);
      const token = t.tokens.supervisor();
      const answers = await Promise.all(
        VIEW_LOAD.map(async (name) => ({
          name,
          ...answerOf(await t.callFunction(name, { token, payload: payloadOf(name) })),
        })),
      );
      const { words } = readmePromise();
      for (const answer of answers) {
        expect(answer).toEqual({
          name: answer.name,
          status: 503,
          code: 'token_check_unavailable',
          message: 'Could not check your Flex sign-in just now; try again in a moment.',
        });
        expect(answer.message?.startsWith(words)).toBe(true);
      }
    },
    30_000,
  );

  test('a write answers the same, and once IAM answers again the same token works', async () => {
    t.faults({ rate500: 1, products: ['iam'] }, 27);
    const token = t.tokens.admin();
    const sid = t.sandbox.account.addresses.all()[0].sid;
    const refused = answerOf(await t.callFunction('delete-address', { token, payload: { sid } }));
    expect(refused).toMatchObject({ status: 503, code: 'token_check_unavailable' });
    // Nothing was changed, and nothing about the token was remembered.
    expect(t.sandbox.account.addresses.all().some((a) => a.sid === sid)).toBe(true);
    t.faults({}, 27);
    expect(answerOf(await t.callFunction('list-phone-numbers', { token })).status).toBe(200);
  });
});
