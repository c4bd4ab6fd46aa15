import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import type { ResultsFile } from '../../bench/harness.js';
import { smallCountLimit } from '../../bench/prefer-presized-array.bench.js';
import type { FrequencyModel, FrequencyOptions, Verdict } from '../../src/analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, getFrequencyModel, STRICT_FREQUENCY_OPTIONS } from '../../src/analysis/frequency.js';
import { findAll, withTypedContext } from '../helpers/lint.js';

/** Runs `probe` with the file's frequency model and the call `mark()` in `code`. */
function atMark<T>(code: string, probe: (model: FrequencyModel, mark: TSESTree.CallExpression) => T, options: Parameters<typeof withTypedContext>[2] = {}): T {
  let value: T | undefined;
  withTypedContext(
    `declare function mark(): void;\n${code}`,
    (context, program) => {
      const mark = findAll(program, AST_NODE_TYPES.CallExpression).find((node) => node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'mark')!;
      value = probe(getFrequencyModel(context), mark);
    },
    options,
  );
  return value as T;
}

const verdict = (code: string, options: FrequencyOptions = DEFAULT_FREQUENCY_OPTIONS, hot = false): Verdict =>
  atMark(code, (model, mark) => decide(model, mark, options, { hot, kind: 'constant' }));
const why = (code: string, options?: FrequencyOptions, hot?: boolean): string | null => {
  const result = verdict(code, options, hot);
  return result.report ? null : result.why;
};

describe('frequency model: per loop entry', () => {
  it.each([
    ['every iteration', 'export function f(xs: string[]) { for (const x of xs) { mark(); } }', [false]],
    ['a branch', 'export function f(xs: string[]) { for (const x of xs) { if (x) mark(); } }', [true]],
    ['the test of an if is evaluated every iteration', 'export function f(xs: string[]) { for (const x of xs) { if ((mark(), x)) continue; } }', [false]],
    ['the right operand of &&', 'export function f(xs: string[]) { for (const x of xs) x && mark(); }', [true]],
    ['a switch case', 'export function f(xs: string[]) { for (const x of xs) switch (x) { case "a": mark(); } }', [true]],
    ['a block that always breaks', 'export function f(xs: string[]) { for (const x of xs) { if (x) { mark(); break; } } }', []],
    ['a block that always returns', 'export function f(xs: string[]) { for (const x of xs) { if (x) { mark(); return; } } }', []],
    ['break of the inner loop: repeats with the outer', 'export function f(xs: string[][]) { for (const row of xs) for (const x of row) { mark(); break; } }', [false]],
    ['a labelled continue of the outer loop leaves the inner', 'export function f(xs: string[][]) { outer: for (const row of xs) for (const x of row) { mark(); continue outer; } }', [false]],
    ['an iteration callback', 'export function f(xs: string[]) { xs.forEach(() => mark()); }', [false]],
  ])('%s', (_, code, expected) => {
    expect(atMark(code, (model, mark) => model.repeatingLoops(mark).map((loop) => loop.conditional))).toEqual(expected);
  });
});

