import crypto from 'node:crypto';

import jwt from 'jsonwebtoken';

export const FLEX_ROLES = ['admin', 'supervisor', 'agent'] as const;

/** What IAM's token-validate endpoint answers for a valid Flex token (twilio-flex-token-validator). */
export interface TokenValidation {
  valid: true;
  code: 0;
  message: null;
  expiration: string;
  realm_user_id: string;
  identity: string;
  roles: string[];
  worker_sid: string;
}

export interface TokenRejection {
  valid: false;
  code: number;
  message: string;
}

interface FlexTokenClaims {
  sub: string;
  roles: string[];
  worker_sid: string;
  iss: string;
  /**
   * What the token may reach besides IAM's validation, as a Twilio Access Token's `grants` say it:
   * Flex's tokens carry a Sync grant for the account's default Sync Service (the Flex UI and
   * plugins open Sync with the user's token; docs/SECURITY.md, "Where the history lives").
   */
  grants?: { data_sync?: { service_sid: string } };
}

/** The Sync service a Flex token's grant names: the account's default one. */
export const FLEX_TOKEN_SYNC_SERVICE = 'default';

/** Who a token speaks for in Sync, and the service its grant names. */
export interface SyncTokenGrant {
  identity: string;
  serviceSid: string;
}

/** Codes IAM uses for rejected tokens (as reported for Flex; not in a published spec). */
export const TOKEN_INVALID_CODE = 20101;
export const TOKEN_EXPIRED_CODE = 20104;

/**
 * Issues and validates demo Flex tokens. They are signed JWTs so validation needs no store, and a
 * token cannot be altered (roles raised) without the sandbox's key; the key is derived from the
 * account's auth token so a restarted sandbox still accepts the tokens it issued.
 */
export class TokenAuthority {
  private readonly key: Buffer;

  constructor(
    private readonly accountSid: string,
    authToken: string,
  ) {
    this.key = crypto.createHash('sha256').update(`flex-token:${accountSid}:${authToken}`).digest();
  }

  issue(identity: string, roles: string[], ttlSeconds: number): { token: string; expiration: string } {
    const workerSid = `WK${crypto.createHash('md5').update(identity).digest('hex')}`;
    const claims: FlexTokenClaims = {
      sub: identity,
      roles,
      worker_sid: workerSid,
      iss: this.accountSid,
      grants: { data_sync: { service_sid: FLEX_TOKEN_SYNC_SERVICE } },
    };
    const token = jwt.sign(claims, this.key, { algorithm: 'HS256', expiresIn: ttlSeconds });
    return { token, expiration: new Date(Date.now() + ttlSeconds * 1000).toISOString() };
  }

  /** The Sync grant of a token this sandbox issued and that is still valid; undefined otherwise. */
  syncGrantOf(token: unknown): SyncTokenGrant | undefined {
    if (typeof token !== 'string' || token === '') return undefined;
    try {
      const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: this.accountSid }) as FlexTokenClaims;
      const serviceSid = claims.grants?.data_sync?.service_sid;
      return serviceSid ? { identity: claims.sub, serviceSid } : undefined;
    } catch {
      return undefined;
    }
  }

  validate(token: unknown): TokenValidation | TokenRejection {
    if (typeof token !== 'string' || token === '') {
      return { valid: false, code: TOKEN_INVALID_CODE, message: 'Token was not provided' };
    }
    try {
      const claims = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.accountSid,
      }) as FlexTokenClaims & { exp: number };
      return {
        valid: true,
        code: 0,
        message: null,
        expiration: new Date(claims.exp * 1000).toISOString(),
        realm_user_id: claims.sub,
        identity: claims.sub,
        roles: claims.roles,
        worker_sid: claims.worker_sid,
      };
    } catch (error) {
      if (error instanceof jwt.TokenExpiredError) {
        return { valid: false, code: TOKEN_EXPIRED_CODE, message: 'Token expired' };
      }
      return { valid: false, code: TOKEN_INVALID_CODE, message: 'Invalid Access Token' };
    }
  }
}
