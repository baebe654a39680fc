import { noContent, ok, type OperationHandler, type OperationRequest } from '../operation';
import type { Collection, WireResource } from '../state';
import { applyParams, isoDate } from '../wireFormat';

interface ResourceOptions<T extends WireResource> {
  /** Body parameters Update must not copy onto the resource (they steer the call, or are read-only). */
  skip?: string[];
  /**
   * How Update records the change. Default: `date_updated` in ISO 8601 (API 2010 resources use
   * RFC 2822; some resources have no such field).
   */
  stamp?: ((item: T, req: OperationRequest) => void) | null;
  /** What goes with a deleted resource (its sub-collections, memberships). */
  onDelete?: (req: OperationRequest, item: T) => void;
}

export interface ResourceHandlers {
  fetch: OperationHandler;
  update: OperationHandler;
  remove: OperationHandler;
}

/**
 * Fetch, Update and Delete of one resource of a collection (by the `Sid` path parameter), as the
 * Twilio products the sandbox speaks answer them: 404 for an unknown SID, Update copies the body's
 * parameters onto the resource, Delete answers 204.
 */
export function resourceHandlers<T extends WireResource>(
  collectionOf: (req: OperationRequest) => Collection<T>,
  options: ResourceOptions<T> = {},
): ResourceHandlers {
  const stamp =
    options.stamp === undefined
      ? (item: T, req: OperationRequest) => {
          (item as WireResource).date_updated = isoDate(req.account.now());
        }
      : options.stamp;
  return {
    fetch: (req) => ok(collectionOf(req).get(req.params.Sid)),
    update: (req) => {
      const item = collectionOf(req).get(req.params.Sid);
      applyParams(item, req.body, options.skip);
      stamp?.(item, req);
      return ok(item);
    },
    remove: (req) => {
      const collection = collectionOf(req);
      const item = collection.get(req.params.Sid);
      collection.remove(item.sid);
      options.onDelete?.(req, item);
      return noContent();
    },
  };
}
