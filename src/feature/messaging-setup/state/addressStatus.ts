import { isBuiltInWebhookUrl } from '../api/builtInWebhook';
import type { AddressSummary, StudioFlowSummary } from '../../../contract/types';

/** How a number or sender stands with Flex: the badge in its row. */
export type AddressStatus = 'connected' | 'not-connected' | 'problem';

export interface AddressStatusInfo {
  status: AddressStatus;
  /** Why a `problem`, in one sentence; empty otherwise. */
  reason: string;
}

/**
 * Connected means an address with auto-creation on routes new messages somewhere that exists.
 * (The Diagnostics feature looks wider — webhooks on the number, Messaging Services, Flex Flows.)
 */
export function addressStatusOf(
  address: AddressSummary | undefined,
  flowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  /** False while the Studio flows load, or when they could not: a flow not in the map is then unknown, not gone. */
  flowsKnown = true,
): AddressStatusInfo {
  if (!address) return { status: 'not-connected', reason: '' };
  if (!address.autoCreationEnabled) {
    return { status: 'problem', reason: 'Auto-creation is off: new messages do not create conversations.' };
  }
  const { integration } = address;
  if (integration.type === 'studio') {
    const flow = flowsBySid.get(integration.studioFlowSid);
    if (!flow && flowsKnown) return { status: 'problem', reason: 'The Studio flow it routes to does not exist.' };
    if (flow && flow.status !== 'published')
      return { status: 'problem', reason: `The Studio flow "${flow.friendlyName}" is not published.` };
  }
  if (integration.type === 'webhook' && !integration.webhookUrl) {
    return { status: 'problem', reason: 'No webhook URL is set.' };
  }
  return { status: 'connected', reason: '' };
}

/** "Messaging Flow · retry 3", "POST https://…", "Default conversation service". */
export function describeRouting(address: AddressSummary, flowsBySid: ReadonlyMap<string, StudioFlowSummary>): string {
  const { integration } = address;
  if (integration.type === 'studio') {
    const name = flowsBySid.get(integration.studioFlowSid)?.friendlyName ?? integration.studioFlowSid;
    return `Studio: ${name} · retry ${integration.retryCount}`;
  }
  if (integration.type === 'webhook') {
    const kind = isBuiltInWebhookUrl(integration.webhookUrl) ? 'Flex webhook (built in)' : 'Webhook';
    return `${kind}: ${integration.webhookMethod} ${integration.webhookUrl}`;
  }
  return 'Default (no integration)';
}
