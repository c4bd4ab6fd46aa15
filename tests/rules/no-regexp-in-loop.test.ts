import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/no-regexp-in-loop.js';
import rule from '../../src/rules/no-regexp-in-loop.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { at, RuleCases } from '../helpers/cases.js';
import { execute } from '../helpers/execute.js';

const ruleTester = createTypedRuleTester();

const TWO_LOOPS = `export function count(xs: string[]) {
  let n = 0;
  for (const x of xs) if (/a/.test(x)) n++;
  for (const x of xs) if (/b/.test(x)) n++;
  return n;
}
const result = count(["a", "b"]);`;
const G_TEST = `export function hits(xs: string[]) {
  let n = 0;
  for (const s of xs) if (/a/g.test(s)) n++;
  return n;
}
const result = hits(["a", "a"]);`;
const G_TEST_HOISTED = `export function hits(xs: string[]) {
  let n = 0;
  const re = /a/g;
  for (const s of xs) if (re.test(s)) n++;
  return n;
}
const result = hits(["a", "a"]);`;
const cases = new RuleCases<MessageIds, Options>();

function reported(
  name: string,
  code: string,
  regex: string,
  messageId: 'constructorInLoop' | 'literalInLoop',
  output: string | null,
  suggestion?: string,
): InvalidTestCase<MessageIds, Options> {
  const suggestions = suggestion === undefined ? [] : [{ messageId: 'suggestHoist' as const, output: suggestion }];
  return cases.invalid({ at: regex, code, messageId, name, output, suggestions });
}

