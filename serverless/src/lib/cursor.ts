import { BackendError } from '../http/backendError';

/**
 * A list cursor carries Twilio's own paging position (page number and PageToken) so the next call
 * continues the page chain directly. It never carries a URL: the backend builds every Twilio URL
 * itself, so a crafted cursor cannot send the account's credentials elsewhere.
 */
export interface TwilioPagePosition {
  pageNumber: number;
  pageToken: string;
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;
const MAX_PAGE = 1_000_000;
const isPageNumber = (p: unknown): p is number =>
  typeof p === 'number' && Number.isInteger(p) && p >= 0 && p <= MAX_PAGE;

/** Twilio's position of the page a next-page link points to; `null` only at the end of the list. */
export function pagePositionOf(nextPageUrl: string | undefined | null): TwilioPagePosition | null {
  if (!nextPageUrl) return null;
  const url = new URL(nextPageUrl, 'https://api.twilio.com');
  const pageToken = url.searchParams.get('PageToken') ?? '';
  const pageNumber = Number(url.searchParams.get('Page') ?? 0);
  if (!TOKEN_PATTERN.test(pageToken) || !isPageNumber(pageNumber)) {
    throw new BackendError(502, 'twilio_unavailable', { key: 'MessagingSetupRefusalPageLink' });
  }
  return { pageNumber, pageToken };
}

/** `null` only at the end of the list: a next page the cursor cannot carry is an error, not the end. */
export function encodeCursor(nextPageUrl: string | undefined | null): string | null {
  return encodePosition(pagePositionOf(nextPageUrl));
}

/** A cursor for a page position the backend holds already (null: the end of the list). */
export function encodePosition(position: TwilioPagePosition | null | undefined): string | null {
  if (!position) return null;
  return Buffer.from(JSON.stringify({ p: position.pageNumber, t: position.pageToken })).toString('base64url');
}

export function decodeCursor(cursor: unknown): TwilioPagePosition | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  const invalid = new BackendError(400, 'invalid_cursor', { key: 'MessagingSetupRefusalCursorInvalid' });
  if (typeof cursor !== 'string' || cursor.length > 512) throw invalid;
  try {
    const { p, t } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { p: unknown; t: unknown };
    if (!isPageNumber(p)) throw invalid;
    if (typeof t !== 'string' || !TOKEN_PATTERN.test(t)) throw invalid;
    return { pageNumber: p, pageToken: t };
  } catch {
    throw invalid;
  }
}
