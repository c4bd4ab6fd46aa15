import { describe, expect, it } from 'vitest';

import { TYPED_ARRAY_NAMES } from '../../src/ast/index.js';

describe('TYPED_ARRAY_NAMES', () => {
  it('names every typed-array constructor of the runtime, and nothing else', () => {
    const TypedArray = Object.getPrototypeOf(Int8Array) as object;
    const runtime = Object.getOwnPropertyNames(globalThis)
      .filter((name) => {
        const value = (globalThis as Record<string, unknown>)[name];
        return typeof value === 'function' && Object.getPrototypeOf(value) === TypedArray;
      })
      // Float16Array is newer than the ES2023 lib the plugin targets.
      .filter((name) => name !== 'Float16Array')
      .sort();
    expect([...TYPED_ARRAY_NAMES].sort()).toEqual(runtime);
  });
});
