/**
 * `npm start`'s backend process, `tsx sandbox/backend/main.ts <port> [serverless folder]` (see
 * command.ts), run by sandbox/start.ts in its own process group. Serves the functions built in
 * `<serverless folder>/functions` (serverless/ by default) on 127.0.0.1:<port> (0: any free port),
 * with this process's environment as the Functions environment — npm start puts the settings it
 * owns (sandbox credentials and URL, allowed origins) and the developer's serverless/.env in it, as
 * `twilio-run --load-local-env --env <file>` did. Prints `listening on <url>` once it listens;
 * SIGTERM or SIGINT stops it.
 */
import path from 'node:path';

import { startLocalBackend } from './localBackend';

async function main(): Promise<void> {
  const [portArg, serverlessDir] = process.argv.slice(2);
  const port = Number(portArg);
  if (!portArg || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`usage: tsx sandbox/backend/main.ts <port> [serverless folder] (got ${JSON.stringify(portArg)})`);
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  const backend = await startLocalBackend({
    baseDir: path.resolve(serverlessDir ?? path.join(__dirname, '..', '..', 'serverless')),
    port,
    env,
    log: (line) => console.log(`backend  ${line}`),
  });
  console.log(`backend  listening on ${backend.url}`);
  const stop = () => {
    backend.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  console.error(err.code === 'EADDRINUSE' ? `The backend's port is in use: ${err.message}` : (err.message ?? err));
  process.exit(1);
});
