import { BACKEND_SYNC_SERVICE_NAME } from '../../../src/contract/types';
import { BackendError } from '../http/backendError';
import type { BackendConfig } from '../config';
import type { TwilioClient } from '../twilio/clientFactory';

/**
 * The backend's own Sync Service, found by this friendly name: ACLs on (`acl_enabled`), and named
 * in no Flex token's grant — Flex's tokens are granted the account's default Sync Service (docs/SECURITY.md, "Where the
 * history lives"), so a token can read and write nothing here; only REST with the account's
 * credentials can, which is what the backend (and the account's owners) have.
 *
 * `npm run deploy:backend` makes it (found by this friendly name, made when absent) and sets
 * MESSAGING_SETUP_SYNC_SERVICE_SID; the local sandbox makes one with every generated account.
 */
export { BACKEND_SYNC_SERVICE_NAME };

/** Per warm container: the service each configuration resolved to. */
const resolved = new Map<string, string>();

const cacheKeyOf = (config: BackendConfig) =>
  [config.accountSid, config.sandboxUrl ?? '', config.history.syncServiceSid ?? ''].join('|');

const notProvisioned = () =>
  new BackendError(503, 'history_not_provisioned', { key: 'MessagingSetupRefusalHistoryNotProvisioned' });

/**
 * The SID of the backend's Sync Service. Configured: that service, refused (503) when its ACLs
 * are off — any token granted it could then rewrite the history. Not configured: the oldest
 * service with BACKEND_SYNC_SERVICE_NAME and ACLs on, looked up and never made here: Sync
 * Services have no unique name, so concurrent first calls that each made one would split the
 * history between them; making it is the deploy's one step. None: 503, "run the deploy".
 */
export async function resolveBackendSyncService(config: BackendConfig, client: TwilioClient): Promise<string> {
  const cacheKey = cacheKeyOf(config);
  const known = resolved.get(cacheKey);
  if (known) return known;
  const configured = config.history.syncServiceSid;
  let sid: string;
  if (configured) {
    const service = await client.sync.v1.services(configured).fetch();
    if (!service.aclEnabled) {
      throw new BackendError(503, 'history_store_open', {
        key: 'MessagingSetupRefusalHistoryStoreOpen',
        values: { sid: configured },
      });
    }
    sid = service.sid;
  } else {
    const candidates = (await client.sync.v1.services.list({ pageSize: 100, limit: 1000 }))
      .filter((s) => s.friendlyName === BACKEND_SYNC_SERVICE_NAME && s.aclEnabled)
      .sort((a, b) => a.dateCreated.getTime() - b.dateCreated.getTime() || (a.sid < b.sid ? -1 : 1));
    if (candidates.length === 0) throw notProvisioned();
    sid = candidates[0].sid;
  }
  resolved.set(cacheKey, sid);
  return sid;
}

/** The remembered service is gone (deleted, a sandbox reset): look it up again on next use. */
export function forgetBackendSyncService(config: BackendConfig, sid: string): void {
  const cacheKey = cacheKeyOf(config);
  if (resolved.get(cacheKey) === sid) resolved.delete(cacheKey);
}
