/**
 * The Flex roles that may use Messaging Setup when the backend's settings say nothing else
 * (`MESSAGING_SETUP_READ_ROLES`, `MESSAGING_SETUP_WRITE_ROLES`): the one default both sides use.
 * The plugin shows its view to these roles; which of them may write, the backend says (its
 * settings decide, and it enforces them), in `FlexConfigurationSummary.callerMayWrite`.
 */
export const DEFAULT_MESSAGING_SETUP_ROLES: readonly string[] = ['admin', 'supervisor'];

/** Whether any of a user's roles is among the allowed ones. */
export function hasAnyRole(userRoles: readonly string[] | undefined, allowed: readonly string[]): boolean {
  return (userRoles ?? []).some((role) => allowed.includes(role));
}
