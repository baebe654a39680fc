/** Flex roles that may open the Messaging Setup view (the backend enforces the same default). */
export const DEFAULT_MESSAGING_SETUP_ROLES: readonly string[] = ['admin', 'supervisor'];

export function canUseMessagingSetup(
  userRoles: readonly string[] | undefined,
  allowedRoles: readonly string[] = DEFAULT_MESSAGING_SETUP_ROLES,
): boolean {
  return (userRoles ?? []).some((role) => allowedRoles.includes(role));
}
