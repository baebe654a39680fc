import { alertsFor } from '../evidence/alertsFor';
import { flexFunction } from '../http/flexFunction';
import { parseListAlerts } from '../lib/parseRequests';

/**
 * The Debugger alerts of the last days that concern one row, or the account's of one code (a
 * Webchat deployment key with no address: 45777), by error code (evidence/alertsFor.ts).
 */
export const handler = flexFunction<'list-alerts'>({
  name: 'list-alerts',
  parse: parseListAlerts,
  run: (request, { client }) => alertsFor(client, request),
});
