/**
 * Where the backend is: the Flex configuration's `ui_attributes.messagingSetup.backendUrl` (set per
 * account, no rebuild needed) wins over the build-time FLEX_APP_MESSAGING_SETUP_BACKEND_URL.
 */
export function resolveBackendUrl(uiAttributes: unknown, buildTimeUrl: string | undefined): string | null {
  const fromConfig = (uiAttributes as { messagingSetup?: { backendUrl?: unknown } } | undefined)?.messagingSetup
    ?.backendUrl;
  const candidate = typeof fromConfig === 'string' && fromConfig.trim() ? fromConfig.trim() : buildTimeUrl?.trim();
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? candidate.replace(/\/+$/, '') : null;
  } catch {
    return null;
  }
}
