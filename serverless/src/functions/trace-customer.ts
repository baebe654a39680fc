import { traceCustomer } from '../evidence/traceCustomer';
import { flexFunction } from '../http/flexFunction';
import { parseTraceCustomer } from '../lib/parseRequests';

/** What Twilio holds of one customer's recent messages, and where they stopped (evidence/traceCustomer.ts). */
export const handler = flexFunction<'trace-customer'>({
  name: 'trace-customer',
  parse: parseTraceCustomer,
  run: (request, { client }) => traceCustomer(client, request),
});
