/**
 * The functions take Token and Payload from a form-encoded POST body only. The runtime merges the
 * query string into the same `event` as the body, so without a check `GET /delete-flex-flow?Token=…`
 * would delete a flow — and the token would sit in every access log on the way. Each refusal here
 * is a 4xx JSON answer before the token check: no IAM request, no Twilio write.
 */
import { MAX_PAYLOAD_BYTES } from '../src/http/flexFunction';
import { errorBodyProblems, setUpBackend, type CallOptions, type FunctionResponse } from './harness';

const t = setUpBackend();

beforeEach(() => t.reset());

const account = () => t.sandbox.account;

function smsFlexFlow(): string {
  const flow = account()
    .flexFlows.all()
    .find((f) => f.channel_type === 'sms');
  if (!flow) throw new Error('the demo account has no SMS Flex Flow');
  return flow.sid;
}

/** The status of each refusal. */
const STATUS: Record<string, number> = { unsupported_media_type: 415, length_required: 411, fields_not_in_body: 400 };

const flowExists = (sid: string) => account().flexFlows.find(sid) !== undefined;
const errorCode = (response: FunctionResponse) => (response.body as { error?: { code?: string } }).error?.code;

/** The two fields as a form or query carries them. */
const fieldsFor = (token: string, sid: string) => ({ Token: token, Payload: JSON.stringify({ sid }) });

/** Calls delete-flex-flow as `how` says; the caller holds a valid admin token. */
async function deleteFlowWith(how: (fields: { Token: string; Payload: string }) => CallOptions) {
  const sid = smsFlexFlow();
  const token = t.tokens.admin();
  t.clearLog();
  const response = await t.callFunction('delete-flex-flow', how(fieldsFor(token, sid)));
  return { response, sid, token };
}

