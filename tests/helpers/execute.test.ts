import { describe, expect, it } from 'vitest';

import { execute, expectSameBehaviour } from './execute.js';

describe('execute', () => {
  it('records logs, the final result and errors, with types stripped', async () => {
    expect(await execute('const xs: number[] = [1, 2];\nconsole.log(xs.length, "ok");\nconst result = xs.map((x) => x * 2);')).toEqual({
      error: null,
      logs: ['2 ok'],
      result: [2, 4],
    });
    expect((await execute('throw new RangeError("nope");')).error).toBe('RangeError: nope');
  });

  it('keeps holes and undefined visible', async () => {
    expect((await execute('const result = new Array(2);')).result).toEqual(['«undefined»', '«undefined»']);
  });

  it('isolates runs', async () => {
    await execute('globalThis.leak = 1;');
    expect((await execute('const result = typeof (globalThis as any).leak;')).result).toBe('undefined');
  });

  it('awaits async code: a promised result, a rejection, and logs of async functions nobody awaited', async () => {
    expect(await execute('async function f() { await null; return [1, 2]; }\nconst result = f();')).toEqual({ error: null, logs: [], result: [1, 2] });
    expect((await execute('async function f() { await null; throw new TypeError("late"); }\nconst result = f();')).error).toBe('TypeError: late');
    expect((await execute('async function f() { await null; await null; console.log("done"); }\nf();')).logs).toEqual(['done']);
  });
});

describe('expectSameBehaviour', () => {
  it('passes for equivalent programs', async () => {
    await expectSameBehaviour(
      'const out: number[] = [];\nfor (const x of [1, 2, 3]) out.push(x * 2);\nconst result = out;',
      'const result = [1, 2, 3].map((x) => x * 2);',
    );
  });

  it('fails when the result, the logs or the error differ', async () => {
    await expect(expectSameBehaviour('const result = [1, 2];', 'const result = [1, 2, 3];')).rejects.toThrow();
    await expect(expectSameBehaviour('console.log(1);', 'console.log(2);')).rejects.toThrow();
    await expect(expectSameBehaviour('const result = 1;', 'const result = 1; throw new Error("x");')).rejects.toThrow();
    // An async function's result, and what it logs after an await, count too.
    await expect(expectSameBehaviour('const result = (async () => 1)();', 'const result = (async () => 2)();')).rejects.toThrow();
    await expect(
      expectSameBehaviour('(async () => { await null; console.log(1); })();', '(async () => { await null; console.log(2); })();'),
    ).rejects.toThrow();
    // Holes versus undefined: `.map` skips holes, an index loop does not.
    await expect(
      expectSameBehaviour(
        'const src = [1, , 3];\nconst result: unknown[] = [];\nfor (let i = 0; i < src.length; i++) result.push(src[i] === undefined ? "hole" : src[i]);',
        'const src = [1, , 3];\nconst result = src.map((x) => (x === undefined ? "hole" : x));',
      ),
    ).rejects.toThrow();
  });
});
