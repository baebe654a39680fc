import { flexFunction } from '../http/flexFunction';
import { recordChange } from '../history/recordChange';
import { CONVERSATIONS_CONFIGURATION } from '../history/resources';
import { parseSetDefaultService } from '../lib/parseRequests';

/**
 * Makes a Conversations service the account default (Flex only reads conversations in its own
 * service, and addresses without a service use the default). Answers the previous default.
 */
export const handler = flexFunction<'set-default-conversation-service'>({
  name: 'set-default-conversation-service',
  parse: parseSetDefaultService,
  run: ({ serviceSid }, deps) =>
    recordChange(
      deps,
      {
        kind: 'set-default-conversation-service',
        resource: CONVERSATIONS_CONFIGURATION,
        look: async (tracked) => {
          const now = (await deps.client.conversations.v1.configuration().fetch()).defaultChatServiceSid || null;
          const before =
            tracked.before !== null && 'defaultConversationServiceSid' in tracked.before ? tracked.before : undefined;
          if (!before || now !== serviceSid) throw new Error('cannot tell');
          const previousServiceSid = before.defaultConversationServiceSid;
          return {
            applied: true,
            done: {
              result: { previousServiceSid, defaultConversationServiceSid: now },
              after: { defaultConversationServiceSid: now },
            },
          };
        },
      },
      async (tracked) => {
        const { conversations } = deps.client;
        // A clear 404 for an unknown service, before changing anything.
        await conversations.v1.services(serviceSid).fetch();
        const before = await conversations.v1.configuration().fetch();
        const previousServiceSid = before.defaultChatServiceSid || null;
        tracked.before = { defaultConversationServiceSid: previousServiceSid };
        const after = await conversations.v1.configuration().update({ defaultChatServiceSid: serviceSid });
        return {
          result: { previousServiceSid, defaultConversationServiceSid: after.defaultChatServiceSid },
          after: { defaultConversationServiceSid: after.defaultChatServiceSid || null },
        };
      },
    ),
});
