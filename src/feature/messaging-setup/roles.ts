import { DEFAULT_MESSAGING_SETUP_ROLES, hasAnyRole } from '../../contract/roles';

/** Whether Flex shows the user the Messaging Setup link and view (the backend's default roles). */
export function canUseMessagingSetup(
  userRoles: readonly string[] | undefined,
  allowedRoles: readonly string[] = DEFAULT_MESSAGING_SETUP_ROLES,
): boolean {
  return hasAnyRole(userRoles, allowedRoles);
}
