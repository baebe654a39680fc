import { cannotRevert, reversed, type RevertHandler } from './handler';

/**
 * The default conversation service is reverted by making the earlier one the default again (the
 * contract refuses when there was none: Twilio cannot unset it).
 */
export const setDefaultServiceRevert: RevertHandler = {
  async landed(client, entry, _tracked, config) {
    if ((await this.changesSince(client, reversed(entry), config)).length === 0) return { after: entry.before };
    if ((await this.changesSince(client, entry, config)).length === 0) return undefined;
    throw new Error('cannot tell');
  },
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
