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
