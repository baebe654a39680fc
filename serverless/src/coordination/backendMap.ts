import twilio from 'twilio';

import type { BackendConfig } from '../config';
import { forgetBackendSyncService, resolveBackendSyncService } from '../history/historyLocation';
import type { TwilioClient } from '../twilio/clientFactory';

/** A Twilio answer of `status` (and, when given, of Twilio error `code`). */
export const isTwilioError = (error: unknown, status: number, code?: number): boolean =>
  error instanceof twilio.RestException && error.status === status && (code === undefined || error.code === code);

/** Sync's "Map not found" (twilio.com/docs/api/errors/54200): the Map is to be made. */
export const MAP_NOT_FOUND = 54200;
/** Sync's "Map Item not found" (twilio.com/docs/api/errors/54201): an answer about an item, not the Map. */
export const MAP_ITEM_NOT_FOUND = 54201;

export type MapItems = ReturnType<ReturnType<TwilioClient['sync']['v1']['services']>['syncMaps']>['syncMapItems'];

/**
 * Runs `run` on the items of the Map `mapName` in the backend's own Sync Service
 * (history/historyLocation.ts), made on first use. The Map is addressed by its unique name, never
 * a remembered SID: a SID remembered across a sandbox reset (or a Map deleted and made again)
 * can name another object — two functions that each remembered a different one would then keep
 * their claims apart — and a unique name costs the same request (Sync takes either in the path).
 * Unique names are unique within a service (error 54301), so concurrent first calls converge on
 * one Map. The Map missing (54200) is made (a 409: a concurrent call made it) and `run` tried
 * again; the service missing (another 404: deleted, a sandbox reset) is forgotten and looked up
 * once more. A read passes `whenMissing`: a Map nobody made yet holds nothing, and a read must
 * not write (loading the view makes no write — e2e/diagnostics.spec.ts counts them).
 */
export async function withBackendMapItems<T>(
  config: BackendConfig,
  client: TwilioClient,
  mapName: string,
  run: (items: MapItems, serviceSid: string) => Promise<T>,
  whenMissing?: () => T,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const serviceSid = await resolveBackendSyncService(config, client);
    const maps = client.sync.v1.services(serviceSid).syncMaps;
    try {
      return await run(maps(mapName).syncMapItems, serviceSid);
    } catch (error) {
      if (attempt >= 2 || !isTwilioError(error, 404) || isTwilioError(error, 404, MAP_ITEM_NOT_FOUND)) throw error;
      if (!isTwilioError(error, 404, MAP_NOT_FOUND)) {
        forgetBackendSyncService(config, serviceSid);
        continue;
      }
      if (whenMissing) return whenMissing();
      try {
        await maps.create({ uniqueName: mapName });
      } catch (createError) {
        if (!isTwilioError(createError, 409)) throw createError;
      }
    }
  }
}
