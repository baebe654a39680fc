import type { ApiErrorBody } from '../../../src/contract/types';
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

/** Answers with whatever was thrown, as `{error: {code, message, fields?}}` with its status and headers. */
export function setErrorReply(response: TwilioResponse, thrown: unknown): void {
  const error = toBackendError(thrown);
  const body: ApiErrorBody = {
    error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) },
  };
  for (const [key, value] of Object.entries(error.headers)) response.appendHeader(key, value);
  response.setStatusCode(error.status);
  response.setBody(body);
}
