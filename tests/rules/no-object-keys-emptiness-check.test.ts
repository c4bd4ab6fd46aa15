import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-object-keys-emptiness-check.js';
import rule from '../../src/rules/no-object-keys-emptiness-check.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { RuleCases } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
const cases = new RuleCases<MessageIds, Options>();

const HELPER = '\nfunction isEmptyObject(o: object): boolean {\n  for (const key in o) if (Object.hasOwn(o, key)) return false;\n  return true;\n}\n';

/** A loop over rows whose condition is `test` (with `row` the object), and the same with `replacement`. */
const loop = (test: string) =>
  `export function count(rows: Record<string, unknown>[]) {\n  let n = 0;\n  for (const row of rows) if (${test}) n++;\n  return n;\n}\nconst result = count([{}, { a: 1 }, {}]);\n`;

function reported(name: string, code: string, at: string, suggestion: string | null, options?: Options): InvalidTestCase<MessageIds, Options> {
  return cases.invalid({
    at,
    code,
    messageId: 'emptinessCheck',
    name,
    output: null,
    suggestions: suggestion === null ? [] : [{ messageId: 'suggestHelper', output: suggestion }],
    ...(options ? { options } : {}),
  });
}

const each = (test: string, replacement: string) => reported(`\`${test}\``, loop(test), test, loop(replacement) + HELPER);

