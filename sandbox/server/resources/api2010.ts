import { created, noContent, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { page2010 } from '../pagination';
import type { IncomingPhoneNumber, SandboxAccount } from '../state';
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

export const api2010Handlers: OperationHandlers = {
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
