import { invalidParameter } from './twilioError';

/** PageSize limits of one list operation, read from its spec parameter. */
export interface PageLimits {
  defaultSize: number;
  maxSize: number;
}

export interface PageRequest {
  product: string;
  /** Path inside the product, e.g. `/v1/Configuration/Addresses`. */
  path: string;
  query: Record<string, string | string[]>;
  paging: PageLimits;
}

const PAGING_PARAMS = new Set(['PageSize', 'Page', 'PageToken']);

/** Opaque to clients, as Twilio's are; here it carries the offset of the page's first item. */
const encodeToken = (prefix: string, offset: number) =>
  `${prefix}${offset.toString(16).toUpperCase().padStart(8, '0')}`;

function decodeToken(token: string): number {
  const match = /^P[AT]([0-9A-F]{8})$/.exec(token);
  if (!match) throw invalidParameter(`Invalid PageToken: ${token}`);
  return parseInt(match[1], 16);
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

interface PageWindow {
  page: number;
  pageSize: number;
  offset: number;
  filters: [string, string][];
}

function windowOf(req: PageRequest): PageWindow {
  const requested = Number(single(req.query.PageSize) ?? req.paging.defaultSize);
  // Above the spec's maximum we clamp, so `list({limit: 10000})` (which twilio-node sends as
  // PageSize=10000) still pages through everything at the largest allowed size.
  const pageSize = Math.max(1, Math.min(req.paging.maxSize, Math.floor(requested)));
  const page = Math.max(0, Math.floor(Number(single(req.query.Page) ?? 0)));
  const token = single(req.query.PageToken);
  const offset = token ? decodeToken(token) : page * pageSize;
  const filters: [string, string][] = [];
  for (const [key, value] of Object.entries(req.query)) {
    if (PAGING_PARAMS.has(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) filters.push([key, v]);
  }
  return { page, pageSize, offset, filters };
}

function pageQuery(w: PageWindow, page: number, tokenPrefix: string, offset?: number): string {
  const params = new URLSearchParams(w.filters);
  params.set('PageSize', String(w.pageSize));
  params.set('Page', String(page));
  if (offset !== undefined) params.set('PageToken', encodeToken(tokenPrefix, offset));
  return params.toString();
}

/** The v1/v2 list shape: `{<key>: [...], meta: {..., next_page_url (absolute)}}`. */
export function pageV1<T>(items: readonly T[], key: string, req: PageRequest) {
  const w = windowOf(req);
  const slice = items.slice(w.offset, w.offset + w.pageSize);
  const base = `https://${req.product}.twilio.com${req.path}`;
  const hasNext = w.offset + w.pageSize < items.length;
  const hasPrevious = w.page > 0 && w.offset > 0;
  const current = w.offset > 0 ? pageQuery(w, w.page, 'PT', w.offset) : pageQuery(w, w.page, 'PT');
  return {
    [key]: slice,
    meta: {
      page: w.page,
      page_size: w.pageSize,
      first_page_url: `${base}?${pageQuery(w, 0, 'PT')}`,
      previous_page_url: hasPrevious
        ? `${base}?${pageQuery(w, w.page - 1, 'PT', Math.max(0, w.offset - w.pageSize))}`
        : null,
      url: `${base}?${current}`,
      next_page_url: hasNext ? `${base}?${pageQuery(w, w.page + 1, 'PT', w.offset + w.pageSize)}` : null,
      key,
    },
  };
}

/** The API 2010 list shape: top-level paging keys with relative `*_page_uri`s. */
export function page2010<T>(items: readonly T[], key: string, req: PageRequest) {
  const w = windowOf(req);
  const slice = items.slice(w.offset, w.offset + w.pageSize);
  const hasNext = w.offset + w.pageSize < items.length;
  const hasPrevious = w.page > 0 && w.offset > 0;
  const current = w.offset > 0 ? pageQuery(w, w.page, 'PA', w.offset) : pageQuery(w, w.page, 'PA');
  return {
    [key]: slice,
    first_page_uri: `${req.path}?${pageQuery(w, 0, 'PA')}`,
    next_page_uri: hasNext ? `${req.path}?${pageQuery(w, w.page + 1, 'PA', w.offset + w.pageSize)}` : null,
    previous_page_uri: hasPrevious
      ? `${req.path}?${pageQuery(w, w.page - 1, 'PA', Math.max(0, w.offset - w.pageSize))}`
      : null,
    uri: `${req.path}?${current}`,
    page: w.page,
    page_size: w.pageSize,
    start: w.offset,
    end: w.offset + Math.max(0, slice.length - 1),
  };
}
