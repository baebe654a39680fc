import { accepted, created, ok, type OperationHandlers, type OperationRequest } from '../operation';
import { pageV1 } from '../pagination';
import { SandboxAccount, type Collection, type IncomingPhoneNumber, type WireResource } from '../state';
import { invalidParameter } from '../twilioError';
import { applyParams, isoDate } from '../wireFormat';
import { resourceHandlers } from './resourceHandlers';

const HOST = 'https://messaging.twilio.com';

export function buildMessagingService(account: SandboxAccount, friendlyName: string): WireResource {
  const sid = account.random.sid('MG');
  const now = isoDate(account.now());
  const url = `${HOST}/v1/Services/${sid}`;
  return {
    sid,
    account_sid: account.accountSid,
    friendly_name: friendlyName,
    date_created: now,
    date_updated: now,
    inbound_request_url: null,
    inbound_method: 'POST',
    fallback_url: null,
    fallback_method: 'POST',
    status_callback: null,
    sticky_sender: true,
    mms_converter: true,
    smart_encoding: true,
    scan_message_content: 'inherit',
    fallback_to_long_code: false,
    area_code_geomatch: true,
    synchronous_validation: false,
    validity_period: 14400,
    url,
    links: {
      phone_numbers: `${url}/PhoneNumbers`,
      short_codes: `${url}/ShortCodes`,
      alpha_senders: `${url}/AlphaSenders`,
      messages: `${url}/Messages`,
      us_app_to_person: `${url}/Compliance/Usa2p`,
      us_app_to_person_usecases: `${url}/Compliance/Usa2p/Usecases`,
      channel_senders: `${url}/ChannelSenders`,
    },
    usecase: 'undeclared',
    us_app_to_person_registered: false,
    use_inbound_webhook_on_number: false,
  };
}

/** A number's membership in a Messaging Service (capabilities are an array here, unlike API 2010). */
export function buildServicePhoneNumber(
  account: SandboxAccount,
  serviceSid: string,
  number: IncomingPhoneNumber,
): WireResource {
  const now = isoDate(account.now());
  const capabilities = Object.entries(number.capabilities)
    .filter(([, enabled]) => enabled)
    .map(([name]) => name.toUpperCase());
  return {
    sid: number.sid,
    account_sid: account.accountSid,
    service_sid: serviceSid,
    date_created: now,
    date_updated: now,
    phone_number: number.phone_number,
    country_code: number.phone_number.startsWith('+1') ? 'US' : 'GB',
    capabilities,
    url: `${HOST}/v1/Services/${serviceSid}/PhoneNumbers/${number.sid}`,
  };
}

export function buildServiceChannelSender(
  account: SandboxAccount,
  serviceSid: string,
  sender: WireResource,
): WireResource {
  const now = isoDate(account.now());
  return {
    sid: sender.sid,
    account_sid: account.accountSid,
    messaging_service_sid: serviceSid,
    sender: sender.sender_id,
    sender_type: 'WhatsApp',
    country_code: 'US',
    date_created: now,
    date_updated: now,
    url: `${HOST}/v1/Services/${serviceSid}/ChannelSenders/${sender.sid}`,
  };
}

export function buildWhatsAppSender(
  account: SandboxAccount,
  fields: { sender_id: string; status: string; profile_name: string; offline_reasons?: unknown[] | null },
): WireResource {
  const sid = account.random.sid('XE');
  return {
    sid,
    status: fields.status,
    sender_id: fields.sender_id,
    configuration: {
      waba_id: String(100000000000000 + account.random.int(899999999999999)),
      verification_method: null,
      verification_code: null,
      voice_application_sid: null,
    },
    webhook: {
      callback_url: null,
      callback_method: 'POST',
      fallback_url: null,
      fallback_method: 'POST',
      status_callback_url: null,
      status_callback_method: 'POST',
    },
    profile: {
      name: fields.profile_name,
      about: `Customer care for ${fields.profile_name}`,
      address: null,
      description: null,
      emails: null,
      logo_url: null,
      vertical: 'Other',
      websites: null,
    },
    properties: { quality_rating: 'HIGH', messaging_limit: '1K Customers/24hr' },
    offline_reasons: fields.offline_reasons ?? null,
    url: `${HOST}/v2/Channels/Senders/${sid}`,
  };
}

