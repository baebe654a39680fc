import { SID_PATTERNS } from '../../../src/contract/addressRules';
import { asClause, type ContractProblem } from '../../../src/contract/messages';
import type { HistoryEntry } from '../../../src/contract/types';
import { SMS_URL_RULE, urlProblem } from '../../../src/contract/webhookUrlRule';
import { BackendError } from '../http/backendError';
import type { FunctionDeps } from '../http/flexFunction';
import {
  isRecord,
  parseCreateAddress,
  parseSetDefaultService,
  parseSetNumberAside,
  parseUpdateNumberInbound,
} from '../lib/parseRequests';
import { assertReferencesExist } from '../lib/referencedResources';
import { findSender, unknownSender } from '../setAside/setNumberAside';

/**
 * A Flex Flow's integration URL meets the rule of a number's SMS URL — the host checks (no
 * loopback, private or metadata address; the deployed host policy), http allowed: it is the same
 * kind of URL (Twilio calls it with inbound messages), and legacy flows predate the https rule.
 */
const FLEX_FLOW_URL_RULE = SMS_URL_RULE;

const SHAPE: ContractProblem = { key: 'MessagingSetupRefusalRevertInvalidState' };

class Invalid extends Error {
  constructor(readonly reason: ContractProblem) {
    super(reason.key);
  }
}

/** The reason a direct create or update gave (its refusal's sentence), as part of this one. */
async function asDirectWrite(run: () => Promise<unknown> | unknown): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof BackendError && error.status >= 400 && error.status < 500) {
      throw new Invalid(asClause(error.problem));
    }
    throw error;
  }
}

/** An address state as create-address's request, checked by the same parse and existence checks. */
async function checkAddress(deps: FunctionDeps, state: unknown): Promise<void> {
  if (!isRecord(state) || typeof state.sid !== 'string' || !SID_PATTERNS.address.test(state.sid)) {
    throw new Invalid(SHAPE);
  }
  const { type, address, friendlyName, autoCreationEnabled, integration, conversationServiceSid } = state;
  const request = {
    type,
    address,
    ...(typeof friendlyName === 'string' ? { friendlyName } : {}),
    autoCreationEnabled,
    integration,
    ...(conversationServiceSid ? { conversationServiceSid } : {}),
  };
  await asDirectWrite(async () => {
    const input = parseCreateAddress(request, deps.config);
    await assertReferencesExist(deps.client, input);
  });
}

async function checkFlexFlow(deps: FunctionDeps, flow: unknown): Promise<void> {
  if (!isRecord(flow) || !isRecord(flow.integration)) throw new Invalid(SHAPE);
  const { friendlyName, channelType, chatServiceSid, integration } = flow;
  if (typeof friendlyName !== 'string' || typeof channelType !== 'string') throw new Invalid(SHAPE);
  if (chatServiceSid !== null && chatServiceSid !== undefined && typeof chatServiceSid !== 'string') {
    throw new Invalid(SHAPE);
  }
  if (integration.url !== undefined) {
    const problem =
      typeof integration.url === 'string'
        ? urlProblem(integration.url, FLEX_FLOW_URL_RULE, deps.config.urlPolicy)
        : SHAPE;
    if (problem) {
      throw new Invalid({
        key: 'MessagingSetupRefusalRevertInvalidFlexFlowUrl',
        values: { problem: asClause(problem) },
      });
    }
  }
  if (integration.flow_sid !== undefined) {
    const sid = integration.flow_sid;
    if (typeof sid !== 'string' || !SID_PATTERNS.studioFlow.test(sid)) throw new Invalid(SHAPE);
    await asDirectWrite(() =>
      assertReferencesExist(deps.client, { integration: { type: 'studio', studioFlowSid: sid, retryCount: 0 } }),
    );
  }
}

/**
 * A set-aside mark as set-number-aside's request (channel, address, reason by the same parse),
 * about the entry's own number or sender, by someone at some time, and the number or sender the
 * account's (as setting it needs). Putting back "not set aside" needs nothing.
 */
async function checkSetAside(deps: FunctionDeps, entry: HistoryEntry, mark: unknown): Promise<void> {
  if (mark === null) return;
  if (!isRecord(mark) || typeof mark.by !== 'string' || typeof mark.at !== 'string') throw new Invalid(SHAPE);
  if (mark.reason !== null && typeof mark.reason !== 'string') throw new Invalid(SHAPE);
  const { channel, address, reason } = mark;
  await asDirectWrite(async () => {
    const request = parseSetNumberAside({ channel, address, aside: true, ...(reason ? { reason } : {}) });
    if (request.address !== address || (request.reason ?? null) !== reason) throw new Invalid(SHAPE);
    if (entry.resource.type !== 'sender' || entry.resource.address !== address) throw new Invalid(SHAPE);
    if ((await findSender(deps.client, request.channel, request.address)) === undefined) {
      throw unknownSender(request.channel, request.address);
    }
  });
}

/** What a revert of `entry` would put back: its before-state (a revert entry holds its states the other way round too). */
async function checkState(deps: FunctionDeps, entry: HistoryEntry): Promise<void> {
  const state: unknown = entry.before;
  if (state === null) return; // put back "nothing": a delete, nothing to check
  if (!isRecord(state)) throw new Invalid(SHAPE);
  if ('flexFlow' in state) {
    await checkFlexFlow(deps, state.flexFlow);
    if (state.address !== undefined) await checkAddress(deps, state.address);
    return;
  }
  if ('address' in state) return checkAddress(deps, state.address);
  if ('numberInbound' in state) {
    const inbound = state.numberInbound;
    if (!isRecord(inbound)) throw new Invalid(SHAPE);
    const sid = entry.resource.sid;
    return asDirectWrite(async () => {
      parseUpdateNumberInbound(
        { sid, smsUrl: inbound.smsUrl ?? '', smsApplicationSid: inbound.smsApplicationSid ?? '' },
        deps.config,
      );
    });
  }
  if ('setAside' in state) return checkSetAside(deps, entry, state.setAside);
  if ('defaultConversationServiceSid' in state) {
    const serviceSid = state.defaultConversationServiceSid;
    if (serviceSid === null) return; // the contract refuses it (no-default-before) before this
    return asDirectWrite(async () => {
      const { serviceSid: sid } = parseSetDefaultService({ serviceSid });
      await assertReferencesExist(deps.client, { conversationServiceSid: sid });
    });
  }
  throw new Invalid(SHAPE);
}

/**
 * A revert writes what its entry holds, and an entry is only as trustworthy as the Sync service
 * it sits in: so what it would put back goes through the same parse, URL rule (the deployed
 * `urlPolicy`), address rules and existence checks as a direct create or update. An entry that
 * fails them is refused 422 with the reason, before anything is claimed or changed.
 */
export async function assertRevertable(deps: FunctionDeps, entry: HistoryEntry): Promise<void> {
  const resource: unknown = entry.resource;
  try {
    if (!isRecord(resource)) throw new Invalid(SHAPE);
    for (const name of ['sid', 'address'] as const) {
      const value = resource[name];
      if (value !== null && value !== undefined && typeof value !== 'string') throw new Invalid(SHAPE);
    }
    await checkState(deps, entry);
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    throw new BackendError(422, 'invalid_entry', {
      key: 'MessagingSetupRefusalRevertInvalid',
      values: { id: entry.id, reason: error.reason },
    });
  }
}
