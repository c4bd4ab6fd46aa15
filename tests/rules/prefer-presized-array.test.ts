import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import type { MessageIds, Options } from '../../src/rules/prefer-presized-array.js';
import rule from '../../src/rules/prefer-presized-array.js';
import { at, EVERY_LOOP, everyLoop, RuleCases } from '../helpers/cases.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

const EARLY_EXIT = 'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) { if (x > 2) break; out.push(x); }';
const TWO_LOOPS = 'const src = [1, 2];\nconst a: number[] = [];\nfor (const x of src) a.push(x);\nconst b: number[] = [];\nfor (const y of src) b.push(y);';

/** Every fixed or suggested output here is also executed against the original code. */
const cases = new RuleCases<MessageIds, Options>();

function fixed(
  name: string,
  code: string,
  push: string,
  output: string | null,
  suggestions: { messageId: MessageIds; output: string }[] = [],
  options?: Options,
): InvalidTestCase<MessageIds, Options> {
  return cases.invalid({ at: push, code, messageId: 'presize', name, options: options ?? [{}], output, suggestions });
}

// What the rule detects and how it fixes, with every loop in scope (EVERY_LOOP); the frequency
// policy with the default options is tested at the end.
ruleTester.run('prefer-presized-array', rule, {
  valid: everyLoop<ValidTestCase<Options>>([
    // The body writes the index through a `for…of` head: not a counted loop.
    'const src = [1];\nconst out: number[] = [];\nfor (let i = 0; i < src.length; i++) { out.push(src[i]!); for (i of [5]); }\nconst result = out;',
    // A local `Array` is not the built-in: `Array()` here returns `[0]`, not an empty array.
    'function Array() { return [0]; }\nconst src = [1, 2];\nconst out: number[] = Array();\nfor (const x of src) out.push(x);\nconst result = out;',
    'class Array { length = 0; push(x: number) { this.length += x; } }\nconst src = [1, 2];\nconst out = new Array();\nfor (const x of src) out.push(x);\nconst result = out;',
    // An unconstrained type parameter says nothing about its size.
    'function copy<T>(src: T, out: unknown[]) { const got: unknown[] = []; for (const x of src as Iterable<unknown>) got.push(x); return got; }',
    // Filled again on every outer iteration or call: the inner loop's count is not the array's size.
    'declare const groups: number[][];\nconst all: number[] = [];\nfor (const group of groups) {\n  for (const x of group) all.push(x);\n}',
    'declare const groups: number[][];\nconst all: number[] = [];\ngroups.forEach((group) => {\n  for (const x of group) all.push(x);\n});',
    'const all: number[] = [];\nexport function add(xs: number[]) {\n  for (const x of xs) all.push(x);\n}',
    // A conditional push is a filter: the size is not known.
    'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) if (x > 1) out.push(x);',
    // Loops that can end early (default `reportEarlyExits: false`; the deprecated `simple: true` says the same).
    { code: 'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) { if (x > 2) break; out.push(x); }', options: [{ simple: true }] },
    'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) { if (x > 2) break; out.push(x); }',
    'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) { if (x > 2) continue; out.push(x); }',
    'function f(src: number[]) {\n  const out: number[] = [];\n  for (const x of src) { if (x < 0) return []; out.push(x); }\n  return out;\n}',
    'const src = [1, 2, 3];\nconst out: number[] = [];\nsrc.forEach((x) => { if (x > 2) return; out.push(x); });',
    // Generators and unknown iterables have no size.
    'function* gen() { yield 1; }\nconst out: number[] = [];\nfor (const x of gen()) out.push(x);',
    'declare const it: Iterable<number>;\nconst out: number[] = [];\nfor (const x of it) out.push(x);',
    'declare const src: any;\nconst out: number[] = [];\nfor (const x of src) out.push(x);',
    // A lookalike with a size and an iterator is not a built-in Set.
    'declare const bag: { size: number; [Symbol.iterator](): Iterator<number> };\nconst out: number[] = [];\nfor (const x of bag) out.push(x);',
    'interface Fake { forEach(cb: (x: number) => void): void; length: number }\ndeclare const fake: Fake;\nconst out: number[] = [];\nfake.forEach((x) => out.push(x));',
    // for await.
    'async function f(src: number[]) {\n  const out: number[] = [];\n  for await (const x of src) out.push(x);\n}',
    // The array already has elements, or is touched before or inside the loop.
    'const src = [1, 2];\nconst out = [0];\nfor (const x of src) out.push(x);',
    'const src = [1, 2];\nconst out: number[] = [];\nout.push(0);\nfor (const x of src) out.push(x);',
    'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) { out.push(x + out.length); }',
    // Several elements per iteration, spreads, several pushes.
    'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) out.push(x, x);',
    'const src = [[1], [2]];\nconst out: number[] = [];\nfor (const x of src) out.push(...x);',
    'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) { out.push(x); out.push(x); }',
    // Counted loops whose trip count is not `bound`.
    'const out: number[] = [];\nfor (let i = 0; i <= 3; i++) out.push(i);',
    'const out: number[] = [];\nfor (let i = 0; i < 10; i += 2) out.push(i);',
    'const out: number[] = [];\nfor (let i = 0; i < 10; i++) { out.push(i); i++; }',
    'let n = 3;\nconst out: number[] = [];\nfor (let i = 0; i < n; i++) { out.push(i); n--; }',
    'const out: number[] = [];\nfor (let i = 1; i < 10; i++) out.push(i);',
    'declare const n: string;\nconst out: number[] = [];\nfor (let i = 0; i < (n as any); i++) out.push(i);',
    // forEach with a thisArg, an async callback, or on a non-array.
    'const src = [1, 2];\nconst out: number[] = [];\nsrc.forEach(function (x) { out.push(x); }, {});',
    'const src = [1, 2];\nconst out: number[] = [];\nsrc.forEach(async (x) => { out.push(x); });',
    'const src = new Set([1, 2]);\nconst out: number[] = [];\nsrc.forEach((x) => out.push(x));',
    // An array declared inside the loop.
    'const src = [[1], [2]];\nfor (const row of src) { const out: number[] = []; for (const x of row) { out.push(x); } console.log(out); }'.replace(
      'for (const x of row) { out.push(x); }',
      'out.push(row.length);',
    ),
    // Grown again after the loop (a second loop, a push): the count is not its final size.
    "const src = ['a'];\nconst out = [];\nfor (const x of src) out.push(x);\nout.push(5);",
    'export function outliers(sorted: number[], low: number, high: number) {\n  const out: number[] = [];\n  for (let i = 0; i < low; i++) out.push(sorted[i]!);\n  for (let i = high; i < sorted.length; i++) out.push(sorted[i]!);\n  return out;\n}',
    // Options turn loop kinds off.
    { code: 'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) out.push(x);', options: [{ rangeLoops: false }] },
    { code: 'const out: number[] = [];\nfor (let i = 0; i < 3; i++) out.push(i);', options: [{ forLoops: false }] },
  ]),
  invalid: everyLoop<InvalidTestCase<MessageIds, Options>>([
    // Written out, not executed: these suggestions change the result, which is why they are no autofix.
    {
      code: 'function Number(x: number) { src.pop(); return x; }\nconst src = [1, 2];\nconst out: number[] = [];\nfor (let i = 0; i < src.length; i++) out.push(Number(src[i]!));\nconst result = out;',
      errors: [{ ...at('function Number(x: number) { src.pop(); return x; }\nconst src = [1, 2];\nconst out: number[] = [];\nfor (let i = 0; i < src.length; i++) out.push(Number(src[i]!));\nconst result = out;', 'out.push(Number(src[i]!))'), messageId: 'presize', suggestions: [{ messageId: 'suggestPresize', output: 'function Number(x: number) { src.pop(); return x; }\nconst src = [1, 2];\nconst out: number[] = new Array(src.length);\nfor (let i = 0; i < src.length; i++) out[i] = Number(src[i]!);\nconst result = out;' }] }],
      name: 'a local function named Number is not the pure global: suggestion only',
      output: null,
    },
    {
      code: 'const src = [1];\nconst out: number[] = [];\nfor (const x of src) { for (src.length of [3]); out.push(x); }\nconst result = out;',
      errors: [{ ...at('const src = [1];\nconst out: number[] = [];\nfor (const x of src) { for (src.length of [3]); out.push(x); }\nconst result = out;', 'out.push(x)'), messageId: 'presize', suggestions: [{ messageId: 'suggestPresize', output: 'const src = [1];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) { for (src.length of [3]); out[i++] = x; }\nconst result = out;' }] }],
      name: 'a for…of head that writes the source: suggestion only',
      output: null,
    },
    fixed(
      'for…of over an array, pure body',
      'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) out.push(x * 2);\nconst result = out;',
      'out.push(x * 2)',
      'const src = [1, 2, 3];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) out[i++] = x * 2;\nconst result = out;',
      [
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2, 3];\nconst out: number[] = src.map((x) => x * 2);\nconst result = out;',
        },
      ],
    ),
    fixed(
      'a type parameter constrained to an array is a sized source',
      'function double<T extends number[]>(src: T): number[] {\n  const out: number[] = [];\n  for (const x of src) out.push(x * 2);\n  return out;\n}\nconst result = double([1, 2, 3]);',
      'out.push(x * 2)',
      'function double<T extends number[]>(src: T): number[] {\n  const out: number[] = new Array(src.length);\n  let i = 0;\n  for (const x of src) out[i++] = x * 2;\n  return out;\n}\nconst result = double([1, 2, 3]);',
      [
        {
          messageId: 'suggestMap',
          output: 'function double<T extends number[]>(src: T): number[] {\n  const out: number[] = src.map((x) => x * 2);\n  return out;\n}\nconst result = double([1, 2, 3]);',
        },
      ],
    ),
    fixed(
      'untyped array keeps its element type; const locals in the body; a free counter name',
      'const src = [1, 2, 3];\nconst i = 10;\nconst out = [];\nfor (const x of src) {\n  const y = x + i;\n  out.push({ y });\n}\nconst result = out;',
      'out.push({ y })',
      'const src = [1, 2, 3];\nconst i = 10;\nconst out = new Array<{ y: number; }>(src.length);\nlet index = 0;\nfor (const x of src) {\n  const y = x + i;\n  out[index++] = { y };\n}\nconst result = out;',
      [
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2, 3];\nconst i = 10;\nconst out = src.map((x) => {\n  const y = x + i;\n  return { y };\n});\nconst result = out;',
        },
      ],
    ),
    fixed(
      'a break that leaves a switch does not end the loop early',
      'const src = [1, 2, 3];\nconst out: number[] = [];\nfor (const x of src) { switch (x) { case 1: break; } out.push(x); }\nconst result = out;',
      'out.push(x)',
      'const src = [1, 2, 3];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) { switch (x) { case 1: break; } out[i++] = x; }\nconst result = out;',
      // No map suggestion: only `const` declarations can move into a callback mechanically.
      [],
    ),
    fixed(
      'a Set, with a call in the body: suggestion only',
      "const src = new Set(['a', 'b']);\nconst label = (v: string) => v.toUpperCase();\nconst out: string[] = [];\nfor (const x of src) out.push(label(x));\nconst result = out;",
      'out.push(label(x))',
      null,
      [
        {
          messageId: 'suggestPresize',
          output: "const src = new Set(['a', 'b']);\nconst label = (v: string) => v.toUpperCase();\nconst out: string[] = new Array(src.size);\nlet i = 0;\nfor (const x of src) out[i++] = label(x);\nconst result = out;",
        },
      ],
    ),
    fixed(
      "a Map's values()",
      "const m = new Map([['a', 1], ['b', 2]]);\nconst out: number[] = [];\nfor (const v of m.values()) out.push(v + 1);\nconst result = out;",
      'out.push(v + 1)',
      "const m = new Map([['a', 1], ['b', 2]]);\nconst out: number[] = new Array(m.size);\nlet i = 0;\nfor (const v of m.values()) out[i++] = v + 1;\nconst result = out;",
    ),
    fixed(
      'a Map, destructured entries',
      "const m = new Map([['a', 1], ['b', 2]]);\nconst out: string[] = [];\nfor (const [k, v] of m) out.push(`${k}=${v}`);\nconst result = out;",
      'out.push(`${k}=${v}`)',
      "const m = new Map([['a', 1], ['b', 2]]);\nconst out: string[] = new Array(m.size);\nlet i = 0;\nfor (const [k, v] of m) out[i++] = `${k}=${v}`;\nconst result = out;",
    ),
    fixed(
      'a typed array (never `.map`, which would return a typed array)',
      'const src = new Float64Array([1.5, 2.5]);\nconst out: number[] = [];\nfor (const x of src) out.push(Math.round(x));\nconst result = out;',
      'out.push(Math.round(x))',
      'const src = new Float64Array([1.5, 2.5]);\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) out[i++] = Math.round(x);\nconst result = out;',
    ),
    fixed(
      'a tuple',
      "const pair: [string, string] = ['a', 'b'];\nconst out: string[] = [];\nfor (const x of pair) out.push(x + '!');\nconst result = out;",
      "out.push(x + '!')",
      "const pair: [string, string] = ['a', 'b'];\nconst out: string[] = new Array(pair.length);\nlet i = 0;\nfor (const x of pair) out[i++] = x + '!';\nconst result = out;",
      [
        {
          messageId: 'suggestMap',
          output: "const pair: [string, string] = ['a', 'b'];\nconst out: string[] = pair.map((x) => x + '!');\nconst result = out;",
        },
      ],
    ),
    fixed(
      'a counted loop up to an array length reuses the index',
      "const src = ['a', 'bb'];\nconst out: number[] = [];\nfor (let i = 0; i < src.length; i++) out.push(src[i]!.length);\nconst result = out;",
      'out.push(src[i]!.length)',
      "const src = ['a', 'bb'];\nconst out: number[] = new Array(src.length);\nfor (let i = 0; i < src.length; i++) out[i] = src[i]!.length;\nconst result = out;",
    ),
    fixed(
      'a counted loop up to a literal, written `n > i`',
      'const out: number[] = [];\nfor (let i = 0; 3 > i; ++i) {\n  out.push(i * i);\n}\nconst result = out;',
      'out.push(i * i)',
      'const out: number[] = new Array(3);\nfor (let i = 0; 3 > i; ++i) {\n  out[i] = i * i;\n}\nconst result = out;',
    ),
    fixed(
      'a counted loop up to a number that may not be an integer: suggestion',
      'function squares(n: number) {\n  const out: number[] = [];\n  for (let i = 0; i < n; i++) out.push(i * i);\n  return out;\n}\nconst result = squares(4);',
      'out.push(i * i)',
      null,
      [
        {
          messageId: 'suggestPresize',
          output: 'function squares(n: number) {\n  const out: number[] = new Array(n);\n  for (let i = 0; i < n; i++) out[i] = i * i;\n  return out;\n}\nconst result = squares(4);',
        },
      ],
    ),
    fixed(
      'forEach: only the map suggestion (forEach skips holes)',
      'const src = [1, 2, 3];\nconst out: string[] = [];\nsrc.forEach((x, i) => out.push(`${i}:${x}`));\nconst result = out;',
      'out.push(`${i}:${x}`)',
      null,
      [
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2, 3];\nconst out: string[] = src.map((x, i) => `${i}:${x}`);\nconst result = out;',
        },
      ],
    ),
    fixed(
      'a labelled loop: the counter goes before the label',
      'const src = [1, 2];\nconst out: number[] = [];\nouter: for (const x of src) out.push(x);\nconst result = out;',
      'out.push(x)',
      'const src = [1, 2];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nouter: for (const x of src) out[i++] = x;\nconst result = out;',
      [],
    ),
    fixed(
      'let is kept, and `[] as T[]` keeps its assertion',
      'const src = [1, 2];\nlet out = [] as number[];\nfor (const x of src) out.push(x);\nout = out.concat([3]);\nconst result = out;',
      'out.push(x)',
      'const src = [1, 2];\nlet out = new Array(src.length) as number[];\nlet i = 0;\nfor (const x of src) out[i++] = x;\nout = out.concat([3]);\nconst result = out;',
      [
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2];\nlet out = src.map((x) => x) as number[];\nout = out.concat([3]);\nconst result = out;',
        },
      ],
    ),
    fixed(
      'Array.of() and new Array() start empty too',
      'const src = [1, 2];\nconst out = Array.of<number>();\nfor (const x of src) out.push(x);\nconst result = out;',
      'out.push(x)',
      'const src = [1, 2];\nconst out = new Array<number>(src.length);\nlet i = 0;\nfor (const x of src) out[i++] = x;\nconst result = out;',
      [
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2];\nconst out = src.map((x) => x);\nconst result = out;',
        },
      ],
    ),
    fixed(
      'captured by a closure: suggestion only',
      'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) out.push(x);\nconst read = () => out.length;\nconst result = read();',
      'out.push(x)',
      null,
      [
        {
          messageId: 'suggestPresize',
          output: 'const src = [1, 2];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) out[i++] = x;\nconst read = () => out.length;\nconst result = read();',
        },
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2];\nconst out: number[] = src.map((x) => x);\nconst read = () => out.length;\nconst result = read();',
        },
      ],
    ),
    fixed(
      'inside try: suggestion only',
      'let result: number[] = [];\ntry {\n  const src = [1, 2];\n  const out: number[] = [];\n  for (const x of src) out.push(x);\n  result = out;\n} catch {}',
      'out.push(x)',
      null,
      [
        {
          messageId: 'suggestPresize',
          output: 'let result: number[] = [];\ntry {\n  const src = [1, 2];\n  const out: number[] = new Array(src.length);\n  let i = 0;\n  for (const x of src) out[i++] = x;\n  result = out;\n} catch {}',
        },
        {
          messageId: 'suggestMap',
          output: 'let result: number[] = [];\ntry {\n  const src = [1, 2];\n  const out: number[] = src.map((x) => x);\n  result = out;\n} catch {}',
        },
      ],
    ),
    fixed(
      'a comment inside the push: reported, nothing offered',
      'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) out.push(/* doubled */ x * 2);',
      'out.push(/* doubled */ x * 2)',
      null,
      [],
    ),
    fixed(
      'a statement between the declaration and the loop: reported, nothing offered',
      "const src = [1, 2];\nconst out: number[] = [];\nconsole.log('start');\nfor (const x of src) out.push(x);",
      'out.push(x)',
      null,
      [],
    ),
    fixed(
      'await in the body: suggestion only, and no map callback (an arrow cannot await for it)',
      'async function f(src: number[], g: (x: number) => Promise<number>) {\n  const out: number[] = [];\n  for (const x of src) out.push(await g(x));\n  return out;\n}\nconst result = f([1, 2, 3], async (x) => x * 2);',
      'out.push(await g(x))',
      null,
      [
        {
          messageId: 'suggestPresize',
          output: 'async function f(src: number[], g: (x: number) => Promise<number>) {\n  const out: number[] = new Array(src.length);\n  let i = 0;\n  for (const x of src) out[i++] = await g(x);\n  return out;\n}\nconst result = f([1, 2, 3], async (x) => x * 2);',
        },
      ],
    ),
    fixed(
      'a `var` loop binding may be used after the loop: no map suggestion',
      'const src = [1, 2];\nconst out: number[] = [];\nfor (var x of src) out.push(x);\nconst result = [out, x];',
      'out.push(x)',
      'const src = [1, 2];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (var x of src) out[i++] = x;\nconst result = [out, x];',
      [],
    ),
    fixed(
      'a forEach function that uses `arguments`: no map suggestion',
      'const src = [1, 2];\nconst out: number[] = [];\nsrc.forEach(function (x) { out.push(arguments.length + x); });',
      'out.push(arguments.length + x)',
      null,
      [],
    ),
    {
      // Two counters in one block would clash in a single pass: the fixes conflict on purpose and
      // ESLint applies the second in the next pass, which sees the first counter's name.
      code: TWO_LOOPS,
      errors: [
        { ...at(TWO_LOOPS, 'a.push(x)'), messageId: 'presize', suggestions: [{ messageId: 'suggestMap', output: 'const src = [1, 2];\nconst a: number[] = src.map((x) => x);\nconst b: number[] = [];\nfor (const y of src) b.push(y);' }] },
        { ...at(TWO_LOOPS, 'b.push(y)'), messageId: 'presize', suggestions: [{ messageId: 'suggestMap', output: 'const src = [1, 2];\nconst a: number[] = [];\nfor (const x of src) a.push(x);\nconst b: number[] = src.map((y) => y);' }] },
      ],
      name: 'two loops in one block get distinct counters, over two passes',
      output: [
        'const src = [1, 2];\nconst a: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) a[i++] = x;\nconst b: number[] = [];\nfor (const y of src) b.push(y);',
        'const src = [1, 2];\nconst a: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) a[i++] = x;\nconst b: number[] = new Array(src.length);\nlet index = 0;\nfor (const y of src) b[index++] = y;',
      ],
    },
    fixed(
      'a loop that is the body of an if: nothing offered (the declaration does not precede the loop)',
      'const src = [1, 2];\nconst c = Math.random() > 2;\nconst out: number[] = [];\nif (c) for (const x of src) out.push(x);',
      'out.push(x)',
      null,
      [],
    ),
    fixed(
      'a counted loop whose index is shadowed in the body: no fix',
      "const src = [1, 2];\nconst out: string[] = [];\nfor (let i = 0; i < src.length; i++) { const i = 'k'; out.push(i); }",
      'out.push(i)',
      null,
      [],
    ),
    fixed(
      'a type declared in the loop body cannot be named at the declaration',
      "const src = ['a'];\nconst out = [];\nfor (const x of src) {\n  interface Row { b: string }\n  const y: Row = { b: x };\n  out.push(y);\n}",
      'out.push(y)',
      null,
      [],
    ),
    fixed(
      'a comma expression keeps its parentheses in the map callback',
      'const src = [1, 2];\nconst out: number[] = [];\nfor (const x of src) out.push((x, x + 1));\nconst result = out;',
      'out.push((x, x + 1))',
      'const src = [1, 2];\nconst out: number[] = new Array(src.length);\nlet i = 0;\nfor (const x of src) out[i++] = (x, x + 1);\nconst result = out;',
      [
        {
          messageId: 'suggestMap',
          output: 'const src = [1, 2];\nconst out: number[] = src.map((x) => (x, x + 1));\nconst result = out;',
        },
      ],
    ),
    ...(
      [
        ['reportEarlyExits: true reports loops that can end early, without a fix', { reportEarlyExits: true }],
        // The deprecated name keeps working: `simple: false` is `reportEarlyExits: true`.
        ['the deprecated simple: false does the same', { simple: false }],
        ['simple: false turns it on even beside reportEarlyExits: false', { reportEarlyExits: false, simple: false }],
      ] satisfies [string, Options[0]][]
    ).map(([name, options]): InvalidTestCase<MessageIds, Options> => ({
      code: EARLY_EXIT,
      errors: [{ ...at(EARLY_EXIT, 'out.push(x)'), messageId: 'presizeWithExit' }],
      name,
      options: [options],
      output: null,
    })),
  ]),
});

