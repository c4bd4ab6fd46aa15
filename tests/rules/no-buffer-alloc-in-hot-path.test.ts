import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { afterAll, expect, vi } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/no-buffer-alloc-in-hot-path.js';
import rule from '../../src/rules/no-buffer-alloc-in-hot-path.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { at, RuleCases } from '../helpers/cases.js';
import { writeHeapProfile } from '../helpers/profile.js';

const ruleTester = createTypedRuleTester();
const cases = new RuleCases<MessageIds, Options>();

function reported(
  name: string,
  code: string,
  allocation: string,
  data: { hot: string; what: string },
  suggestion?: string,
  runnable = false,
): InvalidTestCase<MessageIds, Options> {
  return cases.invalid({
    at: allocation,
    code,
    data: { profile: '', ...data, text: allocation },
    // Cases that need a server or a socket are checked by their output only.
    execute: runnable,
    messageId: 'allocInHotPath',
    name,
    suggestions: suggestion === undefined ? [] : [{ messageId: 'suggestScratch', output: suggestion }],
  });
}

// A handler called twice, reading its scratch buffer: executed before and after the suggestion.
const HANDLER = `const calls: number[] = [];
/** @hot */
function checksum(bytes: number[]) {
  const scratch = Buffer.alloc(16);
  for (let i = 0; i < bytes.length; i++) scratch[i % 16] ^= bytes[i]!;
  return scratch.toString('hex');
}
const result = [checksum([1, 2, 3]), checksum([4])];`;

