/**
 * The contract's messages in English, both tables (the rules' and the backend's), and the shapes
 * a problem travels in: what the backend answers and words, and what tests read. The plugin never
 * imports this module (it would bundle the backend's table): it words with its strings through
 * `wording.ts`, and shows the backend's English where an account did not reword a key.
 *
 * A value is data (a SID, an address, Twilio's own message), or another problem (a part of the
 * sentence that is itself worded here), or a list of problems. The type of a problem names the
 * placeholders its message has, so a caller that leaves one out does not type-check.
 */
import { BACKEND_MESSAGES } from './backendMessages';
import { RULE_MESSAGES } from './ruleMessages';
import type { ApiErrorBody } from './types';
import {
  readProblem as readProblemOf,
  wordFields as wordFieldsWith,
  wordMessage as wordMessageWith,
  type ContractMessageKey,
  type ContractProblem,
  type ContractTexts,
  type FieldProblems,
  type MessageValues,
  type SomeContractTexts,
} from './wording';

export * from './wording';
export { BACKEND_MESSAGES, RULE_MESSAGES };

export const CONTRACT_MESSAGES: ContractTexts & typeof RULE_MESSAGES & typeof BACKEND_MESSAGES = {
  ...RULE_MESSAGES,
  ...BACKEND_MESSAGES,
};

/** A problem in words: its message from `texts` (English by default), each value worded in turn. */
export const wordMessage = (problem: ContractProblem, texts: SomeContractTexts = CONTRACT_MESSAGES): string =>
  wordMessageWith(problem, texts);

/** Each field's problem in words (English by default). */
export const wordFields = (fields: FieldProblems, texts: SomeContractTexts = CONTRACT_MESSAGES) =>
  wordFieldsWith(fields, texts);

const isContractMessageKey = (key: unknown): key is ContractMessageKey =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(CONTRACT_MESSAGES, key);

/** A problem as another program sent it, when its keys are the contract's (see wording.ts). */
export const readProblem = (raw: unknown): ContractProblem | undefined => readProblemOf(raw, isContractMessageKey);

/**
 * A backend error as the API answers it: the English message and fields, and the same as keys and
 * values (`messageKey`, `values`, `fieldProblems`) for a client that words them itself. The
 * backend answers with this, and so does the plugin tests' fake backend.
 */
export function apiErrorBody(code: string, problem: ContractProblem, fieldProblems?: FieldProblems): ApiErrorBody {
  return {
    error: {
      code,
      message: wordMessage(problem),
      ...(fieldProblems ? { fields: wordFields(fieldProblems) } : {}),
      messageKey: problem.key,
      ...(problem.values ? { values: problem.values as MessageValues } : {}),
      ...(fieldProblems ? { fieldProblems } : {}),
    },
  };
}

/** A problem as an answer carries it (a migration's outcome, a history receipt): English, key, values. */
export const messageOf = (problem: ContractProblem) => ({
  message: wordMessage(problem),
  messageKey: problem.key,
  ...(problem.values ? { values: problem.values as MessageValues } : {}),
});

/** A problem as a migration step carries it. */
export const detailOf = (problem: ContractProblem) => ({
  detail: wordMessage(problem),
  detailKey: problem.key,
  ...(problem.values ? { detailValues: problem.values as MessageValues } : {}),
});

/** A problem as a failed history entry keeps it. */
export const errorOf = (problem: ContractProblem) => ({
  error: wordMessage(problem),
  errorKey: problem.key,
  ...(problem.values ? { errorValues: problem.values as MessageValues } : {}),
});
