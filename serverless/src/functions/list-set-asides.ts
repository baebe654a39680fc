import { flexFunction } from '../http/flexFunction';
import { parseNothing } from '../lib/parseRequests';
import { SetAsideStore } from '../setAside/setAsideStore';

/** The numbers and senders set aside as not for Flex, as every supervisor of the account sees them (setAside/). */
export const handler = flexFunction<'list-set-asides'>({
  name: 'list-set-asides',
  parse: parseNothing,
  run: async (_request, { config }) => ({ items: await new SetAsideStore(config).list() }),
});
