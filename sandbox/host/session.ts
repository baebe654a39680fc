/**
 * What the host page server and the Flex stand-in (in the browser) exchange. Type-only apart from
 * a few constants, so both sides can import it: the server with tsx, the page through esbuild.
 */

/** The id of the `<script type="application/json">` element that carries {@link HostPageConfig}. */
export const HOST_CONFIG_ELEMENT_ID = 'flex-host-config';

/** The view Flex opens when the URL names none (Flex's own default route). */
export const DEFAULT_VIEW = 'agent-desktop';

/**
 * The host server's session URL for a role and, with `?user=`, another demo user of it: what both
 * hosts' pages sign in through (the stand-in's config carries it; the real-Flex boot builds it).
 */
export const sessionPath = (role: string, user?: string): string =>
  `/session?role=${encodeURIComponent(role)}${user ? `&user=${encodeURIComponent(user)}` : ''}`;

/** Written into the host page by the server; read by the stand-in before it boots. */
export interface HostPageConfig {
  /** The Flex role the page signs in with (`?role=`). */
  role: string;
  /** Where the stand-in gets its {@link HostSession} (a token issued by the Twilio sandbox). */
  sessionUrl: string;
  /** Plugin bundles to load, in order, after sign-in (each calls `Twilio.Flex.Plugins.init`). */
  plugins: string[];
  defaultView: string;
}

/** `GET /session?role=…[&user=…]`: the signed-in Flex user and the account's Flex configuration. */
export interface HostSession {
  user: {
    identity: string;
    roles: string[];
    /** A demo Flex token; the backend validates it against the sandbox's IAM endpoint. */
    token: string;
    /** ISO 8601. */
    expiration: string;
  };
  serviceConfiguration: {
    account_sid: string;
    ui_attributes: {
      /** Where the plugin finds its backend (twilio-run locally, Twilio Functions in production). */
      messagingSetup: { backendUrl: string };
    };
  };
}

/** Error body of the host server's JSON endpoints. */
export interface HostError {
  error: { code: string; message: string };
}