// The frequency policy, default options: both sides of each class.
const BRANCHES = 'export function rowsOf(rows: number[][], n: number, copy: boolean) {\n  const out: number[][] = [];\n  if (copy) {\n    for (let i = 0; i < n; i++) out.push(rows[i]!);\n  } else {\n    for (let i = 0; i < n; i++) out.push([]);\n  }\n  return out;\n}';
const IN_FUNCTION = 'export function copy(src: number[]) {\n  const out: number[] = [];\n  for (const x of src) out.push(x * 2);\n  return out;\n}';
ruleTester.run('prefer-presized-array: what repeats (default options)', rule, {
  valid: [
    // Module level runs once.
    'declare const src: number[];\nconst out: number[] = [];\nfor (const x of src) out.push(x * 2);',
    // A small constant loop.
    'export function f() {\n  const out: number[] = [];\n  for (let i = 0; i < 8; i++) out.push(i * 2);\n  return out;\n}',
    'export function f(pair: readonly [number, number]) {\n  const out: number[] = [];\n  for (const x of pair) out.push(x * 2);\n  return out;\n}',
    // A factory's outer body, and set-up code.
    'export function makeLookup(src: number[]) {\n  const out: number[] = [];\n  for (const x of src) out.push(x * 2);\n  return (i: number) => out[i];\n}',
    'export function registerAll(src: number[]) {\n  const out: number[] = [];\n  for (const x of src) out.push(x * 2);\n  return out;\n}',
    // Each iteration awaits.
    'declare function load(x: number): Promise<number>;\nexport async function f(src: number[]) {\n  const out: number[] = [];\n  for (const x of src) out.push(await load(x));\n  return out;\n}',
    // An error path.
    'export function f(src: number[]) {\n  try { return src.map(Number); } catch {\n    const out: number[] = [];\n    for (const x of src) out.push(x);\n    return out;\n  }\n}',
  ],
  invalid: [
    {
      // A push loop in the other branch of an `if` does not follow this one: the count is its final size.
      code: BRANCHES,
      errors: [{ ...at(BRANCHES, 'out.push(rows[i]!)'), messageId: 'presize', suggestions: [] }],
      name: 'a second push loop in the else branch',
      output: null,
    },
    {
      code: IN_FUNCTION,
      errors: [{ ...at(IN_FUNCTION, 'out.push(x * 2)'), messageId: 'presize', suggestions: [{ messageId: 'suggestMap', output: 'export function copy(src: number[]) {\n  const out: number[] = src.map((x) => x * 2);\n  return out;\n}' }] }],
      name: 'a loop over a parameter of unknown size, in a function that may run often',
      output: 'export function copy(src: number[]) {\n  const out: number[] = new Array(src.length);\n  let i = 0;\n  for (const x of src) out[i++] = x * 2;\n  return out;\n}',
    },
    ...everyLoop<InvalidTestCase<MessageIds, Options>>([
      { code: 'export function f() {\n  const out: number[] = [];\n  for (let i = 0; i < 8; i++) out.push(i * 2);\n  return out;\n}', errors: [{ messageId: 'presize' as const }], name: 'strict options: a small loop', output: 'export function f() {\n  const out: number[] = new Array(8);\n  for (let i = 0; i < 8; i++) out[i] = i * 2;\n  return out;\n}' },
      { code: 'export function registerAll(src: number[]) {\n  const out: number[] = [];\n  for (const x of src) out.push(x * 2);\n  return out;\n}', errors: [{ messageId: 'presize' as const, suggestions: [{ messageId: 'suggestMap' as const, output: 'export function registerAll(src: number[]) {\n  const out: number[] = src.map((x) => x * 2);\n  return out;\n}' }] }], name: 'strict options: set-up code', output: 'export function registerAll(src: number[]) {\n  const out: number[] = new Array(src.length);\n  let i = 0;\n  for (const x of src) out[i++] = x * 2;\n  return out;\n}' },
    ]),
  ],
});