/** Captures everything written to the console and to stdout/stderr while `run` runs. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const record = (...args: unknown[]) => {
    chunks.push(args.map((a) => (typeof a === 'string' ? a : (JSON.stringify(a) ?? String(a)))).join(' '));
  };
  const spies = [
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation(record),
    ),
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true)),
  ];
  try {
    return { result: await run(), output: chunks.join('\n') };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

describe('Token and Payload come from a form-encoded POST body, never from the URL', () => {
  test('a form POST deletes the flow (what the refusals below are measured against)', async () => {
    const { response, sid } = await deleteFlowWith((fields) => ({ token: fields.Token, rawPayload: fields.Payload }));
    expect(response.status).toBe(200);
    expect(flowExists(sid)).toBe(false);
  });

  test('a browser’s form POST, with a charset in its Content-Type, is accepted', async () => {
    const { response, sid } = await deleteFlowWith((fields) => ({
      token: fields.Token,
      rawPayload: fields.Payload,
      contentType: 'application/x-www-form-urlencoded;charset=UTF-8',
    }));
    expect(response.status).toBe(200);
    expect(flowExists(sid)).toBe(false);
  });

  test.each<[string, string, (fields: { Token: string; Payload: string }) => CallOptions]>([
    [
      'a GET with both in the query string (a link)',
      'unsupported_media_type',
      (f) => ({ method: 'GET', queryFields: f, contentType: null }),
    ],
    [
      'a GET with both in the query string and a form Content-Type',
      'length_required',
      (f) => ({ method: 'GET', queryFields: f }),
    ],
    ['a DELETE with both in the query string', 'length_required', (f) => ({ method: 'DELETE', queryFields: f })],
    ['a POST with both in the query string and an empty form', 'fields_not_in_body', (f) => ({ queryFields: f })],
    [
      'a POST with the Token in the query string, the Payload in the form',
      'fields_not_in_body',
      (f) => ({ queryFields: { Token: f.Token }, rawPayload: f.Payload }),
    ],
    [
      'a POST with the Payload in the query string, the Token in the form',
      'fields_not_in_body',
      (f) => ({ queryFields: { Payload: f.Payload }, token: f.Token }),
    ],
    [
      'a POST with a padded Payload in the form and the Token in the query string',
      'fields_not_in_body',
      (f) => ({ queryFields: { Token: f.Token }, rawPayload: `${f.Payload}${' '.repeat(100)}` }),
    ],
    [
      'a POST with a JSON body',
      'unsupported_media_type',
      (f) => ({ token: f.Token, rawPayload: f.Payload, jsonBody: true }),
    ],
    [
      'a POST with a form-looking text/plain body and the fields in the query string',
      'unsupported_media_type',
      (f) => ({ queryFields: f, contentType: 'text/plain', token: f.Token, rawPayload: f.Payload }),
    ],
    [
      'a POST with no Content-Type and the fields in the query string',
      'unsupported_media_type',
      (f) => ({ queryFields: f, contentType: null }),
    ],
  ])('%s → 4xx %s, no IAM request, nothing deleted', async (_what, code, how) => {
    const { response, sid } = await deleteFlowWith(how);
    expect({ status: response.status, code: errorCode(response) }).toEqual({ status: STATUS[code], code });
    expect(errorBodyProblems(response.body)).toEqual([]);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(t.log()).toEqual([]);
    expect(flowExists(sid)).toBe(true);
  });

  test('a field the body is too short to hold is refused, whatever its name', async () => {
    const { response } = await deleteFlowWith((f) => ({
      token: f.Token,
      rawPayload: f.Payload,
      queryFields: { Notes: 'x'.repeat(40) },
    }));
    expect({ status: response.status, code: errorCode(response) }).toEqual({ status: 400, code: 'fields_not_in_body' });
    expect(t.log()).toEqual([]);
  });

  test('a large payload in the body with the token in the URL is still caught', async () => {
    // Quotes are escaped (three bytes each) by every form encoder: their escaping leaves no room to
    // hide the token's bytes in.
    const token = t.tokens.supervisor();
    const rawPayload = JSON.stringify({ cursor: '"'.repeat(MAX_PAYLOAD_BYTES / 4) });
    t.clearLog();
    const response = await t.callFunction('list-phone-numbers', { queryFields: { Token: token }, rawPayload });
    expect(errorCode(response)).toBe('fields_not_in_body');
    expect(t.log()).toEqual([]);
  });

  /** Form encoders in common use, each as it writes one value. */
  const encoders: [string, (value: string) => string][] = [
    ['URLSearchParams (browsers, the plugin)', (v) => new URLSearchParams({ v }).toString().slice(2)],
    ['encodeURIComponent (querystring)', (v) => encodeURIComponent(v)],
    ['encodeURIComponent, spaces as +', (v) => encodeURIComponent(v).replace(/%20/g, '+')],
    [
      'RFC 3986 unreserved only (curl --data-urlencode, Go, Python)',
      (v) => encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    ],
    [
      'letters, digits and -_. only (PHP)',
      (v) =>
        encodeURIComponent(v)
          .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
          .replace(/%20/g, '+'),
    ],
  ];

  test.each(encoders)('a form body written by %s is accepted', async (_encoder, encode) => {
    const number = account()
      .incomingPhoneNumbers.all()
      .find((n) => n.capabilities.sms && !account().findAddress(n.phone_number));
    if (!number) throw new Error('the demo account has no SMS number without an address');
    const friendlyName = `Support – línea "1" (día) ~ it's *ok*! & = + % 😀`;
    const payload = {
      type: 'sms',
      address: number.phone_number,
      friendlyName,
      autoCreationEnabled: false,
      integration: { type: 'default' },
    };
    const body = `Token=${encode(t.tokens.supervisor())}&Payload=${encode(JSON.stringify(payload))}`;
    const response = await fetch(`${t.backendUrl}/create-address`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(response.status).toBe(200);
    expect(account().findAddress(number.phone_number)?.friendly_name).toBe(friendlyName);
  });

  test('nothing the backend logs while refusing contains the token', async () => {
    const token = t.tokens.admin();
    const fields = fieldsFor(token, smsFlexFlow());
    const { result, output } = await captureOutput(() =>
      Promise.all([
        t.callFunction('delete-flex-flow', { method: 'GET', queryFields: fields, contentType: null }),
        t.callFunction('delete-flex-flow', { queryFields: { Token: token }, rawPayload: fields.Payload }),
        t.callFunction('delete-flex-flow', { token, rawPayload: fields.Payload, jsonBody: true }),
      ]),
    );
    expect(result.map((r) => r.status)).toEqual([415, 400, 415]);
    expect(output).not.toContain(token);
    expect(output).not.toContain(token.split('.')[2]);
  });
});
