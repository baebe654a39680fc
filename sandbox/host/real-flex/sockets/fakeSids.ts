import { createHash, randomBytes } from 'node:crypto';

/** A Twilio-shaped SID (two letters and 32 hex digits) that is the same for the same seed. */
export const stableSid = (prefix: string, seed: string): string =>
  prefix + createHash('sha256').update(`${prefix}:${seed}`).digest('hex').slice(0, 32);

/** A fresh Twilio-shaped SID. */
export const randomSid = (prefix: string): string => prefix + randomBytes(16).toString('hex');

/** Seconds since the epoch, the unit TaskRouter's event bridge uses for dates. */
export const epochSeconds = (date: Date = new Date()): number => Math.floor(date.getTime() / 1000);
