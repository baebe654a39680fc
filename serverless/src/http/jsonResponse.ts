import { apiErrorBody } from '../../../src/contract/messages';
import { toBackendError } from './backendError';

type TwilioResponse = {
  setStatusCode(code: number): void;
  setBody(body: unknown): void;
  appendHeader(key: string, value: string): void;
};
/** The Functions runtime's response class, a global both in Twilio and in twilio-run. */
declare const Twilio: { Response: new () => TwilioResponse };

/** A Functions response with a JSON content type. */
export function jsonResponse(): TwilioResponse {
  const response = new Twilio.Response();
  response.appendHeader('Content-Type', 'application/json');
  return response;
}

/**
 * Answers with whatever was thrown, as `{error: {code, message, fields?, messageKey, values?,
 * fieldProblems?}}` (src/contract/types.ts, ApiErrorBody) with its status and headers.
 */
export function setErrorReply(response: TwilioResponse, thrown: unknown): void {
  const error = toBackendError(thrown);
  const body = apiErrorBody(error.code, error.problem, error.fieldProblems);
  for (const [key, value] of Object.entries(error.headers)) response.appendHeader(key, value);
  response.setStatusCode(error.status);
  response.setBody(body);
}
