import { flexFunction } from '../http/flexFunction';
import { revertChange } from '../history/revertChange';
import { parseRevertChange } from '../lib/parseRequests';

/** Undoes one change of the history (write roles only); the revert is recorded as its own entry. */
export const handler = flexFunction<'revert-change'>({
  name: 'revert-change',
  parse: parseRevertChange,
  run: ({ id }, deps) => revertChange(deps, id),
});
