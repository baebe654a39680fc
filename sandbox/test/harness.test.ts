/**
 * The contract checker the other test files rely on (in their afterEach) must catch bodies that
 * break the spec, and must accept what Twilio itself documents: checked here both ways.
 */
import fs from 'node:fs';
import path from 'node:path';

import { SPEC_DIR } from '../server/specRegistry';
import { contractProblems, errorBodyProblems, productAndPath, setUpSandbox, type Exchange } from './harness';

const t = setUpSandbox();

const PRODUCT_OF_SPEC: Record<string, string> = {
  'twilio_api_v2010.subset.json': 'api',
  'twilio_conversations_v1.subset.json': 'conversations',
  'twilio_flex_v1.subset.json': 'flex-api',
  'twilio_messaging_v1.subset.json': 'messaging',
  'twilio_messaging_v2.subset.json': 'messaging',
  'twilio_studio_v2.subset.json': 'studio',
  'twilio_taskrouter_v1.subset.json': 'taskrouter',
  'twilio_sync_v1.subset.json': 'sync',
};

const exchange = (fields: Partial<Exchange> & Pick<Exchange, 'product' | 'path' | 'status' | 'body'>): Exchange => ({
  method: 'GET',
  url: `${t.url}/${fields.product}${fields.path}`,
  headers: {},
  ...fields,
});

async function liveBody(product: string, pathname: string): Promise<Record<string, unknown>> {
  const response = await t.raw(product, pathname);
  expect(response.status).toBe(200);
  t.recorder.clear();
  return JSON.parse(JSON.stringify(response.body)) as Record<string, unknown>;
}

test('maps sandbox URLs back to product and path, keeping + and : literal', () => {
  expect(
    productAndPath(
      'http://127.0.0.1:9',
      'http://127.0.0.1:9/conversations/v1/Configuration/Addresses/whatsapp:+15551234567?x=1',
    ),
  ).toEqual({
    product: 'conversations',
    path: '/v1/Configuration/Addresses/whatsapp:+15551234567',
  });
  expect(() => productAndPath('http://127.0.0.1:9', 'https://api.twilio.com/x')).toThrow();
});

test('every response example in the spec files passes the checker', () => {
  let checked = 0;
  for (const [file, product] of Object.entries(PRODUCT_OF_SPEC)) {
    const spec = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, file), 'utf8')) as {
      paths: Record<
        string,
        Record<
          string,
          {
            responses?: Record<
              string,
              { content?: Record<string, { examples?: Record<string, { value?: unknown; $ref?: string }> }> }
            >;
          }
        >
      >;
      components: { examples?: Record<string, { value: unknown }> };
    };
    for (const [template, operations] of Object.entries(spec.paths)) {
      const concrete = template.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'AccountSid' ? t.accountSid : `XX${'a'.repeat(32)}`,
      );
      for (const [method, operation] of Object.entries(operations)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          for (const example of Object.values(response.content?.['application/json']?.examples ?? {})) {
            const value = example.$ref
              ? spec.components.examples?.[example.$ref.split('/').pop() ?? '']?.value
              : example.value;
            const x = exchange({
              method: method.toUpperCase(),
              product,
              path: concrete,
              status: Number(status),
              body: value,
            });
            expect(contractProblems(t.sandbox, [x])).toEqual([]);
            checked += 1;
          }
        }
      }
    }
  }
  expect(checked).toBeGreaterThan(50);
});

test('a live response passes, and the same response with a broken field does not', async () => {
  const list = await liveBody('conversations', '/v1/Configuration/Addresses');
  const ok = exchange({ product: 'conversations', path: '/v1/Configuration/Addresses', status: 200, body: list });
  expect(contractProblems(t.sandbox, [ok])).toEqual([]);

  const items = list.address_configurations as Record<string, unknown>[];
  items[0].sid = 'IG-not-a-sid';
  items[1].date_created = 'yesterday';
  const broken = contractProblems(t.sandbox, [ok]);
  expect(broken).toHaveLength(1);
  expect(broken[0]).toMatch(/address_configurations\/0\/sid/);
  expect(broken[0]).toMatch(/address_configurations\/1\/date_created/);
});

