import { describe, expect, it } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/prefer-split-limit.js';
import rule from '../../src/rules/prefer-split-limit.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { RuleCases } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
const cases = new RuleCases<MessageIds, Options>();
const STRICT: Options = [{ minIterations: 0, reportRareCode: true }];

/** `body` inside a loop over `xs: string[]` of a function `f`, whose result is `result`. */
function inLoop(body: string, input = '["sid=1; Path=/; HttpOnly", "b=2", ""]'): string {
  return `export function f(xs: string[]) {\n  const out: unknown[] = [];\n  for (const s of xs) {\n${body}\n  }\n  return out;\n}\nconst result = f(${input});`;
}

const FIRST = inLoop('    const first = s.split(";")[0];\n    out.push(first);');

ruleTester.run('prefer-split-limit', rule, {
  valid: [
    // A user object with its own split, `any`, a String object.
    'const splitter = { split(s: string) { return [s, s]; } };\nexport function f(xs: string[]) {\n  for (const x of xs) console.log(splitter.split(x)[0]);\n}',
    'export function f(xs: any[]) {\n  for (const x of xs) console.log(x.split(",")[0]);\n}',
    'export function f(xs: (string | { split(s: string): string[] })[]) {\n  for (const x of xs) console.log(x.split(",")[0]);\n}',
    'export function f(xs: String[]) {\n  for (const x of xs) console.log(x.split(",")[0]);\n}',
    // Every part is used, or an index that changes, or a limit already there, or a rest element.
    'export function f(xs: string[]) {\n  for (const x of xs) console.log(x.split(",").join("-"));\n}',
    'export function f(xs: string[], i: number) {\n  for (const x of xs) console.log(x.split(",")[i]);\n}',
    'export function f(xs: string[]) {\n  for (const x of xs) console.log(x.split(",", 1)[0]);\n}',
    'export function f(xs: string[]) {\n  for (const x of xs) {\n    const [head, ...rest] = x.split(",");\n    console.log(head, rest);\n  }\n}',
    'export function f(xs: string[]) {\n  for (const x of xs) console.log(x.split(",").at(-2));\n}',
    // Aliasing: the array is kept under a name (the rule does not follow it).
    'export function f(xs: string[]) {\n  for (const x of xs) {\n    const parts = x.split(",");\n    console.log(parts[0]);\n  }\n}',
    // Does not repeat: a plain function without a loop, a getter, once-code, a small fixed loop, an error path, a generator's yielding loop.
    'export function first(s: string) {\n  return s.split(",")[0];\n}',
    'export class Cookie {\n  constructor(private header: string) {}\n  get name() { return this.header.split("=")[0]; }\n}',
    'for (const arg of process.argv) console.log(arg.split("=")[0]);',
    'export function makeParser(keys: string[]) {\n  const names = keys.map((k) => k.split(":")[0]);\n  return (s: string) => names.includes(s);\n}',
    'export function setupRoutes(routes: string[]) {\n  for (const r of routes) console.log(r.split("/")[1]);\n}',
    'export function f(s: string) {\n  for (const sep of [",", ";"]) console.log(s.split(sep)[0]);\n}',
    'export function check(xs: string[]) {\n  for (const x of xs) if (!x.includes("=")) throw new Error(x.split(";")[0]);\n}',
    'export function* keys(xs: string[]) {\n  for (const x of xs) yield x.split("=")[0];\n}',
  ],
  invalid: [
    cases.invalid({
      at: 's.split(";")[0]',
      code: FIRST,
      messageId: 'onePart',
      name: 'the first part in a loop: limit 1 (autofix), indexOf + slice (suggestion)',
      output: FIRST.replace('s.split(";")[0]', 's.split(";", 1)[0]'),
      suggestions: [
        {
          messageId: 'suggestIndexOf',
          output: inLoop('    const end = s.indexOf(";");\n    const first = end === -1 ? s : s.slice(0, end);\n    out.push(first);'),
        },
      ],
    }),
    cases.invalid({
      at: 's.split("; ")[1]',
      code: 'export function f(xs: string[]) {\n  return xs.map((s) => s.split("; ")[1]);\n}\nconst result = f(["a; b; c", "d", ""]);',
      messageId: 'onePart',
      name: 'the second part in a map callback: limit 2',
      output: 'export function f(xs: string[]) {\n  return xs.map((s) => s.split("; ", 2)[1]);\n}\nconst result = f(["a; b; c", "d", ""]);',
    }),
    cases.invalid({
      at: 's.split("=")',
      code: inLoop('    const [key, value] = s.split("=");\n    out.push([key, value]);', '["a=1=2", "b", "=c"]'),
      messageId: 'onePart',
      name: 'destructuring two parts: limit 2',
      output: inLoop('    const [key, value] = s.split("=", 2);\n    out.push([key, value]);', '["a=1=2", "b", "=c"]'),
    }),
    cases.invalid({
      at: 's.split(";")',
      code: inLoop('    const [name] = s.split(";");\n    out.push(name);'),
      messageId: 'onePart',
      name: 'destructuring the first part: limit 1, and the indexOf suggestion',
      output: inLoop('    const [name] = s.split(";", 1);\n    out.push(name);'),
      suggestions: [{ messageId: 'suggestIndexOf', output: inLoop('    const end = s.indexOf(";");\n    const name = end === -1 ? s : s.slice(0, end);\n    out.push(name);') }],
    }),
    cases.invalid({
      at: 's.split(",").at(0)',
      code: inLoop('    out.push(s.split(",").at(0));'),
      messageId: 'onePart',
      name: '.at(0): limit 1',
      output: inLoop('    out.push(s.split(",", 1).at(0));'),
    }),
    cases.invalid({
      at: 's.split(",").shift()',
      code: inLoop('    out.push(s.split(",").shift());'),
      messageId: 'onePart',
      name: '.shift(): limit 1',
      output: inLoop('    out.push(s.split(",", 1).shift());'),
    }),
    cases.invalid({
      at: 's.split(";")[K]',
      code: `const K = 2;\n${inLoop('    out.push(s.split(";")[K]);', '["a;b;c;d", "a;b", ""]')}`,
      messageId: 'onePart',
      name: 'a constant index: limit K + 1 as a number',
      output: `const K = 2;\n${inLoop('    out.push(s.split(";", 3)[K]);', '["a;b;c;d", "a;b", ""]')}`,
    }),
    cases.invalid({
      at: 's.split(/\\s*;\\s*/)[0]',
      code: inLoop('    out.push(s.split(/\\s*;\\s*/)[0]);'),
      messageId: 'onePart',
      name: 'a regex literal separator: limit 1',
      output: inLoop('    out.push(s.split(/\\s*;\\s*/, 1)[0]);'),
    }),
    cases.invalid({
      at: 's.split(/(;)/)[1]',
      code: inLoop('    out.push(s.split(/(;)/)[1]);'),
      messageId: 'onePart',
      name: 'a regex with a capture group: the limit counts the captures too, the part is the same',
      output: inLoop('    out.push(s.split(/(;)/, 2)[1]);'),
    }),
    cases.invalid({
      at: 's.split(re)[0]',
      code: `const re = /;/;\n${inLoop('    out.push(s.split(re)[0]);')}`,
      messageId: 'onePart',
      name: 'a RegExp object: suggestion only (its Symbol.split could be overridden)',
      output: null,
      suggestions: [{ messageId: 'suggestLimit', output: `const re = /;/;\n${inLoop('    out.push(s.split(re, 1)[0]);')}` }],
    }),
    cases.invalid({
      at: 's.split(/* separator */ (sep))[0]',
      code: `const sep = ";";\n${inLoop('    out.push(s.split(/* separator */ (sep))[0]);')}`,
      messageId: 'onePart',
      name: 'comments and parentheses stay',
      output: `const sep = ";";\n${inLoop('    out.push(s.split(/* separator */ (sep), 1)[0]);')}`,
    }),
    cases.invalid({
      at: 's?.split(";")[0]',
      code: 'export function f(xs: (string | undefined)[]) {\n  return xs.map((s) => s?.split(";")[0]);\n}\nconst result = f(["a;b", undefined]);',
      messageId: 'onePart',
      name: 'an optional receiver',
      output: 'export function f(xs: (string | undefined)[]) {\n  return xs.map((s) => s?.split(";", 1)[0]);\n}\nconst result = f(["a;b", undefined]);',
    }),
    cases.invalid({
      at: 's.split("/").pop()',
      code: inLoop('    out.push(s.split("/").pop());', '["a/b/c", "d", ""]'),
      messageId: 'lastPart',
      name: '.pop() with a one-character separator: lastIndexOf + slice, suggestion only',
      output: null,
      suggestions: [{ messageId: 'suggestLastIndexOf', output: inLoop('    out.push(s.slice(s.lastIndexOf("/") + 1));', '["a/b/c", "d", ""]') }],
    }),
    cases.invalid({
      at: 's.split("/").at(-1)',
      code: inLoop('    out.push(s.split("/").at(-1));', '["a/b/c", "d", ""]'),
      messageId: 'lastPart',
      name: '.at(-1): lastIndexOf + slice, suggestion only',
      output: null,
      suggestions: [{ messageId: 'suggestLastIndexOf', output: inLoop('    out.push(s.slice(s.lastIndexOf("/") + 1));', '["a/b/c", "d", ""]') }],
    }),
    cases.invalid({
      at: 's.split("::").pop()',
      code: inLoop('    out.push(s.split("::").pop());', '["a::b", ":::"]'),
      messageId: 'lastPart',
      name: '.pop() with a longer separator: no suggestion (lastIndexOf finds overlapping matches)',
      output: null,
    }),
    cases.invalid({
      at: 'req.headers.cookie?.split(";")[0]',
      code: "import { createServer } from 'node:http';\ncreateServer((req, res) => {\n  res.end(req.headers.cookie?.split(\";\")[0]);\n});",
      execute: false,
      messageId: 'onePart',
      name: 'in a request handler',
      output: "import { createServer } from 'node:http';\ncreateServer((req, res) => {\n  res.end(req.headers.cookie?.split(\";\", 1)[0]);\n});",
    }),
    cases.invalid({
      at: 'arg.split("=")[0]',
      code: 'const names: string[] = [];\nfor (const arg of ["a=1", "b=2"]) names.push(arg.split("=")[0]!);\nconst result = names;',
      messageId: 'onePart',
      name: 'strict options: module level and a small loop',
      options: STRICT,
      output: 'const names: string[] = [];\nfor (const arg of ["a=1", "b=2"]) names.push(arg.split("=", 1)[0]!);\nconst result = names;',
    }),
  ],
});

cases.register('prefer-split-limit');

describe('prefer-split-limit: what a limit changes', () => {
  it('keeps the first parts exactly, for string and regex separators, flags and capture groups included', () => {
    const strings = ['', 'a', 'a,b', ',a,,b,', 'aaa', '😀,é,😀', ',,,,'];
    const separators: (RegExp | string)[] = [',', '', 'aa', /,/, /,/g, /,/y, /,/u, /(,)/, /(,)?/, /()/, /,*/, /(?=,)/, /\b/];
    for (const s of strings) {
      for (const separator of separators) {
        const all = s.split(separator as string);
        for (let k = 0; k < 5; k++) expect(s.split(separator as string, k + 1)).toEqual(all.slice(0, k + 1));
      }
    }
  });

  it('lastIndexOf is not the last part for a separator that overlaps itself', () => {
    expect('aaa'.split('aa').pop()).toBe('a');
    expect('aaa'.slice('aaa'.lastIndexOf('aa') + 2)).toBe('');
  });
});
