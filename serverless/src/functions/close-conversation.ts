import { closeConversation } from '../evidence/closeConversation';
import { flexFunction } from '../http/flexFunction';
import { parseCloseConversation } from '../lib/parseRequests';

/** Closes a customer's conversation that holds them away from an agent, and records it (evidence/closeConversation.ts). */
export const handler = flexFunction<'close-conversation'>({
  name: 'close-conversation',
  parse: parseCloseConversation,
  run: (request, deps) => closeConversation(deps, request),
});
