import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

/** The page's script, bundled from page/main.ts in memory when the studio starts (no CDN, works offline). */
export async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page/main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}