// `const xs = Array.from({ length: n }, fn)`: the arrayFrom report, default options (the code sits in
// exported functions, which may run often).
function fromLength(
  name: string,
  code: string,
  output: string | null,
  suggestion?: string,
  options?: Options,
): InvalidTestCase<MessageIds, Options> {
  // The whole call: from `Array.from(` to its matching parenthesis.
  const start = code.indexOf('Array.from(');
  let end = start + 'Array.from'.length;
  for (let depth = 0; ; end++) {
    if (code[end] === '(') depth++;
    if (code[end] === ')' && --depth === 0) break;
  }
  const snippet = code.slice(start, end + 1);
  return cases.invalid({
    at: snippet,
    code,
    messageId: 'arrayFromLength',
    name,
    options,
    output,
    suggestions: suggestion === undefined ? [] : [{ messageId: 'suggestPresize', output: suggestion }],
  });
}

const ARROW = 'export function double(src: number[]) {\n  const out = Array.from({ length: src.length }, (_, i) => src[i]! * 2);\n  return out;\n}\nconst result = double([1, 2, 3]);';
const ARROW_FIXED = 'export function double(src: number[]) {\n  const out = new Array<number>(src.length);\n  for (let i = 0; i < out.length; i++) out[i] = src[i]! * 2;\n  return out;\n}\nconst result = double([1, 2, 3]);';
ruleTester.run('prefer-presized-array: Array.from({ length })', rule, {
  valid: [
    // Module level runs once; a small constant length is a small fixed loop.
    'export const grid = Array.from({ length: 100 }, (_, i) => i * 2);',
    'export function f() {\n  const xs = Array.from({ length: 8 }, (_, i) => i * 2);\n  return xs;\n}',
    'const N = 4;\nexport function f() {\n  const xs = Array.from({ length: N }, (_, i) => i * 2);\n  return xs;\n}',
    // A helper of a module-level IIFE runs once, at start-up (apache-arrow's arrow2csv.ts).
    'export const widths = (() => {\n  const width = (bytes: number) => {\n    const octets = Array.from({ length: bytes - 1 }, () => 255);\n    return octets.length;\n  };\n  return [width(1), width(2), width(4), width(8)];\n})();',
    // Set-up code, a factory's outer body, an error path, test code.
    'export function initTable(n: number) {\n  const xs = Array.from({ length: n }, (_, i) => i * 2);\n  return xs;\n}',
    'export function makeLookup(n: number) {\n  const xs = Array.from({ length: n }, (_, i) => i * 2);\n  return (k: number) => xs[k];\n}',
    'export function f(n: number) {\n  try { return [n]; } catch {\n    const xs = Array.from({ length: n }, (_, i) => i * 2);\n    return xs;\n  }\n}',
    // The option is off.
    { code: 'export function f(n: number) {\n  const xs = Array.from({ length: n }, (_, i) => i * 2);\n  return xs;\n}', options: [{ arrayFrom: false }] },
    // Not a statement position the rewrite fits: a return value, an argument, an assignment.
    'export function f(n: number) {\n  return Array.from({ length: n }, (_, i) => i * 2);\n}',
    'export function f(n: number) {\n  console.log(Array.from({ length: n }, (_, i) => i * 2));\n}',
    'export function f(n: number) {\n  let xs: number[] = [];\n  xs = Array.from({ length: n }, (_, i) => i * 2);\n  return xs;\n}',
    'export function f(n: number) {\n  const a = 1, xs = Array.from({ length: n }, (_, i) => i * a);\n  return xs;\n}',
    // Lookalikes: a shadowed `Array`, a user object with a `from` method.
    'export function f(Array: { from(o: { length: number }, fn: (v: unknown, i: number) => number): number[] }, n: number) {\n  const xs = Array.from({ length: n }, (_, i) => i);\n  return xs;\n}',
    'declare const Rows: { from(o: { length: number }, fn: (v: unknown, i: number) => number): number[] };\nexport function f(n: number) {\n  const xs = Rows.from({ length: n }, (_, i) => i);\n  return xs;\n}',
    // Not a plain `{ length }`: a string or `any` length (new Array(s) would hold it), a getter, other
    // properties, a spread; a callback that is not written inline, async or a generator; a `thisArg`.
    'export function f(s: string) {\n  const xs = Array.from({ length: s as unknown as number & string }, (_, i) => i);\n  return xs;\n}',
    'export function f(n: any) {\n  const xs = Array.from({ length: n }, (_, i) => i);\n  return xs;\n}',
    'export function f(n: number) {\n  const xs = Array.from({ get length() { return n; } }, (_, i) => i);\n  return xs;\n}',
    "export function f(n: number) {\n  const xs = Array.from({ length: n, 0: 'a' }, (v, i) => v ?? i);\n  return xs;\n}",
    'export function f(o: { length: number }) {\n  const xs = Array.from({ ...o }, (_, i) => i);\n  return xs;\n}',
    'const make = (_: unknown, i: number) => i * 2;\nexport function f(n: number) {\n  const xs = Array.from({ length: n }, make);\n  return xs;\n}',
    'export function f(n: number) {\n  const xs = Array.from({ length: n }, async (_, i) => i);\n  return xs;\n}',
    'export function f(n: number) {\n  const xs = Array.from({ length: n }, function* () { yield 1; });\n  return xs;\n}',
    'export function f(n: number, self: object) {\n  const xs = Array.from({ length: n }, function (this: object, _, i) { return i; }, self);\n  return xs;\n}',
    // Without a callback, or from a real iterable.
    'export function f(n: number) {\n  const xs = Array.from({ length: n });\n  return xs;\n}',
    'export function f(src: number[]) {\n  const xs = Array.from(src, (x) => x * 2);\n  return xs;\n}',
  ],
  invalid: [
    fromLength('an arrow expression body, a length of an array: autofix', ARROW, ARROW_FIXED),
    fromLength(
      'in a loop, a block body that ends in its return',
      "export function table(rows: string[][]) {\n  for (const row of rows) {\n    const cells = Array.from({ length: row.length }, (_, c) => {\n      const cell = row[c]!;\n      return cell.toUpperCase();\n    });\n    console.log(cells.join('|'));\n  }\n}\ntable([['a', 'b'], ['c']]);",
      "export function table(rows: string[][]) {\n  for (const row of rows) {\n    const cells = new Array<string>(row.length);\n    for (let c = 0; c < cells.length; c++) {\n      const cell = row[c]!;\n      cells[c] = cell.toUpperCase();\n    }\n    console.log(cells.join('|'));\n  }\n}\ntable([['a', 'b'], ['c']]);",
    ),
    fromLength(
      'a length that may not be a non-negative integer: suggestion (Array.from truncates, new Array throws)',
      'export function squares(n: number) {\n  const xs = Array.from({ length: n }, (_, i) => i * i);\n  return xs;\n}\nconst result = [squares(4), squares(0)];',
      null,
      'export function squares(n: number) {\n  const xs = new Array<number>(n);\n  for (let i = 0; i < xs.length; i++) xs[i] = i * i;\n  return xs;\n}\nconst result = [squares(4), squares(0)];',
    ),
    fromLength(
      'an annotated declaration, a function expression, no index parameter: a fresh counter',
      "export function blanks(s: string, i: number) {\n  const xs: string[] = Array.from({ length: s.length }, function () {\n    return '-'.repeat(i);\n  });\n  return xs;\n}\nconst result = blanks('abc', 2);",
      "export function blanks(s: string, i: number) {\n  const xs: string[] = new Array(s.length);\n  for (let index = 0; index < xs.length; index++) {\n    xs[index] = '-'.repeat(i);\n  }\n  return xs;\n}\nconst result = blanks('abc', 2);",
    ),
    fromLength(
      'an assertion around the call, `let`, a shorthand `length` of a Set size in a file without semicolons',
      'export function ids(set: Set<string>) {\n  const length = set.size\n  let xs = Array.from({ length }, (_, i) => ({ id: i })) as { id: number }[]\n  return xs\n}\nconst result = ids(new Set([\'a\', \'b\']))',
      null,
      'export function ids(set: Set<string>) {\n  const length = set.size\n  let xs = new Array(length) as { id: number }[]\n  for (let i = 0; i < xs.length; i++) xs[i] = { id: i }\n  return xs\n}\nconst result = ids(new Set([\'a\', \'b\']))',
    ),
    fromLength(
      '`satisfies` keeps the element type argument',
      'export function f(src: number[]) {\n  const xs = Array.from({ length: src.length }, (_, i) => i) satisfies number[];\n  return xs;\n}\nconst result = f([5, 6]);',
      'export function f(src: number[]) {\n  const xs = new Array<number>(src.length) satisfies number[];\n  for (let i = 0; i < xs.length; i++) xs[i] = i;\n  return xs;\n}\nconst result = f([5, 6]);',
    ),
    fromLength(
      'a trailing comment stays on the declaration',
      'export function f(src: number[]) {\n  const xs = Array.from({ length: src.length }, (_, i) => i); // indexes\n  return xs;\n}\nconst result = f([5, 6]);',
      'export function f(src: number[]) {\n  const xs = new Array<number>(src.length); // indexes\n  for (let i = 0; i < xs.length; i++) xs[i] = i;\n  return xs;\n}\nconst result = f([5, 6]);',
    ),
    fromLength(
      'used by a closure: suggestion',
      'export function f(src: number[]) {\n  const xs = Array.from({ length: src.length }, (_, i) => src[i]! + 1);\n  const read = () => xs[0];\n  return read();\n}\nconst result = f([5, 6]);',
      null,
      'export function f(src: number[]) {\n  const xs = new Array<number>(src.length);\n  for (let i = 0; i < xs.length; i++) xs[i] = src[i]! + 1;\n  const read = () => xs[0];\n  return read();\n}\nconst result = f([5, 6]);',
    ),
    fromLength(
      'an arrow that reads `this`: the loop keeps the same lexical `this`',
      'export class Grid {\n  size = 3;\n  cells() {\n    const xs = Array.from({ length: this.size }, (_, i) => i * this.size);\n    return xs;\n  }\n}\nconst result = new Grid().cells();',
      null,
      'export class Grid {\n  size = 3;\n  cells() {\n    const xs = new Array<number>(this.size);\n    for (let i = 0; i < xs.length; i++) xs[i] = i * this.size;\n    return xs;\n  }\n}\nconst result = new Grid().cells();',
    ),
    fromLength(
      'strict options: exported at module level, suggestion',
      'const src = [1, 2];\nexport const xs = Array.from({ length: src.length }, (_, i) => src[i]! * 3);\nconst result = xs;',
      null,
      'const src = [1, 2];\nexport const xs = new Array<number>(src.length);\nfor (let i = 0; i < xs.length; i++) xs[i] = src[i]! * 3;\nconst result = xs;',
      [{ ...EVERY_LOOP }],
    ),
    fromLength(
      'strict options: a small constant length',
      'export function f() {\n  const xs = Array.from({ length: 3 }, (_, i) => i * 2);\n  return xs;\n}\nconst result = f();',
      'export function f() {\n  const xs = new Array<number>(3);\n  for (let i = 0; i < xs.length; i++) xs[i] = i * 2;\n  return xs;\n}\nconst result = f();',
      undefined,
      [{ ...EVERY_LOOP }],
    ),
    // Reported without a rewrite.
    fromLength('the callback reads its first parameter', 'export function f(n: number) {\n  const xs = Array.from({ length: n }, (v, i) => v ?? i);\n  return xs;\n}', null),
    fromLength('the callback mentions the array (its temporal dead zone)', 'export function f(n: number) {\n  const xs: number[] = Array.from({ length: n }, (_, i) => (i > 0 ? xs.length : i));\n  return xs;\n}', null),
    fromLength('a `var` in the callback would be shared across iterations', 'export function f(n: number) {\n  const xs = Array.from({ length: n }, (_, i) => {\n    var k = i;\n    return k;\n  });\n  return xs;\n}', null),
    fromLength('an early return in the callback', 'export function f(n: number) {\n  const xs = Array.from({ length: n }, (_, i) => {\n    if (i > 2) return 0;\n    return i;\n  });\n  return xs;\n}', null),
    fromLength('a function expression that uses `arguments`', 'export function f(n: number) {\n  const xs = Array.from({ length: n }, function () {\n    return arguments.length;\n  });\n  return xs;\n}', null),
    fromLength('a `var` declaration', 'export function f(n: number) {\n  var xs = Array.from({ length: n }, (_, i) => i);\n  return xs;\n}', null),
    fromLength('a comment inside the call', 'export function f(src: number[]) {\n  const xs = Array.from({ length: src.length /* all */ }, (_, i) => i);\n  return xs;\n}', null),
  ],
});

cases.register('prefer-presized-array');