function serviceNumbersOf(req: OperationRequest): Collection<WireResource> {
  const mg = req.account.messagingServices.get(req.params.ServiceSid).sid;
  return SandboxAccount.childOf(req.account.messagingServiceNumbers, mg, `/v1/Services/${mg}/PhoneNumbers`);
}

function serviceSendersOf(req: OperationRequest): Collection<WireResource> {
  const mg = req.account.messagingServices.get(req.params.MessagingServiceSid).sid;
  return SandboxAccount.childOf(req.account.messagingServiceSenders, mg, `/v1/Services/${mg}/ChannelSenders`);
}

const messagingServices = resourceHandlers((req) => req.account.messagingServices, {
  onDelete: ({ account }, service) => {
    account.messagingServiceNumbers.delete(service.sid);
    account.messagingServiceSenders.delete(service.sid);
  },
});
const serviceNumbers = resourceHandlers(serviceNumbersOf);
const serviceSenders = resourceHandlers(serviceSendersOf);
const channelSenders = resourceHandlers((req) => req.account.channelSenders);

export const messagingV1Handlers: OperationHandlers = {
  ListService: (req) => ok(pageV1(req.account.messagingServices.all(), 'services', req)),
  CreateService: ({ account, body }) => {
    const service = buildMessagingService(account, String(body.FriendlyName));
    applyParams(service, body, ['FriendlyName']);
    return created(account.messagingServices.add(service));
  },
  FetchService: messagingServices.fetch,
  UpdateService: messagingServices.update,
  DeleteService: messagingServices.remove,

  ListPhoneNumber: (req) => ok(pageV1(serviceNumbersOf(req).all(), 'phone_numbers', req)),
  CreatePhoneNumber: (req) => {
    const numbers = serviceNumbersOf(req);
    const number = req.account.incomingPhoneNumbers.find(String(req.body.PhoneNumberSid));
    if (!number) throw invalidParameter(`Phone number ${String(req.body.PhoneNumberSid)} is not on this account`);
    return created(numbers.add(buildServicePhoneNumber(req.account, req.params.ServiceSid, number)));
  },
  FetchPhoneNumber: serviceNumbers.fetch,
  DeletePhoneNumber: serviceNumbers.remove,

  ListChannelSender: (req) => ok(pageV1(serviceSendersOf(req).all(), 'senders', req)),
  CreateChannelSender: (req) => {
    const senders = serviceSendersOf(req);
    const sender = req.account.channelSenders.find(String(req.body.Sid));
    if (!sender) throw invalidParameter(`Sender ${String(req.body.Sid)} is not on this account`);
    return created(senders.add(buildServiceChannelSender(req.account, req.params.MessagingServiceSid, sender)));
  },
  FetchChannelSender: serviceSenders.fetch,
  DeleteChannelSender: serviceSenders.remove,
};

/** Senders API v2: JSON bodies; create and update answer 202 while Meta/Twilio process them. */
export const messagingV2Handlers: OperationHandlers = {
  ListChannelsSender: (req) => {
    const channel = String(req.query.Channel).toLowerCase();
    const items = req.account.channelSenders.all().filter((s) => String(s.sender_id).startsWith(`${channel}:`));
    return ok(pageV1(items, 'senders', req));
  },
  CreateChannelsSender: ({ account, body }) => {
    const senderId = String(body.sender_id ?? '');
    if (!/^whatsapp:\+[1-9]\d{1,14}$/.test(senderId)) throw invalidParameter('sender_id must be whatsapp:+E.164');
    const profile = (body.profile ?? {}) as Record<string, unknown>;
    const sender = buildWhatsAppSender(account, {
      sender_id: senderId,
      status: 'CREATING',
      profile_name: String(profile.name ?? senderId),
    });
    return accepted(account.channelSenders.add(sender));
  },
  FetchChannelsSender: channelSenders.fetch,
  UpdateChannelsSender: ({ account, params, body }) => {
    const sender = account.channelSenders.get(params.Sid);
    for (const key of ['configuration', 'webhook', 'profile'] as const) {
      if (body[key] && typeof body[key] === 'object')
        sender[key] = { ...(sender[key] as object), ...(body[key] as object) };
    }
    return accepted(sender);
  },
  DeleteChannelsSender: channelSenders.remove,
};
