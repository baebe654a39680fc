/** Twilio's legacy error body, which twilio-node turns into a RestException. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}

export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): TwilioErrorBody {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const notFound = (resourcePath: string) =>
  new TwilioApiError(404, 20404, `The requested resource ${resourcePath} was not found`);

export const invalidParameter = (message: string) => new TwilioApiError(400, 20001, message);
