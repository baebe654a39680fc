import { alertsFor } from '../evidence/alertsFor';
import { flexFunction } from '../http/flexFunction';
import { parseListAlerts } from '../lib/parseRequests';

/** The Debugger alerts of the last days that concern one row, by error code (evidence/alertsFor.ts). */
export const handler = flexFunction<'list-alerts'>({
  name: 'list-alerts',
  parse: parseListAlerts,
  run: (request, { client }) => alertsFor(client, request),
});
