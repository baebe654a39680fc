import type { BackendConfig } from '../config';

/**
 * The Sync Service the backend keeps its own state in (the claims of coordination/claims.ts):
 * MESSAGING_SETUP_SYNC_SERVICE_SID, or else the account's default service, as the history does
 * (history/historyStore.ts). One place, so that moving the backend's state moves it all.
 */
export function backendSyncServiceOf(config: BackendConfig): string {
  return config.history.syncServiceSid ?? 'default';
}
