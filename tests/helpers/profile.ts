/**
 * Synthetic V8 profiles for unit tests: a `.heapprofile` or `.cpuprofile` whose functions sit at
 * the position of a snippet in the code under test, as V8 would record them (0-based line and
 * column), written to a scratch directory. The real-profile tests are in tests/e2e/profile.test.ts.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { fixturesDir } from '../rule-tester.js';
import { at } from './cases.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-test-'));
let counter = 0;

export interface SyntheticFunction {
  /** V8's name for it. */
  name: string;
  /** Where V8 records the function: the first occurrence of this text in `code`. */
  at: string;
  /** Self bytes (heap) or sampled microseconds (CPU). */
  cost: number;
}

/** A 0-based `{ lineNumber, columnNumber }` of `snippet` in `code`, as V8 records positions. */
export function v8Position(code: string, snippet: string): { columnNumber: number; lineNumber: number } {
  const { column, line } = at(code, snippet);
  return { columnNumber: column - 1, lineNumber: line - 1 };
}

/**
 * Writes a heap profile in which each function's allocation is its `cost`, plus `other` bytes
 * outside the program (module loading), for `code` linted as `file` (default: the RuleTester's
 * tests/fixtures/file.ts). Returns the profile's path; `name` sets its file name.
 */
export function writeHeapProfile(
  code: string,
  functions: readonly SyntheticFunction[],
  options: { file?: string; mapped?: boolean; name?: string; other?: number } = {},
): string {
  const url = pathToFileURL(options.file ?? path.join(fixturesDir, 'file.ts')).href;
  let id = 1;
  const children = functions.map((fn, index) => {
    const { columnNumber, lineNumber } = v8Position(code, fn.at);
    // `mapped`: as `alloc-profile record` writes frames of code it ran from compiled JavaScript.
    const frame = options.mapped
      ? { columnNumber: index, lineNumber: 0, originalColumnNumber: columnNumber, originalLineNumber: lineNumber, originalUrl: url, url: 'file:///build/dist/file.js' }
      : { columnNumber, lineNumber, url };
    return { callFrame: { functionName: fn.name, scriptId: '1', ...frame }, children: [], id: ++id, selfSize: fn.cost };
  });
  const other = { callFrame: { columnNumber: -1, functionName: '(program)', lineNumber: -1, scriptId: '0', url: '' }, children: [], id: ++id, selfSize: options.other ?? 0 };
  const profile = {
    head: { callFrame: { columnNumber: -1, functionName: '(root)', lineNumber: -1, scriptId: '0', url: '' }, children: [...children, other], id: 1, selfSize: 0 },
    samples: [],
  };
  return write(options.name ?? 'synthetic.heapprofile', JSON.stringify(profile));
}

/**
 * Writes a CPU profile in which each function was sampled once for `cost` microseconds. V8 stores
 * the time before each sample; the time of sample i is `timeDeltas[i + 1]`, so a last `(idle)`
 * sample closes the run.
 */
export function writeCpuProfile(code: string, functions: readonly SyntheticFunction[], options: { file?: string; name?: string } = {}): string {
  const url = pathToFileURL(options.file ?? path.join(fixturesDir, 'file.ts')).href;
  const idle = functions.length + 2;
  const nodes = [
    { callFrame: { columnNumber: -1, functionName: '(root)', lineNumber: -1, scriptId: '0', url: '' }, children: [...functions.map((_, index) => index + 2), idle], id: 1 },
    ...functions.map((fn, index) => ({ callFrame: { functionName: fn.name, scriptId: '1', url, ...v8Position(code, fn.at) }, children: [], id: index + 2 })),
    { callFrame: { columnNumber: -1, functionName: '(idle)', lineNumber: -1, scriptId: '0', url: '' }, children: [], id: idle },
  ];
  const profile = { endTime: 0, nodes, samples: [...functions.map((_, index) => index + 2), idle], startTime: 0, timeDeltas: [0, ...functions.map((fn) => fn.cost)] };
  return write(options.name ?? 'synthetic.cpuprofile', JSON.stringify(profile));
}

/** Writes `text` as a profile file of the given name in a fresh scratch directory. */
export function write(name: string, text: string): string {
  const dir = path.join(scratch, String(++counter));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
