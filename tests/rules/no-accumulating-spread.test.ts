import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-accumulating-spread.js';
import rule from '../../src/rules/no-accumulating-spread.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { RuleCases } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
const cases = new RuleCases<MessageIds, Options>();

/** An invalid case reported at `copy`; its fix and suggestion outputs are also executed. */
function reported(
  name: string,
  code: string,
  copy: string,
  output: string | null,
  suggestion?: string,
): InvalidTestCase<MessageIds, Options> {
  const suggestions = suggestion === undefined ? [] : [{ messageId: 'suggestMutate' as const, output: suggestion }];
  return cases.invalid({ at: copy, code, messageId: 'accumulatingSpread', name, output, suggestions });
}

ruleTester.run('no-accumulating-spread', rule, {
  valid: [
    // Spreading something other than the accumulator (nested map callbacks, other arrays).
    'const xs = [[1], [2]];\nconst out = xs.reduce<number[][]>((acc, x) => { acc.push([...x, 0]); return acc; }, []);',
    'const rows = [{ a: 1 }];\nconst out = rows.map((row) => ({ ...row, b: 2 }));',
    // String#concat builds ropes: not quadratic, not this rule.
    'const xs = ["a"];\nlet s = "";\nfor (const x of xs) s = s.concat(x);',
    'const xs = ["a"];\nconst s = xs.reduce((acc, x) => acc.concat(x), "");',
    // A copy outside any loop, or of a fresh per-iteration value.
    'const base = [1];\nconst copy = [...base, 2];',
    'const xs = [1, 2];\nfor (const x of xs) { let acc: number[] = []; acc = [...acc, x]; console.log(acc); }',
    // reduce on a lookalike (RxJS-style) is not Array#reduce.
    'declare const stream: { reduce<T>(f: (acc: T, x: number) => T, seed: T): T };\nconst out = stream.reduce<number[]>((acc, x) => [...acc, x], []);',
    // The accumulator is read, not copied.
    'const xs = [1, 2];\nconst total = xs.reduce((acc, x) => acc + x, 0);',
  ],
  invalid: [
    reported(
      'reduce into an array: push and return',
      'const xs = [1, 2, 3];\nconst result = xs.reduce((acc, x) => [...acc, x * 2], [] as number[]);',
      '[...acc, x * 2]',
      'const xs = [1, 2, 3];\nconst result = xs.reduce((acc, x) => {\n  acc.push(x * 2);\n  return acc;\n}, [] as number[]);',
    ),
    reported(
      'reduceRight, several items and a spread of another array (a loop, never push(...x))',
      'const xs = [[1, 2], [3]];\nconst result = xs.reduceRight<number[]>((acc, x) => [...acc, x.length, ...x], []);',
      '[...acc, x.length, ...x]',
      'const xs = [[1, 2], [3]];\nconst result = xs.reduceRight<number[]>((acc, x) => {\n  acc.push(x.length);\n  for (const item of x) acc.push(item);\n  return acc;\n}, []);',
    ),
    reported(
      'reduce into an object by a string key: a suggestion (the key could be `__proto__`)',
      'const xs = [{ k: "a", v: 1 }, { k: "a", v: 2 }, { k: "b", v: 9 }];\nconst result = xs.reduce<Record<string, number>>((acc, x) => {\n  if (x.v > 5) return acc;\n  return { ...acc, [x.k]: (acc[x.k] ?? 0) + x.v };\n}, {});',
      '{ ...acc, [x.k]: (acc[x.k] ?? 0) + x.v }',
      null,
      'const xs = [{ k: "a", v: 1 }, { k: "a", v: 2 }, { k: "b", v: 9 }];\nconst result = xs.reduce<Record<string, number>>((acc, x) => {\n  if (x.v > 5) return acc;\n  acc[x.k] = (acc[x.k] ?? 0) + x.v;\n  return acc;\n}, {});',
    ),
    reported(
      'object literal keys and a spread of another object: a suggestion (a spread object could carry `__proto__`)',
      'const xs = [{ id: 1 }, { id: 2 }];\nconst result = xs.reduce((acc, x) => ({ ...acc, last: x.id, "with-dash": true, ...x }), {} as Record<string, unknown>);',
      '{ ...acc, last: x.id, "with-dash": true, ...x }',
      null,
      'const xs = [{ id: 1 }, { id: 2 }];\nconst result = xs.reduce((acc, x) => {\n  acc.last = x.id;\n  acc["with-dash"] = true;\n  Object.assign(acc, x);\n  return acc;\n}, {} as Record<string, unknown>);',
    ),
    reported(
      'Object.assign({}, acc, …) in a reducer keeps Object.assign, on acc',
      'const xs = [{ a: 1 }, { b: 2 }];\nconst result = xs.reduce((acc, x) => Object.assign({}, acc, x), {});',
      'Object.assign({}, acc, x)',
      'const xs = [{ a: 1 }, { b: 2 }];\nconst result = xs.reduce((acc, x) => {\n  Object.assign(acc, x);\n  return acc;\n}, {});',
    ),
    reported(
      'a seed from outside: the caller may hold it, so no fix',
      'const seed: number[] = [];\nconst xs = [1];\nconst result = xs.reduce((acc, x) => [...acc, x], seed);',
      '[...acc, x]',
      null,
    ),
    reported(
      'an intermediate accumulator escapes: no fix',
      'const xs = [1, 2];\nconst seen: number[][] = [];\nconst result = xs.reduce<number[]>((acc, x) => { seen.push(acc); return [...acc, x]; }, []);',
      '[...acc, x]',
      null,
    ),
    reported(
      'the accumulator last: a prepend, reported without a fix',
      'const xs = [1, 2];\nconst result = xs.reduce<number[]>((acc, x) => [x, ...acc], []);',
      '[x, ...acc]',
      null,
    ),
    reported(
      'a spread that is not first lets the accumulator win: no fix',
      'const xs = [{ k: "a" }];\nconst result = xs.reduce<Record<string, number>>((acc, x) => ({ [x.k]: 1, ...acc }), {});',
      '{ [x.k]: 1, ...acc }',
      null,
    ),
    reported(
      'a getter in the added properties: no fix',
      'const xs = [1];\nconst result = xs.reduce<object>((acc, x) => ({ ...acc, get n() { return x; } }), {});',
      '{ ...acc, get n() { return x; } }',
      null,
    ),
    reported(
      'a __proto__ key: no fix',
      'const xs = [1];\nconst result = xs.reduce<object>((acc, x) => ({ ...acc, __proto__: null }), {});',
      '{ ...acc, __proto__: null }',
      null,
    ),
    reported(
      'a later value reads the accumulator: no fix',
      'const xs = [1];\nconst result = xs.reduce<Record<string, number>>((acc, x) => ({ ...acc, a: x, b: Object.keys(acc).length }), {});',
      '{ ...acc, a: x, b: Object.keys(acc).length }',
      null,
    ),
    reported(
      'a loop accumulator rebound with concat of an array: a loop, as a suggestion (concat keeps holes)',
      'const chunks = [[1], [2, 3]];\nlet acc: number[] = [];\nfor (const chunk of chunks) {\n  acc = acc.concat(chunk);\n}\nconst result = acc;',
      'acc.concat(chunk)',
      null,
      'const chunks = [[1], [2, 3]];\nlet acc: number[] = [];\nfor (const chunk of chunks) {\n  for (const item of chunk) acc.push(item);\n}\nconst result = acc;',
    ),
    reported(
      'concat of a non-array value: push',
      'const xs = [1, 2];\nlet acc: number[] = [];\nfor (const x of xs) acc = acc.concat(x * 10);\nconst result = acc;',
      'acc.concat(x * 10)',
      'const xs = [1, 2];\nlet acc: number[] = [];\nfor (const x of xs) acc.push(x * 10);\nconst result = acc;',
    ),
    reported(
      'a forEach callback rebinding an outer accumulator',
      'const xs = [1, 2];\nlet acc: number[] = [];\nxs.forEach((x) => { acc = [...acc, x]; });\nconst result = acc;',
      '[...acc, x]',
      'const xs = [1, 2];\nlet acc: number[] = [];\nxs.forEach((x) => { acc.push(x); });\nconst result = acc;',
    ),
    reported(
      'Object.assign({}, acc, …) in a loop',
      'const xs = [1, 2];\nlet acc: Record<string, number> = {};\nfor (const x of xs) acc = Object.assign({}, acc, { [x]: x });\nconst result = acc;',
      'Object.assign({}, acc, { [x]: x })',
      'const xs = [1, 2];\nlet acc: Record<string, number> = {};\nfor (const x of xs) Object.assign(acc, { [x]: x });\nconst result = acc;',
    ),
    reported(
      'an object spread with two template keys in a braceless loop body gets braces (suggestion)',
      'const xs = [1, 2];\nlet acc: Record<string, number> = {};\nfor (const x of xs) acc = { ...acc, [`a${x}`]: x, [`b${x}`]: -x };\nconst result = acc;',
      '{ ...acc, [`a${x}`]: x, [`b${x}`]: -x }',
      null,
      'const xs = [1, 2];\nlet acc: Record<string, number> = {};\nfor (const x of xs) { acc[`a${x}`] = x; acc[`b${x}`] = -x; }\nconst result = acc;',
    ),
    reported(
      'a number key cannot be __proto__: fixed',
      'const xs = [3, 1, 3];\nconst result = xs.reduce<Record<number, number>>((acc, x) => ({ ...acc, [x]: (acc[x] ?? 0) + 1 }), {});',
      '{ ...acc, [x]: (acc[x] ?? 0) + 1 }',
      'const xs = [3, 1, 3];\nconst result = xs.reduce<Record<number, number>>((acc, x) => {\n  acc[x] = (acc[x] ?? 0) + 1;\n  return acc;\n}, {});',
    ),
    reported(
      'another return path returns an outside array: no fix',
      'const base = [0];\nconst xs = [1, 2];\nconst result = xs.reduce((acc, x) => { if (x === 1) return base; return [...acc, x]; }, [] as number[]);',
      '[...acc, x]',
      null,
    ),
    reported(
      'the accumulator parameter is reassigned: no fix',
      'const base = [0];\nconst xs = [1, 2];\nconst result = xs.reduce((acc, x) => { if (x === 1) acc = base; return [...acc, x]; }, [] as number[]);',
      '[...acc, x]',
      null,
    ),
    reported(
      'the first added value is the accumulator itself: no fix',
      'const ks = ["a", "b"];\nconst result = ks.reduce<Record<string, unknown>>((acc, k) => ({ ...acc, [k]: acc }), {});',
      '{ ...acc, [k]: acc }',
      null,
    ),
    reported(
      'an accumulator typed {} would not accept acc[k] = v: no fix',
      'const ks = ["a", "b"];\nconst result = ks.reduce((acc, k) => ({ ...acc, [k]: 1 }), {});',
      '{ ...acc, [k]: 1 }',
      null,
    ),
    reported(
      'a readonly array accumulator has no push: no fix',
      'const xs = [1];\nconst result = xs.reduce((acc, x) => [...acc, x], [] as readonly number[]);',
      '[...acc, x]',
      null,
    ),
    reported(
      'a conditional result is reported, not rewritten',
      'const xs = [1, 2];\nconst result = xs.reduce<number[]>((acc, x) => (x > 1 ? [...acc, x] : acc), []);',
      '[...acc, x]',
      null,
    ),
    reported(
      'an optional chain is reported, not rewritten',
      'const xs = [1, 2];\nlet acc: number[] | undefined = [];\nfor (const x of xs) acc = acc?.concat(x);',
      'acc?.concat(x)',
      null,
    ),
    reported(
      'a copy followed by an escape in the same loop: no fix',
      'const xs = [1, 2];\nconst snaps: object[] = [];\nlet acc: Record<string, number> = {};\nfor (const x of xs) { acc = Object.assign({}, acc, { [x]: 1 }); snaps.push(acc); }',
      'Object.assign({}, acc, { [x]: 1 })',
      null,
    ),
    reported(
      'an accumulator that starts as an array but is copied as an object: no fix',
      'const ks = ["a"];\nlet acc: any = [];\nfor (const k of ks) acc = { ...acc, [k]: 1 };',
      '{ ...acc, [k]: 1 }',
      null,
    ),
    reported(
      'concat of an object-typed value (it may be an array): no fix',
      'const xs: object[] = [[1], { a: 1 }];\nlet acc: unknown[] = [];\nfor (const x of xs) acc = acc.concat(x);',
      'acc.concat(x)',
      null,
    ),
    reported(
      'a loop that iterates the accumulator it grows: no fix',
      'let acc: number[] = [];\nacc = [...acc, 1, 2];\nfor (const x of acc) if (x < 100) acc = [...acc, x * 10];',
      '[...acc, x * 10]',
      null,
    ),
    reported(
      'a loop accumulator passed to a function before the loop ends: no fix',
      'const xs = [1, 2];\nlet acc: number[] = [];\nfor (const x of xs) { acc = [...acc, x]; console.log(acc); }',
      '[...acc, x]',
      null,
    ),
    reported(
      'a loop accumulator that starts as another array (aliasing): no fix',
      'const start = [0];\nconst xs = [1, 2];\nlet acc = start;\nfor (const x of xs) acc = [...acc, x];',
      '[...acc, x]',
      null,
    ),
    reported(
      'returned after the loop: still fixed (nobody held it during the loop)',
      'function build(xs: number[]) {\n  let acc: number[] = [];\n  for (const x of xs) acc = [...acc, x];\n  return acc;\n}\nconst result = build([1, 2]);',
      '[...acc, x]',
      'function build(xs: number[]) {\n  let acc: number[] = [];\n  for (const x of xs) acc.push(x);\n  return acc;\n}\nconst result = build([1, 2]);',
    ),
  ],
});

