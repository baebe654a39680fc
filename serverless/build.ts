/**
 * Compiles each function in src/functions/ into one self-contained file in functions/, as Twilio
 * Functions expects: every deployed function is uploaded on its own, so shared code (the wrapper,
 * the request types from ../src) is bundled in. Runtime dependencies stay external and are
 * installed by Twilio from package.json.
 */
import fs from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

const here = __dirname;
const sourceDir = path.join(here, 'src', 'functions');
const defaultOutDir = path.join(here, 'functions');

/** `outDir` is a folder inside the project (tests build their own copy), so `twilio` still resolves. */
export async function buildFunctions(outDir = defaultOutDir): Promise<string[]> {
  const entryPoints = fs
    .readdirSync(sourceDir)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => path.join(sourceDir, file));
  fs.rmSync(outDir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['twilio', '@twilio/runtime-handler'],
    logLevel: 'warning',
    legalComments: 'none',
  });
  return entryPoints.map((entry) => path.basename(entry, '.ts'));
}

if (require.main === module) {
  buildFunctions().then(
    (names) => console.log(`Built ${names.length} functions into serverless/functions: ${names.join(', ')}`),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