ruleTester.run('no-buffer-alloc-in-hot-path', rule, {
  valid: [
    // Cold: module level, a plain function, startup.
    'const FIXED = Buffer.alloc(32);',
    'export function build() { return Buffer.alloc(32); }',
    // A size that changes per request or per iteration cannot be reused.
    "declare const app: any;\napp.post('/u', (req: { length: number }) => { const b = Buffer.alloc(req.length); return b; });",
    'export function f(sizes: number[]) { for (const n of sizes) Buffer.alloc(n); }',
    // A self-referencing constant size is not a size (and must not crash).
    "declare const app: any;\n// @ts-expect-error: used before its declaration\nconst N: number = N + 1;\napp.get('/n', () => Buffer.alloc(N));",
    // a buffer kept beyond the call (a closure): the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const socket: any;\nsocket.on('data', () => {\n  const copy = Buffer.allocUnsafe(1024);\n  queueMicrotask(() => copy.fill(1));\n});",
    // a buffer used across an await: the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const app: any;\ndeclare function write(b: Uint8Array): void;\napp.get('/a', async () => {\n  const b = Buffer.alloc(8);\n  await Promise.resolve();\n  write(b);\n});",
    // fill() returns the buffer itself: the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const app: any;\napp.get('/f', () => {\n  const b = Buffer.alloc(4);\n  return b.fill(1);\n});",
    // stored in a Map: the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const app: any;\nconst cache = new Map<string, Buffer>();\napp.get('/m', (req: { id: string }) => {\n  const b = Buffer.alloc(4);\n  cache.set(req.id, b);\n});",
    // thrown, or its ArrayBuffer taken: the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const app: any;\nconst kept: ArrayBufferLike[] = [];\napp.get('/t', () => {\n  const b = Buffer.alloc(4);\n  kept.push(b['buffer']);\n  throw b;\n});",
    // in use across a for await: the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const app: any;\napp.post('/s', async (req: AsyncIterable<Uint8Array>, res: any) => {\n  const b = Buffer.alloc(4);\n  for await (const c of req) b.writeUInt8(c[0]!, 0);\n  res.end(b.toString('hex'));\n});",
    // a returned buffer escapes: the buffer outlives the call or a suspension, so there is nothing to reuse.
    "declare const app: any;\napp.get('/b', () => {\n  const b = Buffer.alloc(4);\n  return b;\n});",
    // Copies, not sized allocations; a shadowed Buffer.
    "declare const socket: any;\nsocket.on('data', (chunk: number[]) => new Uint8Array(chunk));",
    "declare const socket: any;\nsocket.on('data', () => { const Buffer = { alloc: (n: number) => n }; return Buffer.alloc(8); });",
  ],
  invalid: [
    reported(
      'Buffer.alloc in a @hot function: the suggestion reuses a cleared module-level buffer',
      HANDLER,
      'Buffer.alloc(16)',
      { hot: 'in `checksum` (marked `@hot`)', what: 'a new 16-byte buffer' },
      HANDLER.replace('const calls: number[] = [];\n', 'const calls: number[] = [];\nconst SCRATCH_SCRATCH = Buffer.alloc(16);\n\n').replace('const scratch = Buffer.alloc(16);', 'const scratch = SCRATCH_SCRATCH.fill(0);'),
      true,
    ),
    reported(
      'Buffer.allocUnsafe in a node:http handler passed to fs.readSync: reused without clearing',
      "import { createServer } from 'node:http';\nimport { readSync } from 'node:fs';\ncreateServer((req, res) => {\n  const header = Buffer.allocUnsafe(64);\n  readSync(0, header, 0, 64, 0);\n  res.end(header.toString('hex'));\n});",
      'Buffer.allocUnsafe(64)',
      { hot: 'in a `node:http` request handler', what: 'a new 64-byte buffer' },
      "import { createServer } from 'node:http';\nimport { readSync } from 'node:fs';\nconst SCRATCH_HEADER = Buffer.allocUnsafe(64);\n\ncreateServer((req, res) => {\n  const header = SCRATCH_HEADER;\n  readSync(0, header, 0, 64, 0);\n  res.end(header.toString('hex'));\n});",
    ),
    reported(
      'a typed array of a constant size in a message listener; sizes count bytes',
      "declare const socket: { on(e: string, f: (d: Uint8Array) => void): void };\nconst FRAME = 4 * 4;\nsocket.on('message', (chunk) => {\n  const frame = new Float64Array(FRAME);\n  frame[0] = chunk.length;\n});",
      'new Float64Array(FRAME)',
      { hot: "in a `'message'` listener", what: 'a new 128-byte buffer' },
      "declare const socket: { on(e: string, f: (d: Uint8Array) => void): void };\nconst FRAME = 4 * 4;\nconst SCRATCH_FRAME = new Float64Array(16);\n\nsocket.on('message', (chunk) => {\n  const frame = SCRATCH_FRAME.fill(0);\n  frame[0] = chunk.length;\n});",
    ),
    reported(
      'a loop-invariant size in a loop: reported, no suggestion (the size is not known at module level)',
      'export function f(xs: number[], n: number) {\n  for (const x of xs) {\n    const b = new ArrayBuffer(n);\n    new DataView(b).setUint8(0, x);\n  }\n}',
      'new ArrayBuffer(n)',
      { hot: 'inside the `for…of` loop at line 2', what: 'a new buffer of the same size' },
    ),
    reported(
      'a recursive function would share its scratch buffer: no suggestion',
      '/** @hot */\nfunction walk(d: number): number {\n  const b = Buffer.alloc(4);\n  b.writeUInt32BE(d, 0);\n  const inner = d > 0 ? walk(d - 1) : 0;\n  return b.readUInt32BE(0) + inner;\n}',
      'Buffer.alloc(4)',
      { hot: 'in `walk` (marked `@hot`)', what: 'a new 4-byte buffer' },
    ),
    reported(
      'BigInt64Array is cleared with fill(0n), and a local size constant is written as its value',
      "declare const socket: any;\nsocket.on('data', () => {\n  const SIZE = 2;\n  const counters = new BigInt64Array(SIZE);\n  counters[0] = 1n;\n  return counters[0] + counters[1]!;\n});",
      'new BigInt64Array(SIZE)',
      { hot: "in a `'data'` listener", what: 'a new 16-byte buffer' },
      "declare const socket: any;\nconst SCRATCH_COUNTERS = new BigInt64Array(2);\n\nsocket.on('data', () => {\n  const SIZE = 2;\n  const counters = SCRATCH_COUNTERS.fill(0n);\n  counters[0] = 1n;\n  return counters[0] + counters[1]!;\n});",
    ),
  ],
});

// Profile-guided (settings.alloc.profile): `encodeRecord` and `encodeHeader` are plain functions with
// the same per-call buffer; the profile measured `encodeRecord` allocating 80% of the bytes.
const ENCODE = `export function encodeHeader(version: number) {
  const header = Buffer.alloc(64);
  header.writeUInt32BE(version, 0);
  return header.toString('hex');
}
export function encodeRecord(id: number) {
  const record = Buffer.alloc(64);
  record.writeUInt32BE(id, 0);
  return record.toString('base64');
}`;
const MiB = 1024 * 1024;
const PROFILE = writeHeapProfile(ENCODE, [{ at: '(id: number)', cost: 64 * MiB, name: 'encodeRecord' }], { name: 'alloc.heapprofile', other: 16 * MiB });
const HEADER_HOT = writeHeapProfile(ENCODE, [{ at: '(version: number)', cost: 64 * MiB, name: 'encodeHeader' }]);

