import { stuckConversations } from '../evidence/stuckConversations';
import { flexFunction } from '../http/flexFunction';
import { parseNothing } from '../lib/parseRequests';

/** The conversations that hold a customer away from an agent (evidence/stuckConversations.ts). */
export const handler = flexFunction<'list-stuck-conversations'>({
  name: 'list-stuck-conversations',
  parse: parseNothing,
  run: (_request, { client }) => stuckConversations(client),
});