// The quadratic policy: reported wherever the size is unbounded (module level included), not over a
// small fixed set or on an error path; the strict options report those too.
const SMALL_REDUCE = 'export function pair(a: number, b: number) {\n  return [a, b].reduce<number[]>((acc, x) => [...acc, x * 2], []);\n}';
const IN_CATCH = 'export function collect(tasks: (() => void)[]) {\n  let errors: unknown[] = [];\n  for (const task of tasks) {\n    try { task(); } catch (error) { errors = [...errors, error]; }\n  }\n  return errors;\n}';
ruleTester.run('no-accumulating-spread: what repeats', rule, {
  valid: [
    SMALL_REDUCE,
    'export function keys(o: Record<string, number>) {\n  let acc: string[] = [];\n  for (let i = 0; i < 3; i++) acc = [...acc, String(o[i])];\n  return acc;\n}',
    IN_CATCH,
  ],
  invalid: [
    reported(
      'a small inner loop inside a loop over data: the outer loop is named',
      'export function flat(rows: number[][]) {\n  let acc: number[] = [];\n  for (const row of rows) {\n    for (const k of [0, 1]) acc = [...acc, row[k]!];\n  }\n  return acc;\n}\nconst result = flat([[1, 2], [3, 4]]);',
      '[...acc, row[k]!]',
      'export function flat(rows: number[][]) {\n  let acc: number[] = [];\n  for (const row of rows) {\n    for (const k of [0, 1]) acc.push(row[k]!);\n  }\n  return acc;\n}\nconst result = flat([[1, 2], [3, 4]]);',
    ),
    reported(
      'module level: a quadratic build costs wherever the size is unbounded',
      'const xs: number[] = JSON.parse("[1, 2, 3]");\nlet acc: number[] = [];\nfor (const x of xs) acc = [...acc, x];\nconst result = acc;',
      '[...acc, x]',
      'const xs: number[] = JSON.parse("[1, 2, 3]");\nlet acc: number[] = [];\nfor (const x of xs) acc.push(x);\nconst result = acc;',
    ),
    { ...reported('strict options: a small reduce', SMALL_REDUCE, '[...acc, x * 2]', null), options: [{ minIterations: 0, reportRareCode: true }], output: SMALL_REDUCE.replace('[...acc, x * 2], []', '{\n    acc.push(x * 2);\n    return acc;\n  }, []') },
    { ...reported('strict options: a catch block', IN_CATCH, '[...errors, error]', null), options: [{ minIterations: 0, reportRareCode: true }], output: IN_CATCH.replace('errors = [...errors, error];', 'errors.push(error);') },
  ],
});

cases.register('no-accumulating-spread');
