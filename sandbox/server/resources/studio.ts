import { created, ok, type OperationHandlers } from '../operation';
import { pageV1 } from '../pagination';
import type { SandboxAccount, WireResource } from '../state';
import { SENDS_TO_FLEX } from '../studioDefinitions';
import { isoDate } from '../wireFormat';
import { resourceHandlers } from './resourceHandlers';

const HOST = 'https://studio.twilio.com';

export function buildStudioFlow(
  account: SandboxAccount,
  fields: {
    friendly_name: string;
    status: 'draft' | 'published';
    definition?: unknown;
    commit_message?: string | null;
  },
): WireResource {
  const sid = account.random.sid('FW');
  const now = isoDate(account.now());
  const url = `${HOST}/v2/Flows/${sid}`;
  return {
    sid,
    account_sid: account.accountSid,
    author_sid: account.random.sid('US'),
    friendly_name: fields.friendly_name,
    // A flow Flex makes for every account hands conversations to Flex; a seed says otherwise.
    definition: fields.definition ?? SENDS_TO_FLEX,
    status: fields.status,
    revision: 1,
    commit_message: fields.commit_message ?? null,
    valid: true,
    errors: [],
    warnings: [],
    date_created: now,
    date_updated: now,
    webhook_url: `https://webhooks.twilio.com/v1/Accounts/${account.accountSid}/Flows/${sid}`,
    url,
    links: { test_users: `${url}/TestUsers`, revisions: `${url}/Revisions`, executions: `${url}/Executions` },
  };
}

function definitionOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

const studioFlows = resourceHandlers((req) => req.account.studioFlows);

export const studioHandlers: OperationHandlers = {
  // Lists leave out the (large) definition, as Twilio does.
  ListFlow: (req) =>
    ok(
      pageV1(
        req.account.studioFlows.all().map((flow) => ({ ...flow, definition: null })),
        'flows',
        req,
      ),
    ),

  CreateFlow: ({ account, body }) =>
    created(
      account.studioFlows.add(
        buildStudioFlow(account, {
          friendly_name: String(body.FriendlyName),
          status: body.Status === 'published' ? 'published' : 'draft',
          definition: definitionOf(body.Definition),
          commit_message: typeof body.CommitMessage === 'string' ? body.CommitMessage : null,
        }),
      ),
    ),

  FetchFlow: studioFlows.fetch,

  UpdateFlow: ({ account, params, body }) => {
    const flow = account.studioFlows.get(params.Sid);
    flow.status = body.Status;
    if (typeof body.FriendlyName === 'string') flow.friendly_name = body.FriendlyName;
    if (body.Definition !== undefined) flow.definition = definitionOf(body.Definition);
    if (typeof body.CommitMessage === 'string') flow.commit_message = body.CommitMessage;
    flow.revision = Number(flow.revision) + 1;
    flow.date_updated = isoDate(account.now());
    return ok(flow);
  },

  DeleteFlow: studioFlows.remove,
};
