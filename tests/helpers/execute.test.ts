import { describe, expect, it } from 'vitest';

import { execute, expectSameBehaviour } from './execute.js';

describe('execute', () => {
  it('records logs, the final result and errors, with types stripped', () => {
    expect(execute('const xs: number[] = [1, 2];\nconsole.log(xs.length, "ok");\nconst result = xs.map((x) => x * 2);')).toEqual({
      error: null,
      logs: ['2 ok'],
      result: [2, 4],
    });
    expect(execute('throw new RangeError("nope");').error).toBe('RangeError: nope');
  });

  it('keeps holes and undefined visible', () => {
    expect(execute('const result = new Array(2);').result).toEqual(['«undefined»', '«undefined»']);
  });

  it('isolates runs', () => {
    execute('globalThis.leak = 1;');
    expect(execute('const result = typeof (globalThis as any).leak;').result).toBe('undefined');
  });
});

describe('expectSameBehaviour', () => {
  it('passes for equivalent programs', () => {
    expectSameBehaviour(
      'const out: number[] = [];\nfor (const x of [1, 2, 3]) out.push(x * 2);\nconst result = out;',
      'const result = [1, 2, 3].map((x) => x * 2);',
    );
  });

  it('fails when the result, the logs or the error differ', () => {
    expect(() => expectSameBehaviour('const result = [1, 2];', 'const result = [1, 2, 3];')).toThrow();
    expect(() => expectSameBehaviour('console.log(1);', 'console.log(2);')).toThrow();
    expect(() => expectSameBehaviour('const result = 1;', 'const result = 1; throw new Error("x");')).toThrow();
    // Holes versus undefined: `.map` skips holes, an index loop does not.
    expect(() =>
      expectSameBehaviour(
        'const src = [1, , 3];\nconst result: unknown[] = [];\nfor (let i = 0; i < src.length; i++) result.push(src[i] === undefined ? "hole" : src[i]);',
        'const src = [1, , 3];\nconst result = src.map((x) => (x === undefined ? "hole" : x));',
      ),
    ).toThrow();
  });
});
