/**
 * How the real-Flex page signs in (used by boot.ts; a module of its own so the host tests run it
 * against the host server): the page's `?role=` and `?user=` ask the host's `/session` for a demo
 * token — the same session, through the same URL, as the stand-in's — and the token goes into the
 * page URL, where Flex takes it from.
 */
import { sessionPath, type HostSession } from '../../session';

export const ROLE_KEY = 'messaging-setup-real-flex-role';
export const USER_KEY = 'messaging-setup-real-flex-user';

/** Where the role and user of the tab are kept, as Flex's router drops the query on navigation. */
export type SignInStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** `GET` a session path of the host server: the signed-in user it answers. */
export type FetchSession = (path: string) => Promise<HostSession['user']>;

/**
 * The page URL Flex should start at: without `role` and `user`, with a demo token of that role
 * and user (Flex signs in without SSO when the URL carries `Token`, as its own login hand-off
 * does); undefined when the URL already has a token and names no one (a reload).
 *
 * A URL that names a role or a user signs in as exactly that (`?role=admin` alone is the role's
 * demo user); one that names neither, as the tab's last sign-in.
 */
export async function signedInUrl(
  href: string,
  store: SignInStore,
  session: FetchSession,
): Promise<string | undefined> {
  const url = new URL(href);
  const namedRole = url.searchParams.get('role');
  const namedUser = url.searchParams.get('user');
  const named = namedRole !== null || namedUser !== null;
  if (url.searchParams.has('Token') && !named) return undefined;
  const role = namedRole ?? store.getItem(ROLE_KEY) ?? 'supervisor';
  const user = (named ? namedUser : store.getItem(USER_KEY)) || undefined;
  store.setItem(ROLE_KEY, role);
  if (user) store.setItem(USER_KEY, user);
  else store.removeItem(USER_KEY);
  const signedIn = await session(sessionPath(role, user));
  url.searchParams.delete('role');
  url.searchParams.delete('user');
  url.searchParams.set('Token', signedIn.token);
  url.searchParams.set('Identity', signedIn.identity);
  url.searchParams.set('Expiration', signedIn.expiration);
  url.searchParams.set('Roles', signedIn.roles.join(','));
  return url.toString();
}
