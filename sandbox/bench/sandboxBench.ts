/**
 * `npm run bench:sandbox`: how fast the local Twilio sandbox starts, and how long twilio-node takes
 * to list 10,000 phone numbers and 10,000 address configurations through it at the specs' maximum
 * page sizes (IncomingPhoneNumbers 1000, Configuration/Addresses 50). Prints numbers; asserts nothing.
 */
import twilio from 'twilio';

import { SandboxRequestClient } from '../../serverless/src/twilio/sandboxRequestClient';
import { startSandbox } from '../server/app';

const COUNT = Number(process.env.BENCH_COUNT || 10_000);
const RUNS = Number(process.env.BENCH_RUNS || 3);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main() {
  let start = process.hrtime.bigint();
  const running = await startSandbox({ port: 0 });
  const startMs = ms(start);

  start = process.hrtime.bigint();
  running.sandbox.reset({
    numbers: COUNT,
    addresses: COUNT,
    whatsappSenders: 50,
    flexFlows: 10,
    studioFlows: 10,
    seed: 7,
    defaultServiceIsFlex: true,
    otherChannels: false,
  });
  const resetMs = ms(start);

  const { accountSid, authToken } = running.sandbox.credentials;
  const client = twilio(accountSid, authToken, { httpClient: new SandboxRequestClient(running.url) });

  const rows: { what: string; items: number; requests: number; medianMs: number; runsMs: number[] }[] = [];
  async function measure(what: string, list: () => Promise<unknown[]>) {
    const times: number[] = [];
    let items = 0;
    let requests = 0;
    for (let i = 0; i < RUNS; i += 1) {
      running.sandbox.log.clear();
      const t = process.hrtime.bigint();
      items = (await list()).length;
      times.push(ms(t));
      requests = running.sandbox.log.list().length;
    }
    rows.push({ what, items, requests, medianMs: median(times), runsMs: times.map((t) => Math.round(t)) });
  }

  await measure('IncomingPhoneNumbers (PageSize 1000)', () => client.incomingPhoneNumbers.list({ pageSize: 1000 }));
  await measure('Configuration/Addresses (PageSize 50)', () =>
    client.conversations.v1.addressConfigurations.list({ pageSize: 50 }),
  );
  await running.close();

  console.log(`node ${process.version}, ${RUNS} runs each, median shown`);
  // Counted, not written down: the number of specs grows with the products the sandbox serves.
  const specs = running.sandbox.registry.specCount;
  console.log(`sandbox start (load ${specs} specs, generate default account, listen): ${startMs.toFixed(0)} ms`);
  console.log(`reset to ${COUNT} numbers + ${COUNT} addresses: ${resetMs.toFixed(0)} ms`);
  for (const r of rows) {
    console.log(
      `list ${r.what}: ${r.items} items, ${r.requests} requests, ${r.medianMs.toFixed(0)} ms (runs: ${r.runsMs.join(', ')} ms)`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
