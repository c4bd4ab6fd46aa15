import tsParser from '@typescript-eslint/parser';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/no-string-concat-in-loop.js';
import rule, { REMEDY } from '../../src/rules/no-string-concat-in-loop.js';
import { EVERY_LOOP, RuleCases } from '../helpers/cases.js';
import { createTypedRuleTester, createUntypedRuleTester, fixturesDir } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

/** A flattening read; `remedy` is what the message tells to do, by what the read looks at. */
const flattening = (
  line: number,
  column: number,
  endColumn: number,
  name: string,
  loop: string,
  read: string,
  remedy: keyof typeof REMEDY = 'other',
  suggestions: readonly { messageId: 'suggestTrackTail'; output: string }[] = [],
) => ({ column, data: { profile: '', loop, name, read, remedy: REMEDY[remedy] }, endColumn, line, messageId: 'flatteningRead', suggestions }) as const;

ruleTester.run('no-string-concat-in-loop', rule, {
  valid: [
    // A plain append that is never read in the loop: V8 builds a rope, the fastest builder.
    `
declare const parts: string[];
let s = '';
for (const part of parts) s += part;
console.log(s.toUpperCase());
`,
    // Numeric accumulators are not strings.
    `
declare const values: number[];
let total = 0;
for (const value of values) { total += value; if (total > 10) console.log(total.toFixed(1)); }
`,
    // \`any\`, \`unknown\`-free unions with number, and number | string: not provably strings.
    `
declare const parts: any[];
let s: any = '';
for (const part of parts) { s += part; if (s.endsWith(';')) break; }
`,
    `
declare const parts: string[];
let s: number | string = '';
for (const part of parts) { s += part; if (s.toString().endsWith(';')) console.log(s); }
`,
    // Appends outside any loop.
    `
declare const a: string;
let s = '';
s += a;
s += a;
console.log(s.includes('x'));
`,
    // A per-iteration local string: fresh every iteration, so reads are linear.
    `
declare const rows: string[][];
const out: string[] = [];
for (const row of rows) {
  let line = '';
  for (const cell of row) line += cell + ',';
  out.push(line.slice(0, -1));
}
`,
    // Reads that do not flatten: \`.length\` and emptiness checks.
    `
declare const parts: string[];
let s = '';
for (const part of parts) {
  if (s.length > 80) console.log('long');
  if (s) s += ',';
  if (s !== '' && !s) continue;
  s += part;
}
`,
    // A fresh string assigned at the top of every iteration.
    `
declare const rows: string[][];
let line: string;
const out: string[] = [];
for (const row of rows) {
  line = '';
  for (const cell of row) line += cell;
  if (line.startsWith('#')) continue;
  out.push(line);
}
`,
    // Storing the string (array element, property value, push) does not flatten it.
    `
declare const segments: string[];
let path = '';
const prefixes: string[] = [];
for (const segment of segments) {
  path += '/' + segment;
  prefixes.push(path);
  const entry = { path };
}
`,
    // Using it as an operand of another concatenation builds a new rope.
    `
declare const parts: string[];
let s = '';
let t = '';
for (const part of parts) { s += part; t = '[' + s + ']'; }
`,
    // A read that leaves the loop runs once.
    `
declare const parts: string[];
function build(): string {
  let s = '';
  for (const part of parts) {
    s += part;
    if (part === 'end') return s.trim();
    if (part === 'stop') { console.log(s.toUpperCase()); break; }
  }
  return s;
}
`,
    // A read in a closure created in the loop is not known to run per iteration.
    `
declare const parts: string[];
let s = '';
const later: (() => boolean)[] = [];
for (const part of parts) { s += part; later.push(() => s.endsWith(';')); }
`,
    // forEach on a lookalike with its own forEach is not an array iteration.
    `
interface Things { forEach(callback: (thing: string) => void): void }
declare const things: Things;
let s = '';
things.forEach((thing) => { s += thing; console.log(s.endsWith(';')); });
`,
    // The callback's own parameter is per-iteration.
    `
declare const lists: string[][];
lists.forEach((list) => { let s = ''; for (const x of list) s += x; console.log(s.trim()); });
`,
    // \`checkPlainAppends\` does not report an append that is not loop-carried.
    {
      code: `
declare const parts: string[];
for (const part of parts) { let s = ''; s += part; console.log(s); }
`,
      options: [{ checkPlainAppends: true }],
    },
    // \`this.field\` appended in one class and read in a method of another is not seen as the same field.
    `
class A { buf = ''; run(parts: string[]) { for (const p of parts) { this.buf += p; } } }
class B { buf = ''; read() { return this.buf.trim(); } }
`,
    // bigint and unknown accumulators are not strings.
    `
declare const parts: bigint[];
let total = 0n;
for (const part of parts) { total += part; if (total.toString().length > 3) break; }
`,
    `
declare const parts: string[];
let s: unknown = '';
for (const part of parts) { s = (s as string) + part; console.log(s); }
`,
    // A labelled break out of the loop after the read.
    `
declare const rows: string[][];
let s = '';
outer: for (const row of rows) {
  for (const cell of row) {
    s += cell;
    if (cell === '') { console.log(s.trim()); break outer; }
  }
}
`,
    // A reset after the read in the same iteration: what was read is dropped (linear).
    `
declare const words: string[];
const lines: string[] = [];
let s = '';
for (const word of words) {
  s += word + ' ';
  if (s.length > 80) {
    lines.push(s.trimEnd());
    s = '';
  }
}
`,
    `
declare const rows: string[][];
const lines: string[] = [];
let s = '';
for (const row of rows) {
  for (const cell of row) s += cell;
  lines.push(s.trim());
  s = '';
}
`,
    // Returning or yielding it hands the rope out without reading it.
    `
declare const parts: string[];
let acc = '';
const prefixes = parts.map((p) => { acc += p; return acc; });
function* grow() { let s = ''; for (const p of parts) { s += p; yield s; } }
`,
    // Storing it from a method of the same class, typeof and null checks, String#concat of it.
    `
class Buf {
  private s = '';
  private readonly parts: string[] = [];
  private flush(): void { this.parts.push(this.s); }
  private isString(): boolean { return typeof this.s === 'string' && this.s != null; }
  run(xs: string[]): void {
    let t = '';
    for (const x of xs) { this.s += x; this.flush(); this.isString(); t = t.concat(this.s); }
  }
}
`,
    // A read after the loop.
    `
declare const parts: string[];
let s = '';
for (let i = 0; i < parts.length; i++) s = s + parts[i];
console.log(s.split(','));
`,
  ],
  invalid: [
    // A class named Map is not the built-in: its `set` may read the string (flattening it).
    {
      code: `
declare const parts: string[];
function run() {
  class Map<K, V> { set(key: K, value: V) { return String(value).length + String(key).length; } }
  const seen = new Map<string, string>();
  let s = '';
  for (const part of parts) {
    s += part;
    seen.set(part, s);
  }
}
`,
      errors: [flattening(9, 20, 21, 's', '`for…of` loop at line 7', '`seen.set(…)`')],
    },
    // for…of, +=, method call read.
    {
      code: `
declare const parts: string[];
let s = '';
for (const part of parts) {
  s += part;
  if (s.endsWith(';')) console.log('statement');
}
`,
      errors: [
        flattening(6, 7, 8, 's', '`for…of` loop at line 4', '`s.endsWith()`', 'tail', [
          {
            messageId: 'suggestTrackTail',
            output: `
declare const parts: string[];
let s = '';
let sTail = '';
for (const part of parts) {
  s += part;
  sTail = (sTail + part).slice(-1);
  if (sTail.endsWith(';')) console.log('statement');
}
`,
          },
        ]),
      ],
    },
    // classic for, `s = s + x`, charCodeAt of the last character.
    {
      code: `
declare const parts: string[];
let s = '';
let semicolons = 0;
for (let i = 0; i < parts.length; i++) {
  s = s + parts[i];
  if (s.charCodeAt(s.length - 1) === 59) semicolons++;
}
`,
      errors: [
        flattening(7, 7, 8, 's', '`for` loop at line 5', '`s.charCodeAt()`', 'tail', [
          {
            messageId: 'suggestTrackTail',
            output: `
declare const parts: string[];
let s = '';
let sTail = '';
let semicolons = 0;
for (let i = 0; i < parts.length; i++) {
  s = s + parts[i];
  sTail = (sTail + parts[i]).slice(-1);
  if (sTail.charCodeAt(sTail.length - 1) === 59) semicolons++;
}
`,
          },
        ]),
      ],
    },
    // while, template append, index read.
    {
      code: `
declare function next(): string | undefined;
let s = '';
let part: string | undefined;
while ((part = next()) !== undefined) {
  s = \`\${s}\${part}\`;
  if (s[0] === '#') break;
}
`,
      errors: [flattening(7, 7, 8, 's', '`while` loop at line 5', '`s[…]`')],
    },
    // do…while, concat append, includes.
    {
      code: `
declare function next(): string;
let s = '';
do {
  s = s.concat(next());
} while (!s.includes('END'));
`,
      errors: [flattening(6, 11, 12, 's', '`do…while` loop at line 4', '`s.includes()`', 'search')],
    },
    // for…in, prepend (handled like an append), comparison with a non-empty string.
    {
      code: `
declare const record: Record<string, string>;
let s = '';
for (const key in record) {
  s = key + s;
  if (s === 'abc') console.log(key);
}
`,
      errors: [flattening(6, 7, 8, 's', '`for…in` loop at line 4', 'comparing it with `===`')],
    },
    // Hashing it as a Map key, passing it to a function.
    {
      code: `
declare const parts: string[];
const seen = new Map<string, number>();
let key = '';
for (const part of parts) {
  key += part;
  if (seen.has(key)) continue;
  console.log(key);
}
`,
      errors: [
        flattening(7, 16, 19, 'key', '`for…of` loop at line 5', '`seen.has(…)`'),
        flattening(8, 15, 18, 'key', '`for…of` loop at line 5', '`console.log(…)`'),
      ],
    },
    // Using it as a property key, and a regex test on it.
    {
      code: `
declare const parts: string[];
const counts: Record<string, number> = {};
let s = '';
for (const part of parts) {
  s += part;
  counts[s] = 1;
  if (/;$/.test(s)) s += ' ';
}
`,
      errors: [
        flattening(7, 10, 11, 's', '`for…of` loop at line 5', 'using it as a key in `counts[…]`'),
        flattening(8, 17, 18, 's', '`for…of` loop at line 5', '`/;$/.test(…)`'),
      ],
    },
    // forEach and reduce callbacks on arrays.
    {
      code: `
declare const parts: readonly string[];
let s = '';
parts.forEach((part) => {
  s += part;
  if (s.trim() === '') return;
});
`,
      errors: [flattening(6, 7, 8, 's', '`forEach()` callback at line 4', '`s.trim()`')],
    },
    // A parameter accumulator, nested loops: the read repeats in the outer loop.
    {
      code: `
function render(out: string, rows: string[][]): string {
  for (const row of rows) {
    for (const cell of row) out += cell + ',';
    if (out.endsWith(',')) out = out.slice(0, -1);
    out += '\\n';
  }
  return out;
}
`,
      errors: [
        flattening(5, 9, 12, 'out', '`for…of` loop at line 3', '`out.endsWith()`', 'tail'),
        flattening(5, 34, 37, 'out', '`for…of` loop at line 3', '`out.slice()`'),
      ],
    },
    // A closure variable, string-literal unions and branded strings count as strings.
    {
      code: `
type Csv = string & { readonly __brand: 'csv' };
declare const cells: ('a' | 'b')[];
let csv = '' as Csv;
function add() {
  for (const cell of cells) {
    csv = (csv + cell) as Csv;
    console.log(csv.toUpperCase());
  }
}
`,
      errors: [flattening(8, 17, 20, 'csv', '`for…of` loop at line 6', '`csv.toUpperCase()`')],
    },
    // this.field, read directly and through a method of the same class.
    {
      code: `
class Writer {
  private buf = '';
  private flushIfFull(): void {
    if (this.buf.indexOf('\\n') > 0) this.buf = '';
  }
  write(lines: string[]): void {
    for (const line of lines) {
      this.buf += line;
      this.flushIfFull();
      console.log(this.buf.split('\\n').length);
    }
  }
}
`,
      errors: [
        flattening(10, 7, 25, 'this.buf', '`for…of` loop at line 8', '`this.flushIfFull()`, which reads `this.buf` with `this.buf.indexOf()` at line 5', 'search'),
        flattening(11, 19, 27, 'this.buf', '`for…of` loop at line 8', '`this.buf.split()`'),
      ],
    },
    // A for-init accumulator keeps its value across iterations.
    {
      code: `
for (let s = '', i = 0; i < 3; i++) {
  s += String(i);
  console.log(s.padStart(5));
}
`,
      errors: [flattening(4, 15, 16, 's', '`for` loop at line 2', '`s.padStart()`')],
    },
    // map and reduce callbacks on arrays; a read in a switch case.
    {
      code: `
declare const parts: string[];
let s = '';
const lengths = parts.map((part) => { s += part; return s.lastIndexOf(','); });
parts.reduce((count, part) => {
  s += part;
  switch (part) { case ';': return count + Number(s.at(-1) === ';'); default: return count; }
}, 0);
`,
      errors: [
        flattening(4, 57, 58, 's', '`map()` callback at line 4', '`s.lastIndexOf()`', 'search'),
        flattening(7, 51, 52, 's', '`reduce()` callback at line 5', '`s.at()`', 'tail', [
          {
            messageId: 'suggestTrackTail',
            output: `
declare const parts: string[];
let s = '';
let sTail = '';
const lengths = parts.map((part) => { s += part; sTail = (sTail + part).slice(-1); return s.lastIndexOf(','); });
parts.reduce((count, part) => {
  s += part;
  sTail = (sTail + part).slice(-1);
  switch (part) { case ';': return count + Number(sTail.at(-1) === ';'); default: return count; }
}, 0);
`,
          },
        ]),
      ],
    },
    // The inner loop reads what it grows; the outer loop resets it each iteration.
    {
      code: `
declare const rows: string[][];
let line = '';
for (const row of rows) {
  line = '';
  for (const cell of row) {
    line += cell;
    if (line.startsWith('#')) continue;
  }
}
`,
      errors: [flattening(8, 9, 13, 'line', '`for…of` loop at line 6', '`line.startsWith()`')],
    },
    // A field appended in an arrow-function property and read through \`switch\`.
    {
      code: `
class Lexer {
  private text = '';
  feed = (chunks: string[]): number => {
    let tokens = 0;
    for (const chunk of chunks) {
      this.text += chunk;
      switch (this.text) { case 'x': tokens++; }
    }
    return tokens;
  };
}
`,
      errors: [flattening(8, 15, 24, 'this.text', '`for…of` loop at line 6', '`switch (this.text)`')],
    },
    // Values that flow on through ??, ||, ?:, + and templates are read where they end up.
    {
      code: `
declare const parts: string[];
declare const re: RegExp;
let s = '';
for (const part of parts) {
  s += part;
  console.log(s ?? '');
  re.test(s || '');
  if ((s + ';').includes(';;')) break;
  const o = { [s]: true };
}
`,
      errors: [
        flattening(7, 15, 16, 's', '`for…of` loop at line 5', '`console.log(…)`'),
        flattening(8, 11, 12, 's', '`for…of` loop at line 5', '`re.test(…)`'),
        flattening(9, 8, 9, 's', '`for…of` loop at line 5', "`(s + ';').includes()`", 'search'),
        flattening(10, 16, 17, 's', '`for…of` loop at line 5', 'using it as a key in `{ [s]: true }`'),
      ],
    },
    // A reduce callback's accumulator parameter carries over between calls.
    {
      code: `
declare const parts: string[];
const all = parts.reduce((acc, part) => {
  acc += part;
  if (acc.endsWith(';')) acc += '\\n';
  return acc;
}, '');
`,
      errors: [flattening(5, 7, 10, 'acc', '`reduce()` callback at line 3', '`acc.endsWith()`', 'tail')],
    },
    // checkPlainAppends reports each loop-carried append once per loop, saying V8 builds it fast.
    {
      code: `
declare const parts: string[];
let s = '';
for (const part of parts) {
  s += part;
  s += ',';
}
`,
      errors: [{ column: 3, data: { loop: '`for…of` loop at line 4', name: 's', profile: '' }, endColumn: 12, line: 5, messageId: 'plainAppend' }],
      options: [{ checkPlainAppends: true }],
    },
  ],
});