describe('frequency model: trip counts', () => {
  const trip = (code: string) => atMark(code, (model, mark) => {
    const [loop] = model.repeatingLoops(mark);
    return loop ? model.tripCount(loop.loop) : undefined;
  });
  it.each([
    ['a constant bound', 'export function f() { for (let i = 0; i < 4; i++) mark(); }', { count: 4, description: '`4` iterations' }],
    ['a module constant bound', 'const N = 8;\nexport function f() { for (let i = 0; i < N; i++) mark(); }', { count: 8, description: '`N` iterations' }],
    ['an array literal', 'export function f() { for (const k of ["a", "b", "c"]) mark(); }', { count: 3, description: 'the 3 elements of an array literal' }],
    ['an array literal as const, with a callback', 'export function f() { (["a", "b"] as const).forEach(() => mark()); }', { count: 2, description: 'the 2 elements of an array literal' }],
    ['a readonly tuple', 'export function f(pair: readonly [string, string]) { for (const s of pair) mark(); }', { count: 2, description: 'the 2 elements of a tuple' }],
    ['a parameter bound', 'export function f(n: number) { for (let i = 0; i < n; i++) mark(); }', null],
    ['an array parameter', 'export function f(xs: string[]) { for (const x of xs) mark(); }', null],
    ['a tuple with a rest element', 'export function f(xs: [string, ...string[]]) { for (const x of xs) mark(); }', null],
    ['an array literal with a spread', 'export function f(xs: string[]) { for (const x of ["a", ...xs]) mark(); }', null],
    ['a while loop', 'export function f(n: number) { while (n--) mark(); }', null],
  ])('%s', (_, code, expected) => {
    expect(trip(code)).toEqual(expected);
  });

  it('isSmall compares the trip count with minIterations', () => {
    const code = 'export function f() { for (let i = 0; i < 16; i++) mark(); }';
    expect(atMark(code, (model, mark) => [15, 16].map((n) => model.isSmall(model.repeatingLoops(mark)[0]!.loop, n)))).toEqual([false, true]);
  });

  it('defaults minIterations to the measured count up to which a push loop allocates one backing store', () => {
    const results = JSON.parse(readFileSync(new URL('../../bench/results.json', import.meta.url), 'utf8')) as ResultsFile;
    expect(DEFAULT_FREQUENCY_OPTIONS.minIterations).toBe(smallCountLimit(results.rules['prefer-presized-array']!));
    expect(verdict('export function f() { for (let i = 0; i < 17; i++) mark(); }')).toMatchObject({ report: false });
    expect(verdict('export function f() { for (let i = 0; i < 18; i++) mark(); }')).toMatchObject({ report: true });
  });
});

describe('frequency model: heat', () => {
  const heat = (code: string, options?: Parameters<typeof withTypedContext>[2]) => atMark(code, (model, mark) => model.heat(mark), options);
  it.each([
    ['module level', 'mark();', 'once', 'at module level, which runs once'],
    ['a factory (returns a function)', 'export function make() { mark(); return () => 1; }', 'once', 'in the factory `make`, which runs once to build the function it returns'],
    ['an arrow factory', 'export const make = () => { mark(); return function inner() {}; };', 'once', 'in the factory `make`, which runs once to build the function it returns'],
    ['a set-up name', 'export function registerPlugins() { mark(); }', 'once', 'in `registerPlugins`, set-up code that runs once'],
    ['setup alone', 'export function setup() { mark(); }', 'once', 'in `setup`, set-up code that runs once'],
    ['a name that only starts like one', 'export function initials() { mark(); }', 'unknown', ''],
    ['only called from module level', 'function build() { mark(); }\nbuild();', 'once', 'in `build`, which is only called from code that runs once'],
    ['called in a loop', 'function build() { mark(); }\nfor (const x of [1, 2]) build();', 'unknown', ''],
    ['passed on as a value', 'function build() { mark(); }\nsetTimeout(build);', 'unknown', ''],
    ['exported', 'export function build() { mark(); }\nbuild();', 'unknown', ''],
    ['an immediately invoked function at module level', 'export const widths = (() => { mark(); return new Map<string, number>(); })();', 'once', 'in a function called immediately by code that runs once'],
    ['a function only called from one', 'export const widths = (() => {\n  const width = (n: number) => { mark(); return n; };\n  return [width(1), width(2)];\n})();', 'once', 'in `width`, which is only called from code that runs once'],
    ['an immediately invoked function in a function that may run often', 'export function f() { return (function () { mark(); return 1; })(); }', 'unknown', ''],
    ['a callback of a module-level loop counts as module level', '[1, 2].forEach(() => mark());', 'once', 'at module level, which runs once'],
    ['lazy initialisation of a module binding', 'let re: RegExp | undefined;\nexport function f() { if (!re) { re = new RegExp("a"); mark(); } return re; }', 'once', 'behind the lazy-initialisation guard of `re`'],
    ['??= of a member', 'export class C { cache?: number; get() { return (this.cache ??= (mark(), 1)); } }', 'once', 'behind the lazy-initialisation guard of `this.cache`'],
    ['a local is not a cache', 'export function f() { let re: RegExp | undefined; if (!re) { re = /a/; mark(); } return re; }', 'unknown', ''],
  ])('%s', (_, code, kind, reason) => {
    expect(heat(code)).toMatchObject({ kind, reason });
  });

  it.each([['testing/scheduler.ts'], ['scheduler.test.ts'], ['scheduler.spec.ts'], ['__tests__/scheduler.ts']])('cold: test code (%s)', (filename) => {
    expect(heat('export function parse(s: string) { mark(); }', { filename, typed: false })).toEqual({ kind: 'cold', reason: 'in test code, which does not run in production' });
  });
  it.each([['contest.ts'], ['testable/x.ts'], ['bench/x.ts']])('not test code: %s', (filename) => {
    expect(heat('export function parse(s: string) { mark(); }', { filename, typed: false }).kind).toBe('unknown');
  });

  it('hot: the hot-path model (an @hot function)', () => {
    expect(heat('/** @hot */\nexport function f() { mark(); }')).toMatchObject({ kind: 'hot' });
  });
});

