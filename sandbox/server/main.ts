import { DEFAULT_PORTS } from './config';
import { startSandbox } from './app';

/** `npm run sandbox`: the local Twilio sandbox alone, on TWILIO_SANDBOX_PORT (3002). */
async function main() {
  const port = Number(process.env.TWILIO_SANDBOX_PORT || DEFAULT_PORTS.sandbox);
  const started = Date.now();
  const running = await startSandbox({ port });
  const { accountSid, authToken } = running.sandbox.credentials;
  console.log(`Twilio sandbox on ${running.url} (started in ${Date.now() - started} ms)`);
  console.log(`  account ${accountSid}, auth token ${authToken}`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const err = error as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') {
    console.error(
      `Port ${process.env.TWILIO_SANDBOX_PORT || DEFAULT_PORTS.sandbox} is in use: set TWILIO_SANDBOX_PORT to a free port.`,
    );
  } else {
    console.error(error);
  }
  process.exit(1);
});
