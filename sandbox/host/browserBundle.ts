import * as esbuild from 'esbuild';

/**
 * One browser script of the host pages, bundled in memory into an IIFE with an inline source map:
 * the Flex stand-in and the real-Flex host's boot script and service worker.
 */
export async function bundleBrowserScript(
  entry: string,
  options: Pick<esbuild.BuildOptions, 'tsconfig' | 'plugins'> = {},
): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2019',
    write: false,
    sourcemap: 'inline',
    logLevel: 'silent',
    ...options,
  });
  return result.outputFiles[0].text;
}
