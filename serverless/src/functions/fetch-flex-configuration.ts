import { flexFunction } from '../http/flexFunction';
import { parseNothing } from '../lib/parseRequests';

/** Flex's conversation service and workspace, the account's default service, and all services. */
export const handler = flexFunction<'fetch-flex-configuration'>({
  name: 'fetch-flex-configuration',
  parse: parseNothing,
  async run(_input, { client }) {
    const [flex, conversations, services] = await Promise.all([
      client.flexApi.v1.configuration().fetch(),
      client.conversations.v1.configuration().fetch(),
      client.conversations.v1.services.list({ pageSize: 100 }),
    ]);
    return {
      flexConversationServiceSid: flex.flexServiceInstanceSid || null,
      defaultConversationServiceSid: conversations.defaultChatServiceSid || null,
      workspaceSid: flex.taskrouterWorkspaceSid || null,
      conversationServices: services.map((s) => ({ sid: s.sid, friendlyName: s.friendlyName })),
    };
  },
});
