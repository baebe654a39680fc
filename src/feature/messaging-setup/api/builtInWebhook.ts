import { INBOUND_WEBHOOK_FUNCTION, type AddressIntegration, type WebhookFilter } from '../../../contract/types';

/** The one event the built-in handler needs: a customer's message in a new conversation. */
export const BUILT_IN_WEBHOOK_FILTERS: WebhookFilter[] = ['onMessageAdded'];

/** Where Twilio reaches the built-in inbound webhook handler of the backend at `backendUrl`. */
export const builtInWebhookUrl = (backendUrl: string) =>
  `${backendUrl.replace(/\/+$/, '')}/${INBOUND_WEBHOOK_FUNCTION}`;

/** True when a webhook points at a Messaging Setup backend's built-in handler (this one or another). */
export function isBuiltInWebhookUrl(url: string): boolean {
  try {
    return new URL(url).pathname.replace(/\/+$/, '').endsWith(`/${INBOUND_WEBHOOK_FUNCTION}`);
  } catch {
    return false;
  }
}

/** The address integration "Flex webhook (built in)" stands for. */
export const builtInWebhookIntegration = (backendUrl: string): AddressIntegration => ({
  type: 'webhook',
  webhookUrl: builtInWebhookUrl(backendUrl),
  webhookMethod: 'POST',
  webhookFilters: [...BUILT_IN_WEBHOOK_FILTERS],
});
