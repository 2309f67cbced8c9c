/**
 * The module every Submission implementation is tried on, written as a student would (it is
 * copied into a temp folder as convolution.ts: the sandbox and the in-process loader both read a
 * submission folder by exercise file name).
 */
export const CONTRACT_FIXTURE = `
export function pure(a: number[], options: { mode?: string }): number { return a.length + (options.mode ? 1 : 0); }
export function mutateArray(a: number[]): number { a[0] = 99; return 1; }
export function sortArray(a: number[]): number[] { return a.sort((x, y) => x - y); }
export function mutateNested(m: number[][]): number { m[1][0] = 99; return 1; }
export function mutateTyped(t: { shape: number[]; data: Float32Array }): number { t.data[2] = 99; return 1; }
export function mutateOptions(image: number[][], options: { mode?: string }): number { options.mode ??= 'same'; return image.length; }
export function negateZero(a: number[]): number { a[0] = -a[0]; return 1; }
export function echo(x: unknown): unknown { return x; }
export function specials(): unknown[] { return [NaN, Infinity, -Infinity, -0, new Float32Array([1.5, NaN, -0]), new Float64Array([Number.MIN_VALUE, -Infinity])]; }
export function throwString(): never { throw 'a string, not an Error'; }
export function throwObject(): never { throw { message: 'an object, not an Error' }; }
export function throwError(): never { throw new RangeError('size must be ≥ 1'); }
export function proxied(): unknown { return new Proxy([1, 2, 3], {}); }
export function withGetter(): unknown { return { get x() { return 1; } }; }
export function instance(): unknown { return new Map([[1, 2]]); }
export function loop(): never { for (;;) {} }
export function exit(): never { process.exit(3); }
export const notAFunction = 42;
`;
