import { cannotRevert, type RevertHandler } from './handler';

/**
 * The default conversation service is reverted by making the earlier one the default again (the
 * contract refuses when there was none: Twilio cannot unset it).
 */
export const setDefaultServiceRevert: RevertHandler = {
  async changesSince(client, { after }) {
    if (after === null || !('defaultConversationServiceSid' in after)) return [];
    const now = (await client.conversations.v1.configuration().fetch()).defaultChatServiceSid || null;
    if (now === after.defaultConversationServiceSid) return [];
    return [
      now === null
        ? { key: 'MessagingSetupRefusalDiffNoDefaultService' }
        : { key: 'MessagingSetupRefusalDiffDefaultService', values: { value: now } },
    ];
  },
  async apply(client, { before }) {
    if (before === null || !('defaultConversationServiceSid' in before) || !before.defaultConversationServiceSid) {
      throw cannotRevert();
    }
    const configuration = await client.conversations.v1
      .configuration()
      .update({ defaultChatServiceSid: before.defaultConversationServiceSid });
    return { defaultConversationServiceSid: configuration.defaultChatServiceSid || null };
  },
};
