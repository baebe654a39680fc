/**
 * What a Flex user's token can reach in Sync, as the sandbox models it. The Flex UI (and any
 * plugin, e.g. `new SyncClient(manager.user.token)`) opens Sync with the user's own token, whose
 * Sync grant names one service — the account's default one (tokens.ts). Twilio's Sync then lets
 * the holder of a grant for a service with ACLs off read and write any object in it, and on a
 * service with ACLs on only what a Permission gives its identity (twilio.com/docs/sync/
 * permissions-and-access-control; error 54007). REST with the account's credentials is not a
 * token identity and reaches everything.
 *
 * The real SDK speaks to Sync over twilsock; the sandbox has no twilsock, so a Sync REST request
 * that carries a token in `X-Twilio-Token` instead of Basic auth stands for what the SDK would
 * do with that token. The sandbox models no Permission resources: on an ACL-enabled service a
 * token reaches nothing.
 */
import type { SandboxAccount } from './state';
import type { SyncTokenGrant, TokenAuthority } from './tokens';
import { TwilioApiError } from './twilioError';

export const SYNC_TOKEN_HEADER = 'x-twilio-token';

/** Twilio's "Access forbidden for identity" (twilio.com/docs/api/errors/54007). */
export const SYNC_ACCESS_FORBIDDEN_CODE = 54007;

const OBJECT_PATH = /^\/v1\/Services\/([^/]+)\/(?:Lists|Maps|Documents|Streams)(?:\/.*)?$/;

/** The grant of the token a Sync request carries instead of Basic auth, or undefined (none, or not one the sandbox issued). */
export function syncTokenGrantOf(
  tokens: TokenAuthority,
  product: string,
  header: string | string[] | undefined,
): SyncTokenGrant | undefined {
  if (product !== 'sync' || typeof header !== 'string') return undefined;
  return tokens.syncGrantOf(header);
}

const forbidden = (message: string) => new TwilioApiError(403, SYNC_ACCESS_FORBIDDEN_CODE, message);

/** Refuses (403 / 54007) what the token's grant does not reach; answers nothing when it does. */
export function checkSyncTokenAccess(account: SandboxAccount, grant: SyncTokenGrant, pathname: string): void {
  const match = OBJECT_PATH.exec(pathname);
  if (!match) throw forbidden('A Sync token reaches the objects of its service only');
  const byName = (sidOrName: string) =>
    account.syncServices.find(sidOrName) ?? account.syncServices.all().find((s) => s.unique_name === sidOrName);
  const service = byName(decodeURIComponent(match[1]));
  const granted = byName(grant.serviceSid);
  if (!service || !granted || service.sid !== granted.sid) {
    throw forbidden(`The token's Sync grant does not name service ${match[1]}`);
  }
  if (service.acl_enabled === true) {
    throw forbidden(
      `Access forbidden for identity ${grant.identity}: the service has ACLs on and no Permission for it`,
    );
  }
}
