import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getHotPathModel } from '../../src/analysis/hot-path.js';
import { getLoopAnalysis } from '../../src/analysis/loops.js';
import { getFileProfile } from '../../src/analysis/profile.js';
import { fixturesDir } from '../rule-tester.js';
import { findAll, withTypedContext } from '../utils/lint.js';
import { writeCpuProfile, writeHeapProfile, write } from '../utils/profile.js';

const MiB = 1024 * 1024;

/** The hot-path description and profile note at the call `mark()` in `code`. */
function atMark(code: string, settings: Record<string, unknown>): { hot: string | null; note: string } {
  let result = { hot: null as string | null, note: '' };
  withTypedContext(
    code,
    (context, program) => {
      const model = getHotPathModel(context, getLoopAnalysis(context.sourceCode));
      const call = findAll(program, AST_NODE_TYPES.CallExpression).find(
        (node) => node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'mark',
      )!;
      result = { hot: model.hotness(call)?.description ?? null, note: getFileProfile(context)?.noteFor(call) ?? '' };
    },
    { settings: { alloc: settings } },
  );
  return result;
}

const CODE = `declare function mark(): void;
export function encode(n: number) { mark(); return n; }
export function render(n: number) { mark(); return n; }
export const cold = (n: number) => { mark(); return n; };
`;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('profile-guided hot paths', () => {
  it('a plain function the heap profile measured is hot, with the figure', () => {
    const profile = writeHeapProfile(CODE, [{ at: '(n: number) { mark(); return n; }\nexport function render', cost: 300 * MiB, name: 'encode' }], { name: 'alloc.heapprofile', other: 100 * MiB });
    expect(atMark(CODE, { profile })).toEqual({
      hot: 'in `encode` (hot in alloc.heapprofile)',
      note: ' Profile: `encode` allocates 300 MiB (75.0%) in alloc.heapprofile.',
    });
  });

  it('by default the hot set is the fewest functions that make up 80% of the attributed bytes', () => {
    const code = CODE.replace('export function encode(n: number) { mark();', 'export function encode(n: number) {');
    const functions = [
      { at: 'encode', cost: 70 * MiB, name: 'encode' },
      { at: 'render', cost: 20 * MiB, name: 'render' },
      { at: 'cold', cost: 10 * MiB, name: 'cold' },
    ];
    // encode (70%) + render (90%) reach 80%: render is hot, cold is not.
    expect(atMark(code, { profile: writeHeapProfile(code, functions) }).hot).toBe('in `render` (hot in synthetic.heapprofile)');
    const coldFirst = code.replace('export function render(n: number) { mark();', 'export function render(n: number) {').replace('=> {', '=> { mark();');
    expect(atMark(coldFirst, { profile: writeHeapProfile(coldFirst, functions) })).toEqual({ hot: null, note: '' });
  });

  it('settings.alloc.profileThreshold: a share each function must reach', () => {
    const code = CODE.replace('export function encode(n: number) { mark();', 'export function encode(n: number) {').replace('export function render(n: number) { mark();', 'export function render(n: number) {').replace('=> {', '=> { mark();');
    const profile = writeHeapProfile(code, [
      { at: 'encode', cost: 90 * MiB, name: 'encode' },
      { at: 'cold', cost: 10 * MiB, name: 'cold' },
    ]);
    expect(atMark(code, { profile }).hot).toBeNull();
    expect(atMark(code, { profile, profileThreshold: 0.05 })).toEqual({
      hot: 'in `cold` (hot in synthetic.heapprofile)',
      note: ' Profile: `cold` allocates 10.0 MiB (10.0%) in synthetic.heapprofile.',
    });
  });

  it('code hot for another reason still carries the figure; a nested callback takes its function’s', () => {
    const code = 'declare function mark(): void;\nexport function encode(rows: number[]) {\n  for (const row of rows) [row].forEach(() => mark());\n}\n';
    const profile = writeHeapProfile(code, [{ at: '(rows', cost: 5 * MiB, name: 'encode' }]);
    expect(atMark(code, { profile })).toEqual({
      hot: 'inside the `forEach()` callback at line 3',
      note: ' Profile: `encode` allocates 5.00 MiB (100.0%) in synthetic.heapprofile.',
    });
  });

  it('a CPU profile: the share of CPU time', () => {
    const profile = writeCpuProfile(CODE, [
      { at: '(n: number) { mark(); return n; }\nexport function render', cost: 1_500_000, name: 'encode' },
      { at: 'render', cost: 500_000, name: 'render' },
    ], { name: 'app.cpuprofile' });
    expect(atMark(CODE, { profile })).toEqual({
      hot: 'in `encode` (hot in app.cpuprofile)',
      note: ' Profile: `encode` spends 1.50 s (75.0%) of CPU time in app.cpuprofile.',
    });
  });

  it('several profiles: each figure, for functions any of them marks hot', () => {
    const heap = writeHeapProfile(CODE, [{ at: 'encode', cost: MiB, name: 'encode' }], { name: 'a.heapprofile' });
    const cpu = writeCpuProfile(CODE, [{ at: 'encode', cost: 2000, name: 'encode' }], { name: 'b.cpuprofile' });
    expect(atMark(CODE, { profile: [heap, cpu] }).note).toBe(' Profile: `encode` allocates 1.00 MiB (100.0%) in a.heapprofile; spends 2.00 ms (100.0%) of CPU time in b.cpuprofile.');
  });

  it('without settings.alloc.profile nothing changes', () => {
    expect(atMark(CODE, {})).toEqual({ hot: null, note: '' });
  });
});

