/** Wire-format helpers shared by every resource: dates, parameter names, form and query parsing. */

/** ISO-8601 without milliseconds, as the v1/v2 APIs send it. */
export const isoDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** RFC-2822 with a numeric zone, as API 2010 sends it: `Thu, 30 Jul 2015 23:19:04 +0000`. */
export const rfc2822Date = (date: Date): string => date.toUTCString().replace(/GMT$/, '+0000');

/** `AutoCreation.StudioFlowSid` → `['auto_creation', 'studio_flow_sid']`. */
export function paramNameToPath(param: string): string[] {
  return param.split('.').map((part) =>
    part
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
      .toLowerCase(),
  );
}

type WireObject = Record<string, unknown>;

/**
 * Writes validated form parameters onto a resource, nested by their dotted names. The spec has
 * already checked names and types, so the mapping can stay mechanical.
 */
export function applyParams(target: WireObject, params: Record<string, unknown>, skip: string[] = []) {
  for (const [name, value] of Object.entries(params)) {
    if (skip.includes(name) || value === undefined) continue;
    const path = paramNameToPath(name);
    let node = target;
    for (const key of path.slice(0, -1)) {
      const child = node[key];
      if (child === null || typeof child !== 'object' || Array.isArray(child)) node[key] = {};
      node = node[key] as WireObject;
    }
    node[path[path.length - 1]] = value;
  }
}

/** Form bodies and query strings: a repeated key becomes an array, as twilio-node sends lists. */
export function parseRepeatedParams(search: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = out[key];
    if (previous === undefined) out[key] = value;
    else out[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return out;
}
