/** Shared types of the fake Twilio websocket services the real Flex UI connects to. */

export interface FlexSocketUser {
  accountSid: string;
  identity: string;
  workerSid: string;
  workspaceSid: string;
}

/** Resolves the user of a Flex token, or undefined when the token is not valid. */
export type ValidateFlexToken = (token: string) => Promise<FlexSocketUser | undefined>;

/** A JSON value as it travels in a twilsock payload or an event-bridge message. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined };
export type JsonObject = { [key: string]: Json | undefined };

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
