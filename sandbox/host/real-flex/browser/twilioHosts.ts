/**
 * Which requests of the real Flex UI the real-Flex host answers, and where: shared by the page
 * (websockets), the service worker (HTTP) and the host server (the answers), so all three agree.
 */

/** Twilio's hosts, its media CDN (Flex's ringtones), and the Flex Insights (ytica) hosts Flex also calls. */
export function isTwilioHost(hostname: string): boolean {
  return /(^|\.)(twilio|twiliocdn|ytica)\.com$/.test(hostname);
}

/** Same-origin path under which the host server answers an HTTP request meant for a Twilio host. */
export const HTTP_PREFIX = '/_flex/http/';
/** Same-origin path under which the host server answers a websocket meant for a Twilio host. */
export const WS_PREFIX = '/_flex/ws/';

/** `https://flex-api.twilio.com/v1/Configuration?x=1` → `/_flex/http/flex-api.twilio.com/v1/Configuration?x=1`. */
export function localPathFor(url: URL, prefix: string): string {
  return `${prefix}${url.hostname}${url.pathname}${url.search}`;
}

/** The inverse of {@link localPathFor}: the Twilio URL a local path stands for, or undefined. */
export function twilioUrlFor(localPath: string, prefix: string, scheme: 'https' | 'wss'): URL | undefined {
  if (!localPath.startsWith(prefix)) return undefined;
  const rest = localPath.slice(prefix.length);
  const slash = rest.indexOf('/');
  const hostname = slash === -1 ? rest : rest.slice(0, slash);
  if (!isTwilioHost(hostname)) return undefined;
  return new URL(`${scheme}://${hostname}${slash === -1 ? '/' : rest.slice(slash)}`);
}