describe('profile-guided hot paths: bad input gets one clear message and no crash', () => {
  function warnings(code: string, settings: Record<string, unknown>): string[] {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    atMark(code, settings);
    atMark(code, settings); // a second file with the same setting: no second message
    return warn.mock.calls.map((call) => String(call[0]));
  }

  it('a missing file', () => {
    const missing = path.join(path.dirname(write('x.json', '{}')), 'nowhere.heapprofile');
    expect(warnings(CODE, { profile: missing })).toEqual([
      expect.stringMatching(/^eslint-plugin-alloc: settings\.alloc\.profile: cannot read .*nowhere\.heapprofile \(ENOENT\)\. Record one with `npx alloc-profile record -- node <your program>`; profile-guided hot paths are off until then\.$/u),
    ]);
  });

  it('a truncated profile', () => {
    const truncated = write('cut.heapprofile', '{"head":{"callFrame":{"functionName":"(root)","url":"","lineNumber":-1,"columnNumber":-1},"children":[{"callFrame":');
    expect(warnings(CODE, { profile: truncated })).toEqual([expect.stringMatching(/cut\.heapprofile is not usable: it is not JSON \(.*\), and it looks truncated, as if the profiled process was killed while writing it\.$/u)]);
  });

  it('JSON that is not a profile', () => {
    expect(warnings(CODE, { profile: write('trace.json', '{"traceEvents":[]}') })).toEqual([expect.stringMatching(/trace\.json is not usable: it is JSON but neither a V8 heap profile/u)]);
  });

  it('a profile from another code base: said once, marks nothing', () => {
    const elsewhere = writeHeapProfile(CODE, [{ at: 'encode', cost: MiB, name: 'encode' }], { file: '/srv/other-service/src/app.ts', name: 'other.heapprofile' });
    expect(warnings(CODE, { profile: elsewhere })).toEqual([
      expect.stringMatching(/none of the 1 functions in .*other\.heapprofile is in a source file under .* \(it has e\.g\. \/srv\/other-service\/src\/app\.ts\) — was it recorded from another code base or checkout\? It marks nothing hot here\.$/u),
    ]);
    expect(atMark(CODE, { profile: elsewhere })).toEqual({ hot: null, note: '' });
  });

  it('a stale profile or source map: functions no longer where it says', () => {
    // Recorded against an older version of the file: `encode` was at line 2, which now holds `render`; `gone` was at line 9.
    const older = 'declare function mark(): void;\nexport function encode(n: number) { mark(); return n; }\n\n\n\n\n\n\nfunction gone() {}\n';
    const profile = writeHeapProfile(older, [
      { at: 'encode', cost: MiB, name: 'encode' },
      { at: 'gone', cost: MiB, name: 'gone' },
    ], { name: 'old.heapprofile' });
    const moved = CODE.replace('export function encode(n: number) { mark(); return n; }\n', '');
    expect(warnings(moved, { profile })).toEqual([
      expect.stringMatching(/^eslint-plugin-alloc: settings\.alloc\.profile: 2 function\(s\) that old\.heapprofile places in tests\/fixtures\/file\.ts are not there \(e\.g\. `encode` at line 2\) — the file changed after the profile was recorded, or its source map is stale\. Record the profile again; until then they are not marked hot\.$/u),
    ]);
    expect(atMark(moved, { profile }).hot).toBeNull();
  });

  it('invalid settings', () => {
    expect(warnings(CODE, { profile: 42, profileThreshold: 5 })).toEqual([
      'eslint-plugin-alloc: settings.alloc.profile: expected a path or an array of paths to .heapprofile/.cpuprofile files, got 42; ignored.',
      'eslint-plugin-alloc: settings.alloc.profileThreshold: expected a share between 0 (exclusive) and 1, such as 0.05 for 5%, got 5; using the default (the functions that make up 80% of the profile).',
    ]);
  });
});

describe('profile-guided hot paths: two scripts of one profile for one function', () => {
  it('one figure, their sum (an ESM and a CommonJS build of the same source)', () => {
    const code = 'declare function mark(): void;\nexport function encode(n: number) { mark(); return n; }\n';
    const url = pathToFileURL(path.join(fixturesDir, 'file.ts')).href;
    const frame = (lineNumber: number, columnNumber: number) => ({ columnNumber, functionName: 'encode', lineNumber, scriptId: '1', url });
    const root = { columnNumber: -1, functionName: '(root)', lineNumber: -1, scriptId: '0', url: '' };
    // The same function at two recorded positions inside its head: the name and the parameter list.
    const profile = write(
      'two.heapprofile',
      JSON.stringify({ head: { callFrame: root, children: [{ callFrame: frame(1, 16), children: [], id: 2, selfSize: 3 * MiB }, { callFrame: frame(1, 22), children: [], id: 3, selfSize: MiB }], id: 1, selfSize: 0 }, samples: [] }),
    );
    expect(atMark(code, { profile }).note).toBe(' Profile: `encode` allocates 4.00 MiB (100.0%) in two.heapprofile.');
  });
});
