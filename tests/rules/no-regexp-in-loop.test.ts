import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/no-regexp-in-loop.js';
import rule from '../../src/rules/no-regexp-in-loop.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { at, RuleCases } from '../helpers/cases.js';
import { execute } from '../helpers/execute.js';

const ruleTester = createTypedRuleTester();

const TWO_LOOPS = 'const xs = ["a", "b"];\nlet n = 0;\nfor (const x of xs) if (/a/.test(x)) n++;\nfor (const x of xs) if (/b/.test(x)) n++;';
const G_TEST = 'const xs = ["a", "a"];\nlet hits = 0;\nfor (const s of xs) if (/a/g.test(s)) hits++;\nconst result = hits;';
const G_TEST_HOISTED = 'const xs = ["a", "a"];\nlet hits = 0;\nconst re = /a/g;\nfor (const s of xs) if (re.test(s)) hits++;\nconst result = hits;';
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
    'const xs = ["a"];\nfor (const m of "a-b".split(/-/)) console.log(m, xs);',
    'for (let re = /a/, i = 0; i < 3; i++) console.log(re.test(String(i)));',
    // A pattern that changes per iteration.
    'const xs = ["a", "b"];\nfor (const x of xs) console.log(new RegExp(x).test("a"));',
    'const xs = ["a", "b"];\nfor (let i = 0; i < xs.length; i++) console.log(new RegExp(`^${xs[i]}`).test("a"));',
    'let p = "a";\nfor (let i = 0; i < 3; i++) { console.log(new RegExp(p).test("a")); p += "a"; }',
    // A shadowed RegExp is not the built-in.
    'function f(RegExp: (p: string) => { test(s: string): boolean }) { for (let i = 0; i < 3; i++) RegExp("a").test("a"); }',
    // In a closure the loop only creates.
    'const fs: (() => boolean)[] = [];\nfor (let i = 0; i < 3; i++) fs.push(() => /a/.test("a"));',
    // checkLiterals: false.
    { code: 'const xs = ["a"];\nfor (const x of xs) console.log(/a/.test(x));', options: [{ checkLiterals: false }] },
  ],
  invalid: [
    reported(
      'new RegExp of a constant: hoisted before the loop',
      'const PATTERN = "^item-(\\\\d+)$";\nconst xs = ["item-1", "other"];\nlet count = 0;\nfor (const s of xs) {\n  if (new RegExp(PATTERN).test(s)) count++;\n}\nconst result = count;',
      'new RegExp(PATTERN)',
      'constructorInLoop',
      'const PATTERN = "^item-(\\\\d+)$";\nconst xs = ["item-1", "other"];\nlet count = 0;\nconst re = new RegExp(PATTERN);\nfor (const s of xs) {\n  if (re.test(s)) count++;\n}\nconst result = count;',
    ),
    reported(
      'RegExp() called without new, with literal flags, in a while loop',
      'let i = 0;\nconst xs = ["A", "b"];\nlet hits = 0;\nwhile (i < xs.length) {\n  if (RegExp("a", "i").exec(xs[i]!)) hits++;\n  i++;\n}\nconst result = hits;',
      'RegExp("a", "i")',
      'constructorInLoop',
      'let i = 0;\nconst xs = ["A", "b"];\nlet hits = 0;\nconst re = RegExp("a", "i");\nwhile (i < xs.length) {\n  if (re.exec(xs[i]!)) hits++;\n  i++;\n}\nconst result = hits;',
    ),
    reported(
      'a literal in a loop test',
      'const xs = ["a", "a", "b"];\nlet i = 0;\nwhile (i < xs.length && /a/.test(xs[i]!)) i++;\nconst result = i;',
      '/a/',
      'literalInLoop',
      'const xs = ["a", "a", "b"];\nlet i = 0;\nconst re = /a/;\nwhile (i < xs.length && re.test(xs[i]!)) i++;\nconst result = i;',
    ),
    reported(
      'a literal passed to a string method in a map callback: hoisted before the statement, with a free name',
      'const re = 1;\nconst xs = ["a-b", "c"];\nconst result = xs.map((s) => s.split(/-/));',
      '/-/',
      'literalInLoop',
      'const re = 1;\nconst xs = ["a-b", "c"];\nconst pattern = /-/;\nconst result = xs.map((s) => s.split(pattern));',
    ),
    reported(
      'nested loops: hoisted before the outermost loop it does not change in',
      'const rows = [["a1", "b"], ["c2"]];\nlet digits = 0;\nfor (const row of rows) {\n  for (const cell of row) if (/\\d/.test(cell)) digits++;\n}\nconst result = digits;',
      '/\\d/',
      'literalInLoop',
      'const rows = [["a1", "b"], ["c2"]];\nlet digits = 0;\nconst re = /\\d/;\nfor (const row of rows) {\n  for (const cell of row) if (re.test(cell)) digits++;\n}\nconst result = digits;',
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
        'const xs = ["a", "b"];\nlet n = 0;\nconst re = /a/;\nfor (const x of xs) if (re.test(x)) n++;\nfor (const x of xs) if (/b/.test(x)) n++;',
        'const xs = ["a", "b"];\nlet n = 0;\nconst re = /a/;\nfor (const x of xs) if (re.test(x)) n++;\nconst pattern = /b/;\nfor (const x of xs) if (pattern.test(x)) n++;',
      ],
    },
    reported(
      'a pattern declared in the same statement as the loop: not hoisted (temporal dead zone)',
      'const xs = ["a"];\nconst p = "a", r = xs.map((x) => new RegExp(p).test(x));\nconst result = r;',
      'new RegExp(p)',
      'constructorInLoop',
      null,
    ),
    reported(
      'inside a namespace the declaration stays in the namespace',
      'namespace N {\n  const p = "a";\n  export const hits = ["a", "b"].filter((x) => new RegExp(p).test(x)).length;\n}\nconst result = N.hits;',
      'new RegExp(p)',
      'constructorInLoop',
      'namespace N {\n  const p = "a";\n  const re = new RegExp(p);\n  export const hits = ["a", "b"].filter((x) => re.test(x)).length;\n}\nconst result = N.hits;',
    ),
    reported(
      'a g flag: suggestion only (lastIndex)',
      'const xs = ["a-b-c", "d"];\nlet n = 0;\nfor (const s of xs) n += s.replace(/-/g, "_").length;\nconst result = n;',
      '/-/g',
      'literalInLoop',
      null,
      'const xs = ["a-b-c", "d"];\nlet n = 0;\nconst re = /-/g;\nfor (const s of xs) n += s.replace(re, "_").length;\nconst result = n;',
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
      'const xs = ["a", "b"];\nconst found: RegExp[] = [];\nfor (const s of xs) found.push(/a/);\nconst result = found.length;',
      '/a/',
      'literalInLoop',
      null,
      'const xs = ["a", "b"];\nconst found: RegExp[] = [];\nconst re = /a/;\nfor (const s of xs) found.push(re);\nconst result = found.length;',
    ),
    reported(
      'a pattern from a parameter may be invalid: suggestion only',
      'function count(p: string, xs: string[]) {\n  return xs.filter((x) => new RegExp(p, "i").test(x)).length;\n}\nconst result = count("a", ["A", "b"]);',
      'new RegExp(p, "i")',
      'constructorInLoop',
      null,
      'function count(p: string, xs: string[]) {\n  const re = new RegExp(p, "i");\n  return xs.filter((x) => re.test(x)).length;\n}\nconst result = count("a", ["A", "b"]);',
    ),
    reported(
      'a lookalike replace could keep the object: suggestion only',
      'const store = { kept: [] as RegExp[], replace(re: RegExp) { this.kept.push(re); } };\nfor (let i = 0; i < 2; i++) store.replace(/a/);\nconst result = store.kept.length;',
      '/a/',
      'literalInLoop',
      null,
      'const store = { kept: [] as RegExp[], replace(re: RegExp) { this.kept.push(re); } };\nconst re = /a/;\nfor (let i = 0; i < 2; i++) store.replace(re);\nconst result = store.kept.length;',
    ),
    reported(
      'in an arrow function expression body: reported, not hoisted out of the function',
      'const check = (p: string, xs: string[]) => xs.some((x) => new RegExp(p).test(x));\nconst result = check("a", ["a"]);',
      'new RegExp(p)',
      'constructorInLoop',
      null,
    ),
  ],
});

cases.register('no-regexp-in-loop');

describe('no-regexp-in-loop: why g/y regexes are never autofixed', () => {
  it('a shared g regex changes what test() returns', async () => {
    expect((await execute(G_TEST)).result).toBe(2);
    expect((await execute(G_TEST_HOISTED)).result).toBe(1);
  });
});