// Without type information the rule explains the fix once, at the top of the file, instead of throwing.
createUntypedRuleTester().run('no-string-concat-in-loop (no type information)', rule, {
  valid: [],
  invalid: [
    {
      code: `let s = '';\nfor (const p of ['a']) { s += p; s.trim(); }\n`,
      errors: [{ column: 1, endColumn: 1, endLine: 1, line: 1, messageId: 'requiresTypeInformation' }],
    },
  ],
});

// The quadratic policy: not over a small fixed set, or on an error path; an outer loop over data is named.
const SMALL_READS = `
export function f(word: string) {
  let s = '';
  for (let i = 0; i < 4; i++) {
    s += word;
    if (s.endsWith(';')) return s;
  }
  return s;
}
`;
const CATCH_READ = `
export function f(parts: string[]) {
  let s = '';
  for (const part of parts) {
    s += part;
    try { JSON.parse(part); } catch { console.log(s.trim()); }
  }
  return s;
}
`;
ruleTester.run('no-string-concat-in-loop: what repeats', rule, {
  valid: [
    SMALL_READS,
    CATCH_READ,
    `
export function f(word: string) {
  let s = '';
  for (const k of ['a', 'b']) {
    s += k + word;
    console.log(s.length > 3 && s.includes('a'));
  }
}
`,
  ],
  invalid: [
    {
      code: `
export function f(rows: string[]) {
  let s = '';
  for (const row of rows) {
    for (const k of ['a', 'b']) {
      s += k + row;
      console.log(s.includes(';'));
    }
  }
}
`,
      errors: [flattening(7, 19, 20, 's', '`for…of` loop at line 4', '`s.includes()`', 'search')],
      name: 'a small inner loop inside a loop over data: the outer loop is named',
    },
    {
      code: SMALL_READS,
      errors: [
        flattening(6, 9, 10, 's', '`for` loop at line 4', '`s.endsWith()`', 'tail', [
          {
            messageId: 'suggestTrackTail',
            output: `
export function f(word: string) {
  let s = '';
  let sTail = '';
  for (let i = 0; i < 4; i++) {
    s += word;
    sTail = (sTail + word).slice(-1);
    if (sTail.endsWith(';')) return s;
  }
  return s;
}
`,
          },
        ]),
      ],
      name: 'strict options: a small loop',
      options: [{ minIterations: 0, reportRareCode: true }],
    },
    { code: CATCH_READ, errors: [flattening(6, 51, 52, 's', '`for…of` loop at line 4', '`s.trim()`')], name: 'strict options: a catch block', options: [{ minIterations: 0, reportRareCode: true }] },
  ],
});