ruleTester.run('no-regexp-in-loop', rule, {
  valid: [
    // Outside loops, in a for…of head or a for init (evaluated once).
    'const re = /a/;\nconst ok = re.test("a");',
    'export function f(s: string) {\n  for (const m of s.split(/-/)) console.log(m);\n}',
    'export function f(n: number) {\n  for (let re = /a/, i = 0; i < n; i++) console.log(re.test(String(i)));\n}',
    // A pattern that changes per iteration.
    'export function f(xs: string[]) {\n  for (const x of xs) console.log(new RegExp(x).test("a"));\n}',
    'export function f(xs: string[]) {\n  for (let i = 0; i < xs.length; i++) console.log(new RegExp(`^${xs[i]}`).test("a"));\n}',
    'export function f(n: number) {\n  let p = "a";\n  for (let i = 0; i < n; i++) { console.log(new RegExp(p).test("a")); p += "a"; }\n}',
    // A shadowed RegExp is not the built-in.
    'export function f(RegExp: (p: string) => { test(s: string): boolean }, n: number) { for (let i = 0; i < n; i++) RegExp("a").test("a"); }',
    // In a closure the loop only creates.
    'export function f(n: number) {\n  const fs: (() => boolean)[] = [];\n  for (let i = 0; i < n; i++) fs.push(() => /a/.test("a"));\n  return fs;\n}',
    // checkLiterals: false.
    { code: 'export function f(xs: string[]) {\n  for (const x of xs) console.log(/a/.test(x));\n}', options: [{ checkLiterals: false }] },
    // Small fixed loops: a constant bound, an array literal, a tuple (minIterations, 16 by default).
    'export function f(s: string) {\n  let n = 0;\n  for (let i = 0; i < 4; i++) n += s.slice(i).search(/a/);\n  return n;\n}',
    'export function f(s: string) {\n  return ["x", "y"].map((k) => s.replace(/-/, k));\n}',
    'export function f(pair: readonly [string, string]) {\n  for (const s of pair) console.log(/a/.test(s));\n}',
    // A block that always leaves the loop runs at most once per loop entry.
    'export function first(xs: string[]) {\n  for (const x of xs) {\n    if (x.length > 3) {\n      console.log(/a/.test(x));\n      break;\n    }\n  }\n}',
    'export function find(xs: string[]) {\n  for (const x of xs) if (x.startsWith("#")) return x.replace(/^#/, "");\n  return null;\n}',
    // Error paths: a catch block, the value of a throw, a block that ends in throw.
    'export function check(xs: string[]) {\n  for (const x of xs) if (!x.trim()) throw new Error(x.replace(/\\s/g, "·"));\n}',
    'export function parse(xs: string[]) {\n  for (const x of xs) {\n    try { JSON.parse(x); } catch { console.log(/^\\{/.test(x)); }\n  }\n}',
    // Code that runs once: module level, a factory, set-up names, functions called only from there, lazy initialisation.
    'const words = ["a", "b"].concat(process.argv);\nfor (const w of words) console.log(/a/.test(w));',
    'export function makeMatcher(xs: string[]) {\n  const ok = xs.filter((x) => /^[a-z]+$/.test(x));\n  return (s: string) => ok.includes(s);\n}',
    'export function registerRoutes(routes: string[], table: string[]) {\n  for (const r of routes) table.push(r.replace(/^\\//, ""));\n}',
    'function build(xs: string[]) {\n  return xs.filter((x) => /a/.test(x));\n}\nexport const built = build(process.argv);',
    'let cache: RegExp | undefined;\nexport function f(xs: string[]) {\n  for (const x of xs) {\n    cache ??= new RegExp("a+", "i");\n    console.log(cache.test(x));\n  }\n}',
    // Each iteration awaits: the wait is the cost, not the allocation.
    'declare function save(s: string): Promise<void>;\nexport async function f(xs: string[]) {\n  for (const x of xs) await save(x.replace(/a/, "b"));\n}',
  ],
  invalid: [
    reported(
      'new RegExp of a constant: hoisted before the loop',
      'const PATTERN = "^item-(\\\\d+)$";\nexport function countItems(xs: string[]) {\n  let count = 0;\n  for (const s of xs) {\n    if (new RegExp(PATTERN).test(s)) count++;\n  }\n  return count;\n}\nconst result = countItems(["item-1", "other"]);',
      'new RegExp(PATTERN)',
      'constructorInLoop',
      'const PATTERN = "^item-(\\\\d+)$";\nexport function countItems(xs: string[]) {\n  let count = 0;\n  const re = new RegExp(PATTERN);\n  for (const s of xs) {\n    if (re.test(s)) count++;\n  }\n  return count;\n}\nconst result = countItems(["item-1", "other"]);',
    ),
    reported(
      'RegExp() called without new, with literal flags, in a while loop',
      'export function hits(xs: string[]) {\n  let i = 0;\n  let n = 0;\n  while (i < xs.length) {\n    if (RegExp("a", "i").exec(xs[i]!)) n++;\n    i++;\n  }\n  return n;\n}\nconst result = hits(["A", "b"]);',
      'RegExp("a", "i")',
      'constructorInLoop',
      'export function hits(xs: string[]) {\n  let i = 0;\n  let n = 0;\n  const re = RegExp("a", "i");\n  while (i < xs.length) {\n    if (re.exec(xs[i]!)) n++;\n    i++;\n  }\n  return n;\n}\nconst result = hits(["A", "b"]);',
    ),
    reported(
      'a literal in the right operand of a loop test runs on some iterations only: hoisted to module level',
      'export function skip(xs: string[]) {\n  let i = 0;\n  while (i < xs.length && /a/.test(xs[i]!)) i++;\n  return i;\n}\nconst result = skip(["a", "a", "b"]);',
      '/a/',
      'literalInLoop',
      'const re = /a/;\nexport function skip(xs: string[]) {\n  let i = 0;\n  while (i < xs.length && re.test(xs[i]!)) i++;\n  return i;\n}\nconst result = skip(["a", "a", "b"]);',
    ),
    reported(
      'a literal in a rare branch is hoisted to module level, never to before the loop',
      'export function chomp(lines: string[], keep: boolean) {\n  const out: string[] = [];\n  for (let line of lines) {\n    if (keep && line) line = line.replace(/^\\n+/, "");\n    out.push(line);\n  }\n  return out;\n}\nconst result = chomp(["\\nx", ""], true);',
      '/^\\n+/',
      'literalInLoop',
      'const re = /^\\n+/;\nexport function chomp(lines: string[], keep: boolean) {\n  const out: string[] = [];\n  for (let line of lines) {\n    if (keep && line) line = line.replace(re, "");\n    out.push(line);\n  }\n  return out;\n}\nconst result = chomp(["\\nx", ""], true);',
    ),
    reported(
      'a conditional new RegExp of a parameter cannot go to module level: suggestion before the loop is not offered either',
      'export function count(p: string, xs: string[]) {\n  let n = 0;\n  for (const x of xs) if (x && new RegExp(p).test(x)) n++;\n  return n;\n}\nconst result = count("a", ["a", ""]);',
      'new RegExp(p)',
      'constructorInLoop',
      null,
    ),
    reported(
      'a file without semicolons gets a declaration without one',
      'export function count(xs: string[]) {\n  let n = 0\n  for (const x of xs) n += x.split(/,/).length\n  return n\n}\nconst result = count(["a,b", "c"])',
      '/,/',
      'literalInLoop',
      'export function count(xs: string[]) {\n  let n = 0\n  const re = /,/\n  for (const x of xs) n += x.split(re).length\n  return n\n}\nconst result = count(["a,b", "c"])',
    ),
    reported(
      'a literal passed to a string method in a map callback: hoisted before the statement, with a free name',
      'const re = 1;\nexport function parts(xs: string[]) {\n  return xs.map((s) => s.split(/-/));\n}\nconst result = parts(["a-b", "c"]);',
      '/-/',
      'literalInLoop',
      'const re = 1;\nexport function parts(xs: string[]) {\n  const pattern = /-/;\n  return xs.map((s) => s.split(pattern));\n}\nconst result = parts(["a-b", "c"]);',
    ),
    reported(
      'nested loops: hoisted before the outermost loop it does not change in',
      'export function countDigits(rows: string[][]) {\n  let digits = 0;\n  for (const row of rows) {\n    for (const cell of row) if (/\\d/.test(cell)) digits++;\n  }\n  return digits;\n}\nconst result = countDigits([["a1", "b"], ["c2"]]);',
      '/\\d/',
      'literalInLoop',
      'export function countDigits(rows: string[][]) {\n  let digits = 0;\n  const re = /\\d/;\n  for (const row of rows) {\n    for (const cell of row) if (re.test(cell)) digits++;\n  }\n  return digits;\n}\nconst result = countDigits([["a1", "b"], ["c2"]]);',
    ),
    {
      // Two hoists into one block would both pick `re` in one pass: the fixes conflict on purpose.
      code: TWO_LOOPS,
      errors: [
        { ...at(TWO_LOOPS, '/a/'), messageId: 'literalInLoop', suggestions: [] },
        { ...at(TWO_LOOPS, '/b/'), messageId: 'literalInLoop', suggestions: [] },
      ],
      name: 'two loops in one block get distinct names, over two passes',
      output: [
        TWO_LOOPS.replace('  for (const x of xs) if (/a/.test(x))', '  const re = /a/;\n  for (const x of xs) if (re.test(x))'),
        TWO_LOOPS.replace('  for (const x of xs) if (/a/.test(x))', '  const re = /a/;\n  for (const x of xs) if (re.test(x))').replace(
          '  for (const x of xs) if (/b/.test(x))',
          '  const pattern = /b/;\n  for (const x of xs) if (pattern.test(x))',
        ),
      ],
    },
    reported(
      'a pattern declared in the same statement as the loop: not hoisted (temporal dead zone)',
      'export function f(xs: string[]) {\n  const p = "a", r = xs.map((x) => new RegExp(p).test(x));\n  return r;\n}\nconst result = f(["a"]);',
      'new RegExp(p)',
      'constructorInLoop',
      null,
    ),
    reported(
      'inside a namespace the declaration stays in the function',
      'namespace N {\n  const p = "a";\n  export function hits(xs: string[]) {\n    return xs.filter((x) => new RegExp(p).test(x)).length;\n  }\n}\nconst result = N.hits(["a", "b"]);',
      'new RegExp(p)',
      'constructorInLoop',
      'namespace N {\n  const p = "a";\n  export function hits(xs: string[]) {\n    const re = new RegExp(p);\n    return xs.filter((x) => re.test(x)).length;\n  }\n}\nconst result = N.hits(["a", "b"]);',
    ),
    reported(
      'a g flag: suggestion only (lastIndex)',
      'export function f(xs: string[]) {\n  let n = 0;\n  for (const s of xs) n += s.replace(/-/g, "_").length;\n  return n;\n}\nconst result = f(["a-b-c", "d"]);',
      '/-/g',
      'literalInLoop',
      null,
      'export function f(xs: string[]) {\n  let n = 0;\n  const re = /-/g;\n  for (const s of xs) n += s.replace(re, "_").length;\n  return n;\n}\nconst result = f(["a-b-c", "d"]);',
    ),
    {
      // A g regex with test(): once shared, lastIndex carries over, so the hoist is only a
      // suggestion — and the test below shows that it indeed changes the result.
      code: G_TEST,
      errors: [{ ...at(G_TEST, '/a/g'), messageId: 'literalInLoop', suggestions: [{ messageId: 'suggestHoist', output: G_TEST_HOISTED }] }],
      name: 'a g regex with test(): suggestion only',
      output: null,
    },
    reported(
      'the object itself is stored: suggestion only',
      'export function f(xs: string[]) {\n  const found: RegExp[] = [];\n  for (const s of xs) found.push(/a/);\n  return found.length;\n}\nconst result = f(["a", "b"]);',
      '/a/',
      'literalInLoop',
      null,
      'export function f(xs: string[]) {\n  const found: RegExp[] = [];\n  const re = /a/;\n  for (const s of xs) found.push(re);\n  return found.length;\n}\nconst result = f(["a", "b"]);',
    ),
    reported(
      'a pattern from a parameter may be invalid: suggestion only',
      'export function count(p: string, xs: string[]) {\n  return xs.filter((x) => new RegExp(p, "i").test(x)).length;\n}\nconst result = count("a", ["A", "b"]);',
      'new RegExp(p, "i")',
      'constructorInLoop',
      null,
      'export function count(p: string, xs: string[]) {\n  const re = new RegExp(p, "i");\n  return xs.filter((x) => re.test(x)).length;\n}\nconst result = count("a", ["A", "b"]);',
    ),
    reported(
      'a lookalike replace could keep the object: suggestion only',
      'const store = { kept: [] as RegExp[], replace(re: RegExp) { this.kept.push(re); } };\nexport function keep(n: number) {\n  for (let i = 0; i < n; i++) store.replace(/a/);\n  return store.kept.length;\n}\nconst result = keep(2);',
      '/a/',
      'literalInLoop',
      null,
      'const store = { kept: [] as RegExp[], replace(re: RegExp) { this.kept.push(re); } };\nexport function keep(n: number) {\n  const re = /a/;\n  for (let i = 0; i < n; i++) store.replace(re);\n  return store.kept.length;\n}\nconst result = keep(2);',
    ),
    reported(
      'in an arrow function expression body: reported, not hoisted out of the function',
      'export const check = (p: string, xs: string[]) => xs.some((x) => new RegExp(p).test(x));\nconst result = check("a", ["a"]);',
      'new RegExp(p)',
      'constructorInLoop',
      null,
    ),
    // The other side of each valid class above, with the strict options (reportRareCode, minIterations: 0).
    strict(
      'a small constant loop',
      'export function f(s: string) {\n  let n = 0;\n  for (let i = 0; i < 4; i++) n += s.slice(i).search(/a/);\n  return n;\n}\nconst result = f("banana");',
      '/a/',
      'export function f(s: string) {\n  let n = 0;\n  const re = /a/;\n  for (let i = 0; i < 4; i++) n += s.slice(i).search(re);\n  return n;\n}\nconst result = f("banana");',
    ),
    strict(
      'a catch block (some iterations only: module level)',
      'export function parse(xs: string[]) {\n  for (const x of xs) {\n    try { JSON.parse(x); } catch { console.log(/^\\{/.test(x)); }\n  }\n}\nparse(["{", "1"]);',
      '/^\\{/',
      'const re = /^\\{/;\nexport function parse(xs: string[]) {\n  for (const x of xs) {\n    try { JSON.parse(x); } catch { console.log(re.test(x)); }\n  }\n}\nparse(["{", "1"]);',
    ),
    strict(
      'module level',
      'const words = ["a", "b", "ab"];\nfor (const w of words) console.log(/a/.test(w));',
      '/a/',
      'const words = ["a", "b", "ab"];\nconst re = /a/;\nfor (const w of words) console.log(re.test(w));',
    ),
    strict(
      'a factory',
      'export function makeMatcher(xs: string[]) {\n  const ok = xs.filter((x) => /^[a-z]+$/.test(x));\n  return (s: string) => ok.includes(s);\n}\nconst result = makeMatcher(["a", "B"])("a");',
      '/^[a-z]+$/',
      'export function makeMatcher(xs: string[]) {\n  const re = /^[a-z]+$/;\n  const ok = xs.filter((x) => re.test(x));\n  return (s: string) => ok.includes(s);\n}\nconst result = makeMatcher(["a", "B"])("a");',
    ),
    strict(
      'an awaiting loop',
      'async function save(s: string) { console.log(s); }\nexport async function f(xs: string[]) {\n  for (const x of xs) await save(x.replace(/a/, "b"));\n}\nconst result = f(["a", "c"]);',
      '/a/',
      'async function save(s: string) { console.log(s); }\nexport async function f(xs: string[]) {\n  const re = /a/;\n  for (const x of xs) await save(x.replace(re, "b"));\n}\nconst result = f(["a", "c"]);',
    ),
  ],
});

/** The other side of a valid class: reported, and autofixed, with the strict options. */
function strict(name: string, code: string, regex: string, output: string): InvalidTestCase<MessageIds, Options> {
  return cases.invalid({ at: regex, code, messageId: 'literalInLoop', name: `strict options: ${name}`, options: [{ minIterations: 0, reportRareCode: true }], output });
}

cases.register('no-regexp-in-loop');

describe('no-regexp-in-loop: why g/y regexes are never autofixed', () => {
  it('a shared g regex changes what test() returns', async () => {
    expect((await execute(G_TEST)).result).toBe(2);
    expect((await execute(G_TEST_HOISTED)).result).toBe(1);
  });
});
