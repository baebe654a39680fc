import type { TwilioClient } from '../twilio/clientFactory';

/** The task statuses in which a task is still someone's to do: waiting, offered, with an agent. */
export const OPEN_TASK_STATUSES: ReadonlySet<string> = new Set(['pending', 'reserved', 'assigned', 'wrapping']);

/**
 * A conversation's tasks in Flex's workspace, newest first as TaskRouter lists them: Flex puts
 * `conversationSid` in the attributes of the task an Interaction makes (the Interactions API's
 * example response, twilio.com/docs/flex/developer/conversations/interactions-api), and
 * TaskRouter's Tasks list filters by an attributes expression (`EvaluateTaskAttributes`). The SID
 * is checked (CH + hex) by every caller, so it cannot break out of the expression's string.
 */
export function conversationTasks(client: TwilioClient, workspaceSid: string, conversationSid: string, limit: number) {
  return client.taskrouter.v1.workspaces(workspaceSid).tasks.list({
    evaluateTaskAttributes: `conversationSid == "${conversationSid}"`,
    limit,
    pageSize: limit,
  });
}
