import type { InvalidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../src/rules/no-object-entries-iteration.js';
import rule from '../../src/rules/no-object-entries-iteration.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { RuleCases } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
const cases = new RuleCases<MessageIds, Options>();

/** A report at the `Object.entries(…)` call; `fix` is the autofix output, `suggestion` the one suggestion's. */
function reported(name: string, code: string, at: string, fix: string | null, suggestion?: string, options?: Options, execute = true): InvalidTestCase<MessageIds, Options> {
  return cases.invalid({
    at,
    execute,
    code,
    messageId: 'entriesIteration',
    name,
    output: fix,
    suggestions: suggestion === undefined ? [] : [{ messageId: 'suggestKeys', output: suggestion }],
    ...(options ? { options } : {}),
  });
}

/** `body` inside `for (const row of rows)` of an exported function, with a call at the end. */
const rows = (body: string, type = 'Record<string, number>', call = 'total([{ a: 1, bb: 2 }, {}, { c: 3 }])') =>
  `export function total(rows: ${type}[]) {\n  let sum = 0;\n  for (const row of rows) {\n${body}\n  }\n  return sum;\n}\nconst result = ${call};`;

ruleTester.run('no-object-entries-iteration', rule, {
  valid: [
    // Not a record: a Map, an array, `any`, `unknown`, declared properties only.
    'export function f(ms: Map<string, number>[]) {\n  let s = 0;\n  for (const m of ms) for (const [, v] of m.entries()) s += v;\n  return s;\n}',
    'export function f(xs: number[][]) {\n  let s = 0;\n  for (const x of xs) for (const [, v] of Object.entries(x)) s += v;\n  return s;\n}',
    'export function f(xs: any[]) {\n  let s = 0;\n  for (const x of xs) for (const [, v] of Object.entries(x)) s += Number(v);\n  return s;\n}',
    'export function f(xs: unknown[]) {\n  let s = 0;\n  for (const x of xs) for (const [, v] of Object.entries(x as object)) s += Number(v);\n  return s;\n}',
    'interface Point { x: number; y: number }\nexport function f(ps: Point[]) {\n  let s = 0;\n  for (const p of ps) for (const [, v] of Object.entries(p)) s += v;\n  return s;\n}',
    // The pairs are kept whole: they may be collected.
    'export function f(rs: Record<string, number>[]) {\n  const out: [string, number][] = [];\n  for (const r of rs) for (const pair of Object.entries(r)) out.push(pair);\n  return out;\n}',
    'export function f(rs: Record<string, number>[]) {\n  return rs.map((r) => Object.entries(r));\n}',
    // Object.values: the rewrite does not win.
    'export function f(rs: Record<string, number>[]) {\n  let s = 0;\n  for (const r of rs) for (const v of Object.values(r)) s += v;\n  return s;\n}',
    // A local `Object` is not the built-in.
    'const Object = { entries: (o: Record<string, number>) => [["a", 1]] as [string, number][] };\nexport function f(rs: Record<string, number>[]) {\n  let s = 0;\n  for (const r of rs) for (const [, v] of Object.entries(r)) s += v;\n  return s;\n}',
    // forEach callbacks the loop cannot replace: more parameters, thisArg, async; a map (the result is used).
    'export function f(rs: Record<string, number>[]) {\n  let s = 0;\n  for (const r of rs) Object.entries(r).forEach(([, v], i) => { s += v + i; });\n  return s;\n}',
    'export function f(rs: Record<string, number>[], self: object) {\n  for (const r of rs) Object.entries(r).forEach(function ([k]) { console.log(this, k); }, self);\n}',
    'export function f(rs: Record<string, number>[]) {\n  for (const r of rs) Object.entries(r).forEach(async ([k]) => { await Promise.resolve(k); });\n}',
    // Once per call of a plain function, at module level (the frequency options of strict too: it does not repeat), in a set-up function.
    { code: 'const t: Record<string, number> = { a: 1 };\nfor (const [k, v] of Object.entries(t)) console.log(k, v);', options: [{ checkEveryCall: true }] },
    { code: 'const table: Record<string, number> = { a: 1 };\nfor (const [k, v] of Object.entries(table)) console.log(k, v);', options: [{ minIterations: 0, reportRareCode: true }] },
    'export function f(o: Record<string, number>) {\n  let s = 0;\n  for (const [k, v] of Object.entries(o)) s += k.length + v;\n  return s;\n}',
    'const table: Record<string, number> = { a: 1 };\nfor (const [k, v] of Object.entries(table)) console.log(k, v);',
    'export function registerAll(rs: Record<string, number>[], reg: (k: string) => void) {\n  for (const r of rs) for (const [k] of Object.entries(r)) reg(k);\n}',
    // A small fixed loop around it.
    'export function f(a: Record<string, number>, b: Record<string, number>) {\n  let s = 0;\n  for (const o of [a, b]) for (const [, v] of Object.entries(o)) s += v;\n  return s;\n}',
    // An error path; an iteration that awaits.
    'export function f(rs: Record<string, number>[]) {\n  for (const r of rs) if (!r) { for (const [k] of Object.entries(r)) console.log(k); throw new Error("bad"); }\n}',
    'declare function save(k: string): Promise<void>;\nexport async function f(rs: Record<string, number>[]) {\n  for (const r of rs) { await save("x"); for (const [k] of Object.entries(r)) console.log(k); }\n}',
    // A generator that is not known to repeat.
    'export function* keys(o: Record<string, number>) {\n  for (const [k] of Object.entries(o)) yield k;\n}',
  ],
  invalid: [
    reported(
      'a nested loop whose body only reads: autofix, names kept',
      rows('    for (const [k, v] of Object.entries(row)) {\n      sum += k.length + v;\n    }'),
      'Object.entries(row)',
      rows('    for (const k of Object.keys(row)) {\n      const v = row[k];\n      sum += k.length + v;\n    }'),
    ),
    reported(
      '[, v] with a statement body: a fresh key name, braces added',
      rows('    for (const [, v] of Object.entries(row)) sum += v;'),
      'Object.entries(row)',
      rows('    for (const key of Object.keys(row)) { const v = row[key]; sum += v; }'),
    ),
    reported(
      '[k] alone: only the head changes',
      rows('    for (const [k] of Object.entries(row)) sum += k.length;'),
      'Object.entries(row)',
      rows('    for (const k of Object.keys(row)) sum += k.length;'),
    ),
    reported(
      '[k] alone with a call in the body and a computed object: still an autofix (the same keys, one evaluation)',
      'const seen: string[] = [];\nfunction load(id: string): Record<string, number> { seen.push(id); return { [id]: 1 }; }\nexport function names(ids: string[]) {\n  for (const id of ids) for (const [k] of Object.entries(load(id))) console.log(k);\n}\nnames(["a", "b"]);\nconst result = seen;',
      'Object.entries(load(id))',
      'const seen: string[] = [];\nfunction load(id: string): Record<string, number> { seen.push(id); return { [id]: 1 }; }\nexport function names(ids: string[]) {\n  for (const id of ids) for (const k of Object.keys(load(id))) console.log(k);\n}\nnames(["a", "b"]);\nconst result = seen;',
    ),
    reported(
      'a forEach callback that declares a var: nothing offered',
      rows('    Object.entries(row).forEach(([, v]) => {\n      var twice = v * 2;\n      sum += twice;\n    });'),
      'Object.entries(row)',
      null,
    ),
    reported(
      'let is kept',
      rows('    for (let [k, v] of Object.entries(row)) {\n      v *= 2;\n      sum += k.length + v;\n    }'),
      'Object.entries(row)',
      rows('    for (let k of Object.keys(row)) {\n      let v = row[k];\n      v *= 2;\n      sum += k.length + v;\n    }'),
    ),
    reported(
      'a destructured value',
      rows('    for (const [, { n }] of Object.entries(row)) sum += n;', 'Record<string, { n: number }>', 'total([{ a: { n: 1 } }, { b: { n: 2 } }])'),
      'Object.entries(row)',
      rows('    for (const key of Object.keys(row)) { const { n } = row[key]; sum += n; }', 'Record<string, { n: number }>', 'total([{ a: { n: 1 } }, { b: { n: 2 } }])'),
    ),
    reported(
      'writes to a fresh local object and built-in array methods: autofix',
      'export function index(rows: Record<string, number>[]) {\n  const seen: Record<string, number> = {};\n  const names: string[] = [];\n  for (const row of rows) {\n    for (const [k, v] of Object.entries(row)) {\n      seen[k] = (seen[k] ?? 0) + v;\n      names.push(k.toUpperCase());\n    }\n  }\n  return [seen, names];\n}\nconst result = index([{ a: 1 }, { a: 2, b: 3 }]);',
      'Object.entries(row)',
      'export function index(rows: Record<string, number>[]) {\n  const seen: Record<string, number> = {};\n  const names: string[] = [];\n  for (const row of rows) {\n    for (const k of Object.keys(row)) {\n      const v = row[k];\n      seen[k] = (seen[k] ?? 0) + v;\n      names.push(k.toUpperCase());\n    }\n  }\n  return [seen, names];\n}\nconst result = index([{ a: 1 }, { a: 2, b: 3 }]);',
    ),
    reported(
      'forEach in a @hot function: the callback body becomes the loop body',
      '/** @hot */\nexport function encode(o: Record<string, string>) {\n  const parts: string[] = [];\n  Object.entries(o).forEach(([name, value]) => {\n    // one part per field\n    parts.push(name + "=" + value);\n  });\n  return parts.join("&");\n}\nconst result = encode({ a: "1", b: "2" });',
      'Object.entries(o)',
      '/** @hot */\nexport function encode(o: Record<string, string>) {\n  const parts: string[] = [];\n  for (const name of Object.keys(o)) {\n    const value = o[name];\n    // one part per field\n    parts.push(name + "=" + value);\n  }\n  return parts.join("&");\n}\nconst result = encode({ a: "1", b: "2" });',
    ),
    reported(
      'forEach with an expression body',
      rows('    Object.entries(row).forEach(([, v]) => sum += v);'),
      'Object.entries(row)',
      rows('    for (const key of Object.keys(row)) { const v = row[key]; sum += v; }'),
    ),
    reported(
      'a call the rule cannot see into: suggestion',
      'function log(k: string, v: number) { console.log(k, v); }\nexport function dump(rows: Record<string, number>[]) {\n  for (const row of rows) for (const [k, v] of Object.entries(row)) log(k, v);\n}\ndump([{ a: 1 }, { b: 2 }]);',
      'Object.entries(row)',
      null,
      'function log(k: string, v: number) { console.log(k, v); }\nexport function dump(rows: Record<string, number>[]) {\n  for (const row of rows) for (const k of Object.keys(row)) { const v = row[k]; log(k, v); }\n}\ndump([{ a: 1 }, { b: 2 }]);',
    ),
    reported(
      'the body writes the object: suggestion (entries took a snapshot)',
      rows('    for (const [k, v] of Object.entries(row)) {\n      row[k] = v * 2;\n      sum += v;\n    }'),
      'Object.entries(row)',
      null,
      rows('    for (const k of Object.keys(row)) {\n      const v = row[k];\n      row[k] = v * 2;\n      sum += v;\n    }'),
    ),
    reported(
      'a write to a parameter that could be the same object (aliasing): suggestion',
      'export function merge(rows: Record<string, number>[], into: Record<string, number>) {\n  for (const row of rows) for (const [k, v] of Object.entries(row)) into[k] = v;\n  return into;\n}\nconst r = { a: 1 };\nconst result = merge([r, { b: 2 }], r);',
      'Object.entries(row)',
      null,
      'export function merge(rows: Record<string, number>[], into: Record<string, number>) {\n  for (const row of rows) for (const k of Object.keys(row)) { const v = row[k]; into[k] = v; }\n  return into;\n}\nconst r = { a: 1 };\nconst result = merge([r, { b: 2 }], r);',
    ),
    reported(
      'a type with accessors: suggestion',
      'type Live = { [key: string]: number; get now(): number };\nexport function total(rows: Live[]) {\n  let sum = 0;\n  for (const row of rows) for (const [, v] of Object.entries(row)) sum += v;\n  return sum;\n}\nconst result = total([{ get now() { return 1; }, a: 2 } as Live]);',
      'Object.entries(row)',
      null,
      'type Live = { [key: string]: number; get now(): number };\nexport function total(rows: Live[]) {\n  let sum = 0;\n  for (const row of rows) for (const key of Object.keys(row)) { const v = row[key]; sum += v; }\n  return sum;\n}\nconst result = total([{ get now() { return 1; }, a: 2 } as Live]);',
    ),
    reported(
      'a member chain is read again on every iteration: suggestion',
      'export function total(rows: { data: Record<string, number> }[]) {\n  let sum = 0;\n  for (const row of rows) for (const [, v] of Object.entries(row.data)) sum += v;\n  return sum;\n}\nconst result = total([{ data: { a: 1 } }, { data: {} }]);',
      'Object.entries(row.data)',
      null,
      'export function total(rows: { data: Record<string, number> }[]) {\n  let sum = 0;\n  for (const row of rows) for (const key of Object.keys(row.data)) { const v = row.data[key]; sum += v; }\n  return sum;\n}\nconst result = total([{ data: { a: 1 } }, { data: {} }]);',
    ),
    reported(
      'the object comes from a call: reported, nothing offered',
      'declare function load(s: string): Record<string, number>;\nexport function total(ids: string[]) {\n  let sum = 0;\n  for (const id of ids) for (const [, v] of Object.entries(load(id))) sum += v;\n  return sum;\n}',
      'Object.entries(load(id))',
      null,
    ),
    reported(
      'the body reassigns the object: nothing offered',
      'export function total(rows: Record<string, number>[]) {\n  let sum = 0;\n  for (let row of rows) for (const [, v] of Object.entries(row)) { sum += v; row = {}; }\n  return sum;\n}',
      'Object.entries(row)',
      null,
    ),
    reported(
      'a default value: nothing offered',
      rows('    for (const [k, v = 0] of Object.entries(row)) sum += k.length + v;'),
      'Object.entries(row)',
      null,
    ),
    reported(
      'a forEach callback that returns: nothing offered',
      rows('    Object.entries(row).forEach(([, v]) => {\n      if (v < 0) return;\n      sum += v;\n    });'),
      'Object.entries(row)',
      null,
    ),
    reported(
      'the body shadows the object name: nothing offered (temporal dead zone)',
      rows('    for (const [, v] of Object.entries(row)) {\n      const row = v * 2;\n      sum += row;\n    }'),
      'Object.entries(row)',
      null,
    ),
    reported(
      'a file without semicolons gets a declaration without one',
      'export function total(rows: Record<string, number>[]) {\n  let sum = 0\n  for (const row of rows) {\n    for (const [k, v] of Object.entries(row)) {\n      sum += k.length + v\n    }\n  }\n  return sum\n}\nconst result = total([{ a: 1 }])',
      'Object.entries(row)',
      'export function total(rows: Record<string, number>[]) {\n  let sum = 0\n  for (const row of rows) {\n    for (const k of Object.keys(row)) {\n      const v = row[k]\n      sum += k.length + v\n    }\n  }\n  return sum\n}\nconst result = total([{ a: 1 }])',
    ),
    reported(
      'a request handler: hot, one call is enough',
      'import { createServer } from "node:http";\ncreateServer((req, res) => {\n  const { headers } = req;\n  let size = 0;\n  for (const [name, value] of Object.entries(headers)) size += name.length + (value?.length ?? 0);\n  res.end(String(size));\n});',
      'Object.entries(headers)',
      'import { createServer } from "node:http";\ncreateServer((req, res) => {\n  const { headers } = req;\n  let size = 0;\n  for (const name of Object.keys(headers)) { const value = headers[name]; size += name.length + (value?.length ?? 0); }\n  res.end(String(size));\n});',
      undefined,
      undefined,
      false,
    ),
    reported(
      'checkEveryCall: once per call of a plain function',
      'export function describe(o: Record<string, number>) {\n  let text = "";\n  for (const [k, v] of Object.entries(o)) text += `${k}=${v};`;\n  return text;\n}\nconst result = describe({ a: 1, b: 2 });',
      'Object.entries(o)',
      'export function describe(o: Record<string, number>) {\n  let text = "";\n  for (const k of Object.keys(o)) { const v = o[k]; text += `${k}=${v};`; }\n  return text;\n}\nconst result = describe({ a: 1, b: 2 });',
      undefined,
      [{ checkEveryCall: true }],
    ),
    reported(
      'strict options: a loop at module level',
      'const tables: Record<string, number>[] = [{ a: 1, b: 2 }, { c: 3 }];\nlet sum = 0;\nfor (const table of tables) for (const [, v] of Object.entries(table)) sum += v;\nconst result = sum;',
      'Object.entries(table)',
      'const tables: Record<string, number>[] = [{ a: 1, b: 2 }, { c: 3 }];\nlet sum = 0;\nfor (const table of tables) for (const key of Object.keys(table)) { const v = table[key]; sum += v; }\nconst result = sum;',
      undefined,
      [{ minIterations: 0, reportRareCode: true }],
    ),
  ],
});

cases.register('no-object-entries-iteration');