// The suggestion for reads of the end: keep the end in a variable, set at the declaration and after
// every write. Each output is run against the original (same logs, same `result`).
const cases = new RuleCases<MessageIds, Options>();
const trackTail = (output: string) => [{ messageId: 'suggestTrackTail' as const, output }];

const SQL = `const statements = ['a', 'b;', '', 'c'];
let sql = '';
for (const statement of statements) {
  sql += statement;
  if (!sql.endsWith(';')) sql += ';';
}
const result = sql;
`;
const RENDER = `function render(cells: string[], width: number): string {
  let line = '[';
  for (let i = 0; i < cells.length; i++) {
    line = line + cells[i];
    if (line[line.length - 1] === ',' || line.slice(-2) === ';;') line += ' ';
    line += width;
    if (cells[i] === 'x') line = 'reset;;';
  }
  return line;
}
const result = [render(['a,', 'b;;', 'x', ''], 7), render([], 1)];
`;
const RENDER_TRACKED = `function render(cells: string[], width: number): string {
  let line = '[';
  let lineTail = '[';
  for (let i = 0; i < cells.length; i++) {
    line = line + cells[i];
    lineTail = (lineTail + cells[i]).slice(-2);
    if (lineTail[lineTail.length - 1] === ',' || lineTail.slice(-2) === ';;') { line += ' '; lineTail = (lineTail + ' ').slice(-2); }
    line += width;
    lineTail = (lineTail + width).slice(-2);
    if (cells[i] === 'x') { line = 'reset;;'; lineTail = ';;'; }
  }
  return line;
}
const result = [render(['a,', 'b;;', 'x', ''], 7), render([], 1)];
`;
cases.executed.add('index and slice reads: the longest end is kept; resets and numbers update it (suggestion)', RENDER, RENDER_TRACKED);
const NO_SEMICOLONS = `function list(tags: string[]) {
  let out = ''
  for (const tag of tags) {
    if (!out.endsWith(',')) out += \`\${tag},\`
    else out = out + tag + ','
  }
  return out
}
const result = list(['a', 'b', ''])
`;
const FROM_PARAMETER = `function join(prefix: string, parts: string[]) {
  let path = prefix;
  for (const part of parts) {
    if (path.at(-1) !== '/') path += '/';
    path += part;
  }
  return path;
}
const result = [join('', ['a', 'b']), join('x/', ['', 'c'])];
`;
/** An invalid case whose one report is a read of the end at `line`:`column`; its suggestion (if any) is executed. */
function endRead(
  name: string,
  code: string,
  at: [line: number, column: number],
  accumulator: string,
  loop: string,
  read: string,
  output: string | null,
): InvalidTestCase<MessageIds, Options> {
  const suggestions = output === null ? [] : trackTail(output);
  if (output !== null) cases.executed.add(`${name} (suggestion)`, code, output);
  return { code, errors: [flattening(at[0], at[1], at[1] + accumulator.length, accumulator, loop, read, 'tail', suggestions)], name, options: [EVERY_LOOP] };
}

