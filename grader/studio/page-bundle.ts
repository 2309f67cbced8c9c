import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/**
 * A script of the page, bundled in memory for the browser (no CDN, works offline). Callers name the
 * entry as `new URL('./page/…', import.meta.url)`, which a release's import closure follows.
 */
export async function bundleForBrowser(entry: URL, options: { minify?: boolean } = {}): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: options.minify ?? false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The page's script, bundled from page/main.ts when the studio starts. */
export const bundlePage = (): Promise<string> => bundleForBrowser(new URL('./page/main.ts', import.meta.url));
