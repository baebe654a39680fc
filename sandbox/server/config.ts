/**
 * Fixed demo credentials of the sandbox account. They have the real shapes (AC + 32 hex; 32 chars)
 * because twilio-node and twilio-run's dev runtime check them. They are not secrets: they open only
 * this local sandbox. Override with SANDBOX_ACCOUNT_SID / SANDBOX_AUTH_TOKEN.
 */
export const DEFAULT_ACCOUNT_SID = 'AC5a4db0c1e2f3a4b5c6d7e8f9a0b1c2d3';
export const DEFAULT_AUTH_TOKEN = 'sandbox0auth0token0not0a0secret0';

export const DEFAULT_PORTS = { host: 3000, backend: 3001, sandbox: 3002 } as const;

export interface SandboxCredentials {
  accountSid: string;
  authToken: string;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): SandboxCredentials {
  return {
    accountSid: env.SANDBOX_ACCOUNT_SID || DEFAULT_ACCOUNT_SID,
    authToken: env.SANDBOX_AUTH_TOKEN || DEFAULT_AUTH_TOKEN,
  };
}
