import { types } from 'node:util';
import { describe, expect, it } from 'vitest';
import { describeNonPlain } from '../../grader/core/plain-data.js';

const limits = { maxNumbers: 100, maxStringChars: 50, maxDepth: 5 };
const check = (v: unknown) => describeNonPlain(v, limits, types.isProxy);

describe('describeNonPlain', () => {
  it('accepts plain data, shared (acyclic) references and special numbers', () => {
    const shared = [1, 2];
    expect(check({ a: shared, b: shared, c: [NaN, -0, Infinity], d: null, e: undefined, f: 'x', g: true })).toBeNull();
    expect(check(new Float32Array(3))).toBeNull();
    expect(check(Object.create(null))).toBeNull();
    expect(check(5)).toBeNull();
  });
  it('names what is wrong and where', () => {
    expect(check({ a: [1, { f() {} }] })).toBe('value.a[1].f is a function');
    expect(check({ get x() { return 1; } })).toBe('value.x is a getter or setter, not a value');
    expect(check([new Proxy({}, {})])).toBe('value[0] is a Proxy');
    expect(check({ 'odd key': new Map() })).toBe('value["odd key"] is an instance of Map, not a plain object');
    expect(check(new Uint8Array(2))).toMatch(/^value is a Uint8Array \(only Float32Array and Float64Array/);
    expect(check(Promise.resolve(1))).toMatch(/a Promise \(a missing await\?\)/);
    expect(check(new (class Foo {})())).toBe('value is an instance of Foo, not a plain object');
    expect(check(1n)).toBe('value is a bigint');
  });
  it('refuses cycles, depth, sizes', () => {
    const a: unknown[] = [];
    a.push([a]);
    expect(check(a)).toBe('value[0][0] refers back to itself (a cycle)');
    expect(check([[[[[[[1]]]]]]])).toMatch(/deeper than 5/);
    expect(check(new Array(101).fill(0))).toMatch(/more than 100 numbers/);
    expect(check(new Float64Array(101))).toMatch(/more than 100 numbers/);
    expect(check(['x'.repeat(51)])).toMatch(/longer than 50 characters/);
  });
  it('does not blow up on a wide diamond of shared references', () => {
    let v: unknown = [1];
    for (let i = 0; i < 4; i++) v = [v, v, v, v];
    expect(describeNonPlain(v, { maxNumbers: 1e6, maxStringChars: 10, maxDepth: 10 })).toBeNull();
  });
});