ruleTester.run('no-string-concat-in-loop: keep the end in a variable', rule, {
  valid: [],
  invalid: [
    endRead('a constant append in an `if` is wrapped in braces with its update', SQL, [5, 8], 'sql', '`for…of` loop at line 3', '`sql.endsWith()`', `const statements = ['a', 'b;', '', 'c'];
let sql = '';
let sqlTail = '';
for (const statement of statements) {
  sql += statement;
  sqlTail = (sqlTail + statement).slice(-1);
  if (!sqlTail.endsWith(';')) { sql += ';'; sqlTail = ';'; }
}
const result = sql;
`),
    {
      code: RENDER,
      errors: [
        flattening(5, 9, 13, 'line', '`for` loop at line 3', '`line[…]`', 'tail', trackTail(RENDER_TRACKED)),
        flattening(5, 42, 46, 'line', '`for` loop at line 3', '`line.slice()`', 'tail', trackTail(RENDER_TRACKED)),
      ],
      name: 'index and slice reads: the longest end is kept; resets and numbers update it',
      options: [EVERY_LOOP],
    },
    endRead('a file without semicolons; a template and `s + x + literal` end in a constant', NO_SEMICOLONS, [4, 10], 'out', '`for…of` loop at line 3', '`out.endsWith()`', `function list(tags: string[]) {
  let out = ''
  let outTail = ''
  for (const tag of tags) {
    if (!outTail.endsWith(',')) { out += \`\${tag},\`; outTail = ',' }
    else { out = out + tag + ','; outTail = ',' }
  }
  return out
}
const result = list(['a', 'b', ''])
`),
    endRead('a string that starts from a parameter: its end is read once, at the declaration', FROM_PARAMETER, [4, 9], 'path', '`for…of` loop at line 3', '`path.at()`', `function join(prefix: string, parts: string[]) {
  let path = prefix;
  let pathTail = path.slice(-1);
  for (const part of parts) {
    if (pathTail.at(-1) !== '/') { path += '/'; pathTail = '/'; }
    path += part;
    pathTail = (pathTail + part).slice(-1);
  }
  return path;
}
const result = [join('', ['a', 'b']), join('x/', ['', 'c'])];
`),
    ...(
      [
        ['an append of a call result (evaluating it again could differ)', "declare function cell(i: number): string;\nexport function f(n: number) {\n  let s = '';\n  for (let i = 0; i < n; i++) {\n    s += cell(i);\n    if (s.endsWith(';')) break;\n  }\n  return s;\n}\n", 6, '`for` loop at line 4'],
        ['an end that is not a literal', "export function f(parts: string[], end: string) {\n  let s = '';\n  for (const part of parts) {\n    s += part;\n    if (s.endsWith(end)) console.log(part);\n  }\n  return s;\n}\n", 5, '`for…of` loop at line 3'],
        ['two declarators', "export function f(parts: string[]) {\n  let s = '', n = 0;\n  for (const part of parts) {\n    s += part;\n    if (s.endsWith(';')) n++;\n  }\n  return n;\n}\n", 5, '`for…of` loop at line 3'],
        ['a prepend', "export function f(parts: string[]) {\n  let s = '';\n  for (const part of parts) {\n    s = part + s;\n    if (s.endsWith(';')) console.log(part);\n  }\n  return s;\n}\n", 5, '`for…of` loop at line 3'],
        ['an append of the string itself (read again after it changed)', "export function f(parts: string[]) {\n  let s = 'a';\n  for (const part of parts) {\n    s += s;\n    if (s.endsWith(';')) console.log(part);\n  }\n  return s;\n}\n", 5, '`for…of` loop at line 3'],
        ['an object appended (its `toString` would run twice)', "export function f(parts: Date[]) {\n  let s = '';\n  for (const part of parts) {\n    s += part;\n    if (s.endsWith(';')) console.log(part);\n  }\n  return s;\n}\n", 5, '`for…of` loop at line 3'],
      ] as const
    ).map(([name, code, line, loop]) => endRead(`no suggestion: ${name}`, code, [line, 9], 's', loop, '`s.endsWith()`', null)),
  ],
});

