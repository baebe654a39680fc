import { flexFunction } from '../http/flexFunction';
import { parseSetNumberAside } from '../lib/parseRequests';
import { setNumberAside } from '../setAside/setNumberAside';

/** Sets a number or sender aside as not for Flex, or clears the mark (write roles), and records it (setAside/). */
export const handler = flexFunction<'set-number-aside'>({
  name: 'set-number-aside',
  parse: parseSetNumberAside,
  run: (request, deps) => setNumberAside(deps, request),
});
