import twilio from 'twilio';

/** A Twilio answer of `status` (and, when given, of Twilio error `code`). */
export const isTwilioError = (error: unknown, status: number, code?: number): boolean =>
  error instanceof twilio.RestException && error.status === status && (code === undefined || error.code === code);

/**
 * The SID of the Sync object (a List, a Map) with `uniqueName`, made on first use: fetch by unique
 * name; on 404 create it; a 409 on the create means a concurrent call made it meanwhile, so fetch
 * again. Unique names are unique within a Sync Service (error 54301), which is what makes
 * concurrent first calls converge on one object.
 */
export async function findOrCreateByUniqueName(
  uniqueName: string,
  fetch: (uniqueName: string) => Promise<{ sid: string }>,
  create: (uniqueName: string) => Promise<{ sid: string }>,
): Promise<string> {
  try {
    return (await fetch(uniqueName)).sid;
  } catch (error) {
    if (!isTwilioError(error, 404)) throw error;
  }
  try {
    return (await create(uniqueName)).sid;
  } catch (error) {
    if (!isTwilioError(error, 409)) throw error;
    return (await fetch(uniqueName)).sid;
  }
}

/** Per warm container: where each remembered object is, by the caller's key. */
const remembered = new Map<string, string>();

/**
 * A Sync object found (or made) once per warm container and remembered, so a call does not look
 * it up again. When Twilio says the remembered object is gone (`isGone`: deleted, a sandbox reset)
 * it is forgotten — unless a concurrent call already put a fresh one in its place — and looked up
 * once more; a "gone" at a location just looked up is final.
 */
export class RememberedSyncObject {
  constructor(
    /** Names the object across calls: account, transport, service and unique name. */
    private readonly cacheKey: string,
    private readonly locate: () => Promise<string>,
    /** Whether an error says the object itself is gone (not, say, one of its items). */
    private readonly isGone: (error: unknown) => boolean = (error) => isTwilioError(error, 404),
  ) {}

  private async sid(): Promise<string> {
    const known = remembered.get(this.cacheKey);
    if (known) return known;
    const found = await this.locate();
    remembered.set(this.cacheKey, found);
    return found;
  }

  async use<T>(run: (sid: string) => Promise<T>): Promise<T> {
    const known = remembered.get(this.cacheKey);
    try {
      return await run(known ?? (await this.sid()));
    } catch (error) {
      if (!known || !this.isGone(error)) throw error;
      if (remembered.get(this.cacheKey) === known) remembered.delete(this.cacheKey);
      return run(await this.sid());
    }
  }
}