cases.register('no-string-concat-in-loop');

describe('no-string-concat-in-loop messages', () => {
  /** The messages the rule reports on `code` (strict options), as ESLint prints them. */
  const messagesOf = (code: string, options: Record<string, unknown> = {}): string[] =>
    new Linter({ configType: 'flat' })
      .verify(
        code,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
            plugins: { alloc: { rules: { 'no-string-concat-in-loop': rule as never } } },
            rules: { 'alloc/no-string-concat-in-loop': ['error', { ...EVERY_LOOP, ...options }] },
          },
        ],
        { filename: path.join(fixturesDir, 'file.ts') },
      )
      .flatMap((message) => [message.message, ...(message.suggestions ?? []).map((suggestion) => `  suggestion: ${suggestion.desc}`)]);

  it('say what the read does and what to do instead, by what the read looks at', () => {
    const code = `export function f(parts: string[], seen: Set<string>) {
  let s = '';
  for (const part of parts) {
    s += part;
    if (s.endsWith(';') || s.includes('x') || seen.has(s)) console.log(part);
  }
}`;
    expect(messagesOf(code)).toEqual([
      '`s` is built by concatenation in the `for…of` loop at line 3 and read there by `s.endsWith()`, which copies the whole string each time: read the end of the part you appended, or keep it in a variable.',
      '  suggestion: Keep the end of `s` in `sTail`, updated wherever `s` changes.',
      '`s` is built by concatenation in the `for…of` loop at line 3 and read there by `s.includes()`, which copies the whole string each time: keep a `Set` of the parts you appended and look them up there.',
      '`s` is built by concatenation in the `for…of` loop at line 3 and read there by `seen.has(…)`, which copies the whole string each time: keep the parts in an array and read the one you need, or read it after the loop.',
    ]);
  });

  it('a plain append says that V8 builds it fast and which option reports it', () => {
    expect(messagesOf("export function f(parts: string[]) {\n  let s = '';\n  for (const part of parts) s += part;\n  return s;\n}", { checkPlainAppends: true })).toEqual([
      '`s` is built by concatenation in the `for…of` loop at line 3, which is fast in V8 (a rope): reported only because `checkPlainAppends` is on.',
    ]);
  });
});
