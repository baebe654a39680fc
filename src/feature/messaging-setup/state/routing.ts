import { isBuiltInWebhookUrl } from '../api/builtInWebhook';
import type { AddressSummary, StudioFlowSummary } from '../../../contract/types';
import { fill, messagingSetupStrings, type MessagingSetupStrings } from '../strings';

/** "Studio: Messaging Flow · retry 3", "Webhook: POST https://…", "Default (no integration)". */
export function describeRouting(
  address: AddressSummary,
  studioFlowsBySid: ReadonlyMap<string, StudioFlowSummary>,
  strings: MessagingSetupStrings = messagingSetupStrings,
): string {
  const { integration } = address;
  if (integration.type === 'studio') {
    const flow = studioFlowsBySid.get(integration.studioFlowSid)?.friendlyName ?? integration.studioFlowSid;
    return fill(strings.MessagingSetupRoutingStudio, { flow, retry: integration.retryCount });
  }
  if (integration.type === 'webhook') {
    const template = isBuiltInWebhookUrl(integration.webhookUrl)
      ? strings.MessagingSetupRoutingBuiltIn
      : strings.MessagingSetupRoutingWebhook;
    return fill(template, { method: integration.webhookMethod, url: integration.webhookUrl });
  }
  return strings.MessagingSetupIntegrationDefault;
}
