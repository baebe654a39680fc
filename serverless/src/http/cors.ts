/**
 * CORS for the plugin's calls. The plugin sends form posts (a "simple request", no preflight), so
 * only Access-Control-Allow-Origin matters; it is sent for allowed origins only, never `*`.
 */
export function corsHeaders(origin: string | undefined, allowedOrigins: string[]): Record<string, string> {
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && allowedOrigins.includes(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    headers['Access-Control-Allow-Methods'] = 'POST, OPTIONS';
    headers['Access-Control-Allow-Headers'] = 'Content-Type';
    headers['Access-Control-Expose-Headers'] = 'Retry-After';
  }
  return headers;
}