describe('frequency model: error paths and awaits', () => {
  it.each([
    ['a catch block', 'export function f() { try { JSON.parse(""); } catch { mark(); } }', 'it is in a `catch` block'],
    ['the value of a throw', 'export function f() { throw new Error(String(mark())); }', 'it builds the value of a `throw`'],
    ['a block that ends in throw', 'export function f(x: string) { if (!x) { mark(); throw new Error("no"); } }', 'its block ends in `throw`'],
    ['a try block is not', 'export function f() { try { mark(); } catch { return; } }', null],
  ])('%s', (_, code, expected) => {
    expect(atMark(code, (model, mark) => model.errorPath(mark))).toBe(expected);
  });

  it.each([
    ['await in the body', 'declare function save(): Promise<void>;\nexport async function f(xs: string[]) { for (const x of xs) { mark(); await save(); } }', true],
    ['for await', 'export async function f(xs: AsyncIterable<string>) { for await (const x of xs) mark(); }', true],
    ['await in a nested function does not count', 'export function f(xs: string[]) { for (const x of xs) { mark(); void (async () => { await 0; })(); } }', false],
    ['no await', 'export function f(xs: string[]) { for (const x of xs) mark(); }', false],
  ])('iterationAwaits: %s', (_, code, expected) => {
    expect(atMark(code, (model, mark) => model.iterationAwaits(model.repeatingLoops(mark)[0]!.loop))).toBe(expected);
  });
});