ruleTester.run('no-object-keys-emptiness-check', rule, {
  valid: [
    // The count used as a number, or the keys used otherwise.
    loop('Object.keys(row).length > 3'),
    loop('Object.keys(row).length === 2'),
    'export function f(rows: Record<string, unknown>[]) {\n  let n = 0;\n  for (const row of rows) n += Object.keys(row).length;\n  return n;\n}',
    'export function f(rows: Record<string, unknown>[]) {\n  for (const row of rows) { const keys = Object.keys(row); if (keys.length === 0) continue; console.log(keys); }\n}',
    'export function f(rows: Record<string, unknown>[]) {\n  return rows.map((row) => Object.keys(row).length && 1);\n}',
    // Arrays, strings, Maps, any, unknown.
    'export function f(xs: number[][]) {\n  let n = 0;\n  for (const x of xs) if (Object.keys(x).length === 0) n++;\n  return n;\n}',
    'export function f(xs: string[]) {\n  let n = 0;\n  for (const x of xs) if (Object.keys(x).length === 0) n++;\n  return n;\n}',
    'export function f(xs: Map<string, number>[]) {\n  let n = 0;\n  for (const x of xs) if (Object.keys(x).length === 0) n++;\n  return n;\n}',
    'export function f(xs: any[]) {\n  let n = 0;\n  for (const x of xs) if (Object.keys(x).length === 0) n++;\n  return n;\n}',
    // A lookalike `Object`.
    'const Object = { keys: (o: object) => [] as string[] };\nexport function f(xs: object[]) {\n  let n = 0;\n  for (const x of xs) if (Object.keys(x).length === 0) n++;\n  return n;\n}',
    // Once per call of a plain function, module level, a small fixed loop, an error path.
    'export function isBlank(o: Record<string, unknown>) {\n  return Object.keys(o).length === 0;\n}',
    { code: 'const config: Record<string, unknown> = {};\nexport const blank = Object.keys(config).length === 0;', options: [{ checkEveryCall: true }] },
    'const config: Record<string, unknown> = {};\nif (Object.keys(config).length === 0) console.log("empty");',
    'export function f(a: object, b: object) {\n  let n = 0;\n  for (const o of [a, b]) if (Object.keys(o).length === 0) n++;\n  return n;\n}',
    'export function f(rows: object[]) {\n  for (const row of rows) {\n    if (!row) { console.log(Object.keys(row).length === 0); throw new Error("bad"); }\n  }\n}',
  ],
  invalid: [
    each('Object.keys(row).length === 0', 'isEmptyObject(row)'),
    each('Object.keys(row).length !== 0', '!isEmptyObject(row)'),
    each('Object.keys(row).length == 0', 'isEmptyObject(row)'),
    each('Object.keys(row).length > 0', '!isEmptyObject(row)'),
    each('0 < Object.keys(row).length', '!isEmptyObject(row)'),
    each('Object.keys(row).length >= 1', '!isEmptyObject(row)'),
    each('Object.keys(row).length < 1', 'isEmptyObject(row)'),
    each('!Object.keys(row).length', 'isEmptyObject(row)'),
    each('Object.keys(row).length', '!isEmptyObject(row)'),
    reported('`Object.keys(row).length && row` in a condition', loop('Object.keys(row).length && row'), 'Object.keys(row).length', loop('!isEmptyObject(row) && row') + HELPER),
    reported(
      'an existing helper is reused',
      `${loop('Object.keys(row).length === 0')}${HELPER}`,
      'Object.keys(row).length === 0',
      `${loop('isEmptyObject(row)')}${HELPER}`,
    ),
    reported(
      'in a @hot function; a file without semicolons gets a helper without them',
      '/** @hot */\nexport function hasBody(body: Record<string, unknown>) {\n  return Object.keys(body).length > 0 ? "yes" : "no"\n}\nconst result = [hasBody({}), hasBody({ a: 1 })]\n',
      'Object.keys(body).length > 0',
      '/** @hot */\nexport function hasBody(body: Record<string, unknown>) {\n  return !isEmptyObject(body) ? "yes" : "no"\n}\nconst result = [hasBody({}), hasBody({ a: 1 })]\n\nfunction isEmptyObject(o: object): boolean {\n  for (const key in o) if (Object.hasOwn(o, key)) return false\n  return true\n}\n',
    ),
    reported(
      'a parenthesised object expression keeps its parentheses',
      loop('Object.keys((row)).length === 0'),
      'Object.keys((row)).length === 0',
      loop('isEmptyObject((row))') + HELPER,
    ),
    reported(
      'a prototype with enumerable keys: the helper still answers by own keys',
      'const proto = { inherited: 1 };\nexport function count(rows: object[]) {\n  let n = 0;\n  for (const row of rows) if (Object.keys(row).length === 0) n++;\n  return n;\n}\nconst result = count([Object.create(proto), { a: 1 }]);\n',
      'Object.keys(row).length === 0',
      'const proto = { inherited: 1 };\nexport function count(rows: object[]) {\n  let n = 0;\n  for (const row of rows) if (isEmptyObject(row)) n++;\n  return n;\n}\nconst result = count([Object.create(proto), { a: 1 }]);\n' + HELPER,
    ),
    reported(
      'checkEveryCall: once per call of a plain function',
      'export function isBlank(o: Record<string, unknown>) {\n  return Object.keys(o).length === 0;\n}\nconst result = [isBlank({}), isBlank({ a: 1 })];\n',
      'Object.keys(o).length === 0',
      'export function isBlank(o: Record<string, unknown>) {\n  return isEmptyObject(o);\n}\nconst result = [isBlank({}), isBlank({ a: 1 })];\n' + HELPER,
      [{ checkEveryCall: true }],
    ),
    reported(
      'strict options: a small loop',
      'export function f(a: object, b: object) {\n  let n = 0;\n  for (const o of [a, b]) if (Object.keys(o).length === 0) n++;\n  return n;\n}\nconst result = f({}, { a: 1 });\n',
      'Object.keys(o).length === 0',
      'export function f(a: object, b: object) {\n  let n = 0;\n  for (const o of [a, b]) if (isEmptyObject(o)) n++;\n  return n;\n}\nconst result = f({}, { a: 1 });\n' + HELPER,
      [{ minIterations: 0, reportRareCode: true }],
    ),
  ],
});

cases.register('no-object-keys-emptiness-check');
