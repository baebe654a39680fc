import { created, noContent, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { page2010 } from '../pagination';
import { derivedSid } from '../random';
import type { IncomingPhoneNumber, SandboxAccount, WireResource } from '../state';
import { invalidParameter, notFound } from '../twilioError';
import { applyParams, rfc2822Date } from '../wireFormat';

/** `+14155550123` → `(415) 555-0123`, as Twilio names North American numbers. */
export function friendlyNameOf(phoneNumber: string): string {
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phoneNumber);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : phoneNumber;
}

export interface NumberFields {
  phone_number: string;
  capabilities: IncomingPhoneNumber['capabilities'];
  sms_url?: string;
  sms_application_sid?: string;
  friendly_name?: string;
}

export function buildIncomingPhoneNumber(account: SandboxAccount, fields: NumberFields): IncomingPhoneNumber {
  const sid = account.random.sid('PN');
  const now = rfc2822Date(account.now());
  return {
    sid,
    account_sid: account.accountSid,
    address_sid: null,
    address_requirements: 'none',
    api_version: '2010-04-01',
    beta: false,
    capabilities: fields.capabilities,
    date_created: now,
    date_updated: now,
    friendly_name: fields.friendly_name ?? friendlyNameOf(fields.phone_number),
    identity_sid: null,
    phone_number: fields.phone_number,
    origin: 'twilio',
    sms_application_sid: fields.sms_application_sid ?? '',
    sms_fallback_method: 'POST',
    sms_fallback_url: '',
    sms_method: 'POST',
    sms_url: fields.sms_url ?? '',
    status_callback: '',
    status_callback_method: 'POST',
    trunk_sid: null,
    uri: `/2010-04-01/Accounts/${account.accountSid}/IncomingPhoneNumbers/${sid}.json`,
    voice_receive_mode: 'voice',
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: 'POST',
    voice_fallback_url: null,
    voice_method: 'POST',
    voice_url: null,
    emergency_status: 'Inactive',
    emergency_address_sid: null,
    emergency_address_status: 'unregistered',
    bundle_sid: null,
    status: 'in-use',
    type: 'local',
  };
}

/** The path's AccountSid must be the account the credentials belong to. */
function checkAccount(req: OperationRequest): void {
  if (req.params.AccountSid !== req.account.accountSid) {
    throw notFound(`/2010-04-01/Accounts/${req.params.AccountSid}`);
  }
}

function numberOr404(req: OperationRequest): IncomingPhoneNumber {
  checkAccount(req);
  return req.account.incomingPhoneNumbers.get(req.params.Sid);
}

const digitsOf = (value: string) => value.replace(/[^0-9]/g, '');

export interface MessageFields {
  direction: 'inbound' | 'outbound-api';
  from: string;
  to: string;
  body: string;
  status: string;
  /** The moment Twilio received (or sent) it. */
  date: Date;
  messagingServiceSid?: string | null;
  /** Distinguishes messages of the same moment; the SID (`SM…`) is derived from it, not drawn from the seed. */
  key: string;
}

/** A Programmable Messaging Message resource, in API 2010's wire shape (RFC 2822 dates, relative URIs). */
export function buildMessage(account: SandboxAccount, fields: MessageFields): WireResource {
  const sid = derivedSid('SM', `${account.messages.size}:${fields.key}`);
  const when = rfc2822Date(fields.date);
  const uri = `/2010-04-01/Accounts/${account.accountSid}/Messages/${sid}.json`;
  return {
    account_sid: account.accountSid,
    api_version: '2010-04-01',
    body: fields.body,
    date_created: when,
    date_sent: when,
    date_updated: when,
    direction: fields.direction,
    error_code: null,
    error_message: null,
    from: fields.from,
    messaging_service_sid: fields.messagingServiceSid ?? null,
    num_media: '0',
    // GSM-7 segments of 153 characters once a message needs more than one of 160.
    num_segments: String(fields.body.length <= 160 ? 1 : Math.ceil(fields.body.length / 153)),
    price: null,
    price_unit: 'USD',
    sid,
    status: fields.status,
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: fields.to,
    uri,
  };
}

const RFC_2822_TIME = (value: string) => Date.parse(value);

/**
 * The `DateSent` filters: `DateSent` is one GMT day (of a `YYYY-MM-DD` or of a date-time, which
 * twilio-node sends: `2026-01-05T09:00:00Z`); `DateSent<` on or before, `DateSent>` on or after
 * (the spec's description) — a bare date bounds by its whole day, a date-time by itself.
 */
