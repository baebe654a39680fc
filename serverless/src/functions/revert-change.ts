import { flexFunction } from '../http/flexFunction';
import { BackendError } from '../http/backendError';
import { revertChange } from '../history/revertChange';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Undoes one change of the history (write roles only); the revert is recorded as its own entry. */
export const handler = flexFunction<'revert-change'>({
  name: 'revert-change',
  parse(payload) {
    const keys = isRecord(payload) ? Object.keys(payload) : [];
    const id = isRecord(payload) ? payload.id : undefined;
    if (keys.some((k) => k !== 'id') || typeof id !== 'string' || !/^\d{1,10}$/.test(id)) {
      throw new BackendError(400, 'invalid_input', 'id must be a history entry id.', { id: 'Not a history entry id.' });
    }
    return { id };
  },
  run: ({ id }, deps) => revertChange(deps, id),
});
