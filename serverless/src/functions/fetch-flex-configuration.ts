import { hasAnyRole } from '../../../src/contract/roles';
import { flexFunction } from '../http/flexFunction';
import { parseNothing } from '../lib/parseRequests';

/**
 * Flex's conversation service and workspace, the account's default service, all services, and
 * whether the caller may write (so the view offers only what the backend will allow).
 */
export const handler = flexFunction<'fetch-flex-configuration'>({
  name: 'fetch-flex-configuration',
  parse: parseNothing,
  async run(_input, { client, config, user }) {
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
      callerMayWrite: hasAnyRole(user.roles, config.writeRoles),
    };
  },
});