function dateSentFilter(query: OperationRequest['query']): (sent: number) => boolean {
  const parse = (name: string, value: unknown) => {
    if (typeof value !== 'string') return undefined;
    const bare = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const time = Date.parse(bare ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(time)) throw invalidParameter(`Invalid ${name}: ${value}`);
    const dayStart = Date.parse(`${new Date(time).toISOString().slice(0, 10)}T00:00:00Z`);
    return { day: [dayStart, dayStart + 86_400_000 - 1], start: time, end: bare ? dayStart + 86_400_000 - 1 : time };
  };
  const exact = parse('DateSent', query.DateSent);
  const before = parse('DateSent<', query['DateSent<']);
  const after = parse('DateSent>', query['DateSent>']);
  return (sent) =>
    (!exact || (sent >= exact.day[0] && sent <= exact.day[1])) &&
    (!before || sent <= before.end) &&
    (!after || sent >= after.start);
}

export const api2010Handlers: OperationHandlers = {
  ListMessage: (req) => {
    checkAccount(req);
    const { To, From } = req.query;
    const sentOk = dateSentFilter(req.query);
    const items = req.account.messages
      .all()
      .filter((m) => typeof To !== 'string' || m.to === To)
      .filter((m) => typeof From !== 'string' || m.from === From)
      .filter((m) => sentOk(RFC_2822_TIME(String(m.date_sent))))
      // Newest first, as the Messages list is ordered (by date sent, then the later-made first).
      .reverse()
      .sort((a, b) => RFC_2822_TIME(String(b.date_sent)) - RFC_2822_TIME(String(a.date_sent)));
    return ok(page2010(items, 'messages', req));
  },

  CreateMessage: (req) => {
    checkAccount(req);
    const { body, account } = req;
    const from = typeof body.From === 'string' ? body.From : undefined;
    const service = typeof body.MessagingServiceSid === 'string' ? body.MessagingServiceSid : undefined;
    if (!from && !service) throw invalidParameter('A From or MessagingServiceSid is required');
    if (typeof body.Body !== 'string' && typeof body.ContentSid !== 'string' && body.MediaUrl === undefined) {
      throw invalidParameter('A Body, ContentSid or MediaUrl is required');
    }
    const message = buildMessage(account, {
      direction: 'outbound-api',
      from: from ?? '',
      to: String(body.To),
      body: typeof body.Body === 'string' ? body.Body : '',
      status: 'queued',
      date: account.now(),
      messagingServiceSid: service ?? null,
      key: `${String(body.To)}:${String(body.Body)}`,
    });
    if (!from) message.from = null;
    return created(account.messages.add(message));
  },

  ListIncomingPhoneNumber: (req) => {
    checkAccount(req);
    const { FriendlyName, PhoneNumber, Origin } = req.query;
    const pattern = typeof PhoneNumber === 'string' ? digitsOf(PhoneNumber) : '';
    const items = req.account.incomingPhoneNumbers
      .all()
      .filter((n) => typeof FriendlyName !== 'string' || n.friendly_name === FriendlyName)
      .filter((n) => typeof Origin !== 'string' || n.origin === Origin)
      .filter((n) => !pattern || digitsOf(n.phone_number).includes(pattern));
    return ok(page2010(items, 'incoming_phone_numbers', req));
  },

  CreateIncomingPhoneNumber: (req) => {
    checkAccount(req);
    const { body, account } = req;
    let phoneNumber = typeof body.PhoneNumber === 'string' ? body.PhoneNumber : '';
    if (!phoneNumber && body.AreaCode !== undefined) {
      phoneNumber = `+1${String(body.AreaCode)}${String(account.random.int(10_000_000)).padStart(7, '0')}`;
    }
    if (!/^\+[1-9]\d{1,14}$/.test(phoneNumber)) {
      throw invalidParameter('A PhoneNumber in E.164 form or an AreaCode is required');
    }
    const number = buildIncomingPhoneNumber(account, {
      phone_number: phoneNumber,
      capabilities: { voice: true, sms: true, mms: true, fax: false },
    });
    applyParams(number, body, ['PhoneNumber', 'AreaCode']);
    return created(account.incomingPhoneNumbers.add(number));
  },

  FetchIncomingPhoneNumber: (req) => ok(numberOr404(req)),

  UpdateIncomingPhoneNumber: (req) => {
    const number = numberOr404(req);
    applyParams(number, req.body, ['AccountSid']);
    number.date_updated = rfc2822Date(req.account.now());
    return ok(number);
  },

  DeleteIncomingPhoneNumber: (req) => {
    const number = numberOr404(req);
    req.account.incomingPhoneNumbers.remove(number.sid);
    for (const numbers of req.account.messagingServiceNumbers.values()) {
      if (numbers.find(number.sid)) numbers.remove(number.sid);
    }
    return noContent();
  },
};