// The sliced valid case lacks `encodeRecord`, which the profile places in file.ts: the reader says
// once that the profile is stale (and marks nothing hot). No other case of this file warns.
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
afterAll(() => {
  expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
    expect.stringMatching(/^eslint-plugin-alloc: settings\.alloc\.profile: 1 function\(s\) that alloc\.heapprofile places in \/.*\/tests\/fixtures\/file\.ts are not there \(e\.g\. `encodeRecord` at line 6\)/u),
  ]);
  warn.mockRestore();
});
ruleTester.run('no-buffer-alloc-in-hot-path (profile-guided)', rule, {
  valid: [
    // Without a profile neither function is hot.
    ENCODE,
    // With one, the function it does not measure stays cold.
    { code: ENCODE.slice(0, ENCODE.indexOf('export function encodeRecord')), settings: { alloc: { profile: PROFILE } } },
  ],
  invalid: [
    {
      ...reported(
        'a plain function the heap profile measured: hot, and the message carries the figure',
        ENCODE,
        'Buffer.alloc(64)',
        { hot: '', what: '' },
      ),
      errors: [
        {
          // The second `Buffer.alloc(64)`, in `encodeRecord`.
          ...at(ENCODE.slice(0, ENCODE.indexOf('record.')), 'const record = Buffer.alloc(64)'),
          column: 18,
          data: {
            hot: 'in `encodeRecord` (hot in alloc.heapprofile)',
            profile: ' Profile: `encodeRecord` allocates 64.0 MiB (80.0%) in alloc.heapprofile.',
            text: 'Buffer.alloc(64)',
            what: 'a new 64-byte buffer',
          },
          messageId: 'allocInHotPath',
          suggestions: [
            {
              messageId: 'suggestScratch',
              output: ENCODE.replace('export function encodeRecord', 'const SCRATCH_RECORD = Buffer.alloc(64);\n\nexport function encodeRecord').replace('const record = Buffer.alloc(64);', 'const record = SCRATCH_RECORD.fill(0);'),
            },
          ],
        },
      ],
      settings: { alloc: { profile: PROFILE } },
    },
    {
      code: ENCODE,
      errors: [{ ...at(ENCODE, 'Buffer.alloc(64)'), messageId: 'allocInHotPath', suggestions: [{ messageId: 'suggestScratch', output: ENCODE.replace('export function encodeHeader', 'const SCRATCH_HEADER = Buffer.alloc(64);\n\nexport function encodeHeader').replace('const header = Buffer.alloc(64);', 'const header = SCRATCH_HEADER.fill(0);') }] }],
      name: 'another profile marks the other function hot',
      settings: { alloc: { profile: HEADER_HOT } },
    },
  ],
});


// The frequency policy: loops and hot code that do not repeat the allocation, and the strict side.
const SMALL_LOOP = 'export function digest(parts: string[]) {\n  let n = 0;\n  for (let i = 0; i < 4; i++) {\n    const b = Buffer.alloc(16);\n    n += b.write(parts[i] ?? "");\n  }\n  return n;\n}';
ruleTester.run('no-buffer-alloc-in-hot-path: what repeats', rule, {
  valid: [
    SMALL_LOOP,
    // A block that always returns: once per call of a function that is not hot.
    'export function first(parts: string[]) {\n  for (const p of parts) {\n    const b = Buffer.alloc(16);\n    b.write(p);\n    return b.toString("hex");\n  }\n  return "";\n}',
    // An error path in a handler.
    "declare const app: any;\napp.get('/e', (req: { ok: boolean }) => {\n  if (!req.ok) {\n    const b = Buffer.alloc(8);\n    b.writeUInt32BE(1, 0);\n    throw new Error(b.toString('hex'));\n  }\n});",
    // A factory's outer body.
    'export function makeEncoder(ids: number[]) {\n  for (const id of ids) {\n    const b = Buffer.alloc(4);\n    b.writeUInt32BE(id, 0);\n    console.log(b.toString("hex"));\n  }\n  return (s: string) => s.length;\n}',
  ],
  invalid: [
    reported(
      'a loop over a parameter, in a function that may run often',
      'export function digest(parts: string[]) {\n  let n = 0;\n  for (const p of parts) {\n    const b = Buffer.alloc(16);\n    n += b.write(p);\n  }\n  return n;\n}',
      'Buffer.alloc(16)',
      { hot: 'inside the `for…of` loop at line 3', what: 'a new 16-byte buffer' },
      'const SCRATCH_B = Buffer.alloc(16);\n\nexport function digest(parts: string[]) {\n  let n = 0;\n  for (const p of parts) {\n    const b = SCRATCH_B.fill(0);\n    n += b.write(p);\n  }\n  return n;\n}',
    ),
    {
      ...reported('strict options: a small loop', SMALL_LOOP, 'Buffer.alloc(16)', { hot: 'inside the `for` loop at line 3', what: 'a new 16-byte buffer' }, SMALL_LOOP.replace('export function', 'const SCRATCH_B = Buffer.alloc(16);\n\nexport function').replace('const b = Buffer.alloc(16)', 'const b = SCRATCH_B.fill(0)')),
      options: [{ minIterations: 0, reportRareCode: true }],
    },
  ],
});

cases.register('no-buffer-alloc-in-hot-path');
