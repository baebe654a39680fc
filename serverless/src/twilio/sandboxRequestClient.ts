import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type Response from 'twilio/lib/http/response';

/**
 * Sends twilio-node's requests to the local Twilio sandbox instead of `*.twilio.com`.
 *
 * twilio-node builds absolute URLs (`https://conversations.twilio.com/v1/...`), and follows the
 * absolute `next_page_url`s the API returns, all through this one method; so rewriting the URL
 * here covers every call and every page. The product (the host's first label) becomes the first
 * path segment, because paths collide across products (`/v1/Configuration`, `/v1/Services`).
 */
export class SandboxRequestClient extends twilio.RequestClient {
  private readonly base: string;

  constructor(sandboxUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.base = sandboxUrl.replace(/\/$/, '');
  }

  static rewrite(base: string, uri: string): string {
    const url = new URL(uri);
    const product = url.hostname.split('.')[0];
    return `${base}/${product}${url.pathname}${url.search}`;
  }

  request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request<TData>({ ...opts, uri: SandboxRequestClient.rewrite(this.base, opts.uri) });
  }
}