test('wrong shapes in API 2010 and Messaging v2 bodies are caught', async () => {
  const page = await liveBody('api', `/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers.json`);
  (page.incoming_phone_numbers as Record<string, unknown>[])[0].date_created = '2026-01-05T09:00:00Z';
  page.page_size = '50';
  const pageProblems = contractProblems(t.sandbox, [
    exchange({
      product: 'api',
      path: `/2010-04-01/Accounts/${t.accountSid}/IncomingPhoneNumbers.json`,
      status: 200,
      body: page,
    }),
  ]);
  expect(pageProblems.join()).toMatch(/date_created/);
  expect(pageProblems.join()).toMatch(/page_size/);

  const senders = await liveBody('messaging', '/v2/Channels/Senders?Channel=whatsapp');
  (senders.senders as Record<string, unknown>[])[0].status = 'SLEEPING';
  expect(
    contractProblems(t.sandbox, [
      exchange({ product: 'messaging', path: '/v2/Channels/Senders', status: 200, body: senders }),
    ]).join(),
  ).toMatch(/status/);
});

test('an undeclared status, a 204 with a body, and an unknown route are caught', () => {
  const problems = contractProblems(t.sandbox, [
    exchange({ product: 'studio', path: '/v2/Flows', status: 201, body: { flows: [] } }),
    exchange({
      method: 'DELETE',
      product: 'studio',
      path: `/v2/Flows/FW${'a'.repeat(32)}`,
      status: 204,
      body: { deleted: true },
    }),
    exchange({ product: 'studio', path: '/v2/Nothing', status: 200, body: {} }),
  ]);
  expect(problems).toHaveLength(3);
  expect(problems[0]).toMatch(/status 201 is not declared/);
  expect(problems[1]).toMatch(/204 must have an empty body/);
  expect(problems[2]).toMatch(/no spec operation/);
});

test('error bodies must have Twilio’s shape', () => {
  const good = {
    code: 20404,
    message: 'The requested resource /x was not found',
    more_info: 'https://www.twilio.com/docs/errors/20404',
    status: 404,
  };
  expect(errorBodyProblems(404, good)).toEqual([]);
  expect(errorBodyProblems(400, good)).toEqual([expect.stringMatching(/status 404 is not the HTTP status 400/)]);
  expect(errorBodyProblems(404, { ...good, code: '20404' })).toEqual([expect.stringMatching(/code/)]);
  expect(errorBodyProblems(404, { ...good, message: '' })).toEqual([expect.stringMatching(/message/)]);
  expect(errorBodyProblems(404, { ...good, more_info: 'see docs' })).toEqual([expect.stringMatching(/more_info/)]);
  expect(errorBodyProblems(500, 'Internal Server Error')).toEqual([expect.stringMatching(/not a JSON object/)]);
});

describe('the strict sandbox (what every harness fails on)', () => {
  const violations = () => {
    const list = t.sandbox.violations.list();
    t.sandbox.violations.clear();
    return list;
  };

  test('it is strict in this harness', () => {
    expect(t.sandbox.strict).toBe(true);
  });

  test('an answer that breaks the spec is recorded, with what broke', async () => {
    const [address] = t.sandbox.account.addresses.all();
    const original = address.date_created;
    address.date_created = 'yesterday';
    try {
      await t.raw('conversations', `/v1/Configuration/Addresses/${address.sid}`);
    } finally {
      address.date_created = original;
      t.recorder.clear();
    }
    const [violation, ...more] = violations();
    expect(more).toEqual([]);
    expect(violation).toMatchObject({ kind: 'response', method: 'GET', product: 'conversations', status: 200 });
    expect(violation.detail).toMatch(/date_created/);
  });

  test('an undeclared parameter is recorded and never stored', async () => {
    const [address] = t.sandbox.account.addresses.all();
    const response = await t.raw('conversations', `/v1/Configuration/Addresses/${address.sid}`, {
      form: { FriendlyName: 'renamed', 'AutoCreation.Bogus': 'x', Colour: 'red' },
    });
    expect(response.status).toBe(200);
    expect((response.body as Record<string, unknown>).friendly_name).toBe('renamed');
    const stored = t.sandbox.account.addresses.all().find((a) => a.sid === address.sid);
    expect(JSON.stringify(stored)).not.toMatch(/Bogus|Colour|red/);
    expect(violations().map((v) => [v.kind, v.detail])).toEqual([
      ['undeclared-parameter', expect.stringMatching(/body parameter AutoCreation\.Bogus is not declared/)],
      ['undeclared-parameter', expect.stringMatching(/body parameter Colour is not declared/)],
    ]);
  });

  test('the browser tests read them over the control API', async () => {
    await t.raw('studio', '/v2/Flows', { query: { Colour: 'red' } });
    const response = await t.control.call('GET', '/violations');
    expect(response.body).toMatchObject({
      strict: true,
      count: 1,
      violations: [{ kind: 'undeclared-parameter', product: 'studio', path: '/v2/Flows', status: 200 }],
    });
    expect((await t.control.call('DELETE', '/violations')).status).toBe(204);
    expect(violations()).toEqual([]);
  });
});
