import type { CloseConversationResponse, StuckConversation } from '../../../contract/types';
import { BackendApiError } from '../api/backendClient';
import { errorMessage } from '../errorMessage';
import type { BulkOutcome } from './bulkRunner';

/**
 * What came of closing one conversation: closed now; closed before (the backend answers it without
 * a history entry); refused because a task of it is open now (409 `conversation_task_open`: an
 * agent may be working on it); failed otherwise; or not tried (the run was stopped first).
 */
export type CloseResult = 'closed' | 'already-closed' | 'task-open' | 'failed' | 'cancelled';

export interface CloseItemResult {
  conversation: StuckConversation;
  /** Undefined while it is still to come. */
  result?: CloseResult;
  /** The backend's message, for a refusal or failure. */
  message?: string;
}

export type CloseCounts = Record<Exclude<CloseResult, 'cancelled'>, number> & { cancelled: number };

export function closeResultOf(outcome: BulkOutcome<CloseConversationResponse>): {
  result: CloseResult;
  message?: string;
} {
  if (outcome.status === 'done')
    return { result: outcome.value.previousState === 'closed' ? 'already-closed' : 'closed' };
  if (outcome.status === 'cancelled') return { result: 'cancelled' };
  const message = errorMessage(outcome.error);
  const taskOpen = outcome.error instanceof BackendApiError && outcome.error.code === 'conversation_task_open';
  return { result: taskOpen ? 'task-open' : 'failed', message };
}

/** Each conversation of a run, in the order asked, with what came of it so far. */
export function closeResults(
  conversations: readonly StuckConversation[],
  outcomes: ReadonlyMap<StuckConversation, BulkOutcome<CloseConversationResponse>>,
): CloseItemResult[] {
  return conversations.map((conversation) => {
    const outcome = outcomes.get(conversation);
    return outcome ? { conversation, ...closeResultOf(outcome) } : { conversation };
  });
}

export function closeCounts(results: readonly CloseItemResult[]): CloseCounts {
  const counts: CloseCounts = { closed: 0, 'already-closed': 0, 'task-open': 0, failed: 0, cancelled: 0 };
  for (const { result } of results) if (result) counts[result] += 1;
  return counts;
}