describe('decide: the constant-factor policy', () => {
  it('reports on every iteration of a loop over data, naming that loop', () => {
    const result = verdict('export function f(xs: string[]) { for (const x of xs) mark(); }');
    expect(result.report && result.loop?.loop.description).toBe('`for…of` loop at line 2');
  });
  it('names the loop that repeats, not the one the block leaves', () => {
    const result = verdict('export function f(rows: string[][]) { for (const row of rows) { for (const x of row) { mark(); break; } } }');
    expect(result.report && result.loop?.loop.node.type).toBe(AST_NODE_TYPES.ForOfStatement);
    expect(result.report && (result.loop?.loop.node as TSESTree.ForOfStatement).right.type).toBe(AST_NODE_TYPES.Identifier);
    expect(result.report && ((result.loop?.loop.node as TSESTree.ForOfStatement).right as TSESTree.Identifier).name).toBe('rows');
  });
  it.each([
    ['a small loop', 'export function f() { for (let i = 0; i < 4; i++) mark(); }', 'every loop around it is small'],
    ['no loop', 'export function f() { mark(); }', 'it does not repeat'],
    ['a block that always breaks', 'export function f(xs: string[]) { for (const x of xs) { mark(); break; } }', 'it does not repeat'],
    ['module level', 'declare const xs: string[];\nfor (const x of xs) mark();', 'runs once: at module level, which runs once'],
    ['an error path', 'export function f(xs: string[]) { for (const x of xs) if (!x) throw new Error(String(mark())); }', 'on an error path: it builds the value of a `throw`'],
    ['a catch block', 'export function f(xs: string[]) { for (const x of xs) try { JSON.parse(x); } catch { mark(); } }', 'on an error path: it is in a `catch` block'],
    ['an awaiting iteration', 'export async function f(xs: string[]) { for (const x of xs) { mark(); await 0; } }', 'each iteration awaits: the wait, not the allocation, is the cost'],
  ])('no report: %s', (_, code, expected) => {
    expect(why(code)).toBe(expected);
  });
  it.each([
    ['a small loop', 'export function f() { for (let i = 0; i < 4; i++) mark(); }'],
    ['module level', 'declare const xs: string[];\nfor (const x of xs) mark();'],
    ['a catch block', 'export function f(xs: string[]) { for (const x of xs) try { JSON.parse(x); } catch { mark(); } }'],
    ['an awaiting iteration', 'export async function f(xs: string[]) { for (const x of xs) { mark(); await 0; } }'],
  ])('the strict options report: %s', (_, code) => {
    expect(verdict(code, STRICT_FREQUENCY_OPTIONS).report).toBe(true);
  });
  it('minIterations is the threshold', () => {
    const code = 'export function f() { for (let i = 0; i < 20; i++) mark(); }';
    expect(verdict(code).report).toBe(true);
    expect(verdict(code, { ...DEFAULT_FREQUENCY_OPTIONS, minIterations: 20 }).report).toBe(false);
  });
  it('with hot, code without a loop reports in hot code only', () => {
    expect(verdict('/** @hot */\nexport function f() { mark(); }', DEFAULT_FREQUENCY_OPTIONS, true)).toMatchObject({ loop: null, report: true });
    expect(why('export function f() { mark(); }', DEFAULT_FREQUENCY_OPTIONS, true)).toBe('it does not repeat');
  });
});

describe('decide: the quadratic policy', () => {
  const quadratic = (code: string, options = DEFAULT_FREQUENCY_OPTIONS) =>
    atMark(code, (model, mark) => decide(model, mark, options, { kind: 'quadratic', loop: model.repeatingLoops(mark)[0]!.loop }));
  it('reports in once-code too: a quadratic build costs wherever the size is unbounded', () => {
    expect(quadratic('declare const xs: string[];\nfor (const x of xs) mark();').report).toBe(true);
  });
  it('not in a small loop', () => {
    expect(quadratic('export function f() { for (const k of ["a", "b"]) mark(); }')).toEqual({ report: false, why: 'the loop is small: the 2 elements of an array literal' });
  });
});

describe('decide: everyCall (a rule\'s strict breadth)', () => {
  const everyCall = (code: string, options: FrequencyOptions = DEFAULT_FREQUENCY_OPTIONS) =>
    atMark(code, (model, mark) => decide(model, mark, options, { everyCall: true, kind: 'constant' }));
  it('reports once per call of a plain function, where nothing else does', () => {
    expect(verdict('export function f() { mark(); }')).toMatchObject({ report: false, why: 'it does not repeat' });
    expect(everyCall('export function f() { mark(); }')).toEqual({ hot: null, loop: null, report: true });
  });
  it('still skips rare code unless reportRareCode', () => {
    expect(everyCall('mark();')).toMatchObject({ report: false });
    expect(everyCall('export function f(x: string) { if (!x) { mark(); throw new Error(x); } }')).toMatchObject({ report: false });
    expect(everyCall('mark();', STRICT_FREQUENCY_OPTIONS)).toMatchObject({ report: true });
  });
});
