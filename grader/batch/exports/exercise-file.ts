import { EXERCISES } from '../../exercises/registry.js';

const SOURCE = /^(.*?)(?:-(\d+))?(\.(?:ts|js|mjs))$/;

/**
 * The exercise file an uploaded file stands for, or undefined: `convolution.ts`, and also
 * `convolution-1.ts`, the name Canvas gives a file uploaded again under the same name. `copy` is
 * that suffix's number (0 for none): the higher, the later the upload.
 */
export function exerciseFile(name: string): { name: string; copy: number } | undefined {
  const m = SOURCE.exec(name);
  if (!m || !(EXERCISES as readonly string[]).includes(m[1])) return undefined;
  return { name: m[1] + m[3], copy: m[2] ? Number(m[2]) : 0 };
}
