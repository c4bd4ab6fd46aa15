import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { getHotPathModel } from '../../src/analysis/hot-path.js';
import { getLoopAnalysis } from '../../src/analysis/loops.js';
import { getFileProfile } from '../../src/analysis/profile.js';
import { fixturesDir } from '../rule-tester.js';
import { findAll, withTypedContext } from '../helpers/lint.js';
import { writeCpuProfile, writeHeapProfile, write } from '../helpers/profile.js';
import { formatBytes } from '../../src/util/units.js';
import { profileConfig } from '../../src/profile-config.js';

const MiB = 1024 * 1024;
/** The file the rule tester lints, as warnings name it: absolute. */
const FILE = path.join(fixturesDir, 'file.ts');

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
    // Not hot, but measured: its findings still carry the figure.
    expect(atMark(coldFirst, { profile: writeHeapProfile(coldFirst, functions) })).toEqual({ hot: null, note: ' Profile: `cold` allocates 10.0 MiB (10.0%) in synthetic.heapprofile.' });
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

  it('code hot for another reason still carries the figure; a callback the profile did not measure inherits neither', () => {
    const code = 'declare function mark(): void;\nexport function encode(rows: number[]) {\n  for (const row of rows) mark();\n}\n';
    const profile = writeHeapProfile(code, [{ at: '(rows', cost: 5 * MiB, name: 'encode' }]);
    expect(atMark(code, { profile })).toEqual({
      hot: 'inside the `for…of` loop at line 3',
      note: ' Profile: `encode` allocates 5.00 MiB (100.0%) in synthetic.heapprofile.',
    });
    // A callback is a function of its own in the profile: one it did not see is cold, whatever its parent.
    const nested = 'declare function mark(): void;\nexport function encode(rows: number[]) {\n  queueMicrotask(() => mark());\n  return rows;\n}\n';
    expect(atMark(nested, { profile: writeHeapProfile(nested, [{ at: '(rows', cost: 5 * MiB, name: 'encode' }]) })).toEqual({ hot: null, note: '' });
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

  it('the settings profileConfig() makes read the same, without a warning', () => {
    const profile = writeHeapProfile(CODE, [{ at: '(n: number) { mark(); return n; }\nexport function render', cost: 300 * MiB, name: 'encode' }], { name: 'alloc.heapprofile', other: 100 * MiB });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(atMark(CODE, profileConfig({ profile, profileThreshold: 0.5 }).settings!.alloc as Record<string, unknown>)).toEqual({
      hot: 'in `encode` (hot in alloc.heapprofile)',
      note: ' Profile: `encode` allocates 300 MiB (75.0%) in alloc.heapprofile.',
    });
    expect(warn).not.toHaveBeenCalled();
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

  it('a missing file: its absolute path, and how to record one', () => {
    const missing = path.join(path.dirname(write('x.json', '{}')), 'nowhere.heapprofile');
    expect(warnings(CODE, { profile: missing })).toEqual([
      `eslint-plugin-alloc: settings.alloc.profile: cannot read ${missing} (ENOENT). Record one with \`npx alloc-profile record -- node <your program>\`; profile-guided hot paths are off until then.`,
    ]);
  });

  it('a relative path is resolved against ESLint\'s working directory (here the test\'s), and shown absolute', () => {
    expect(warnings(CODE, { profile: 'nowhere.heapprofile' })).toEqual([
      `eslint-plugin-alloc: settings.alloc.profile: cannot read ${path.resolve('nowhere.heapprofile')} (ENOENT). Record one with \`npx alloc-profile record -- node <your program>\`; profile-guided hot paths are off until then.`,
    ]);
  });

  it('a truncated profile', () => {
    const truncated = write('cut.heapprofile', '{"head":{"callFrame":{"functionName":"(root)","url":"","lineNumber":-1,"columnNumber":-1},"children":[{"callFrame":');
    expect(warnings(CODE, { profile: truncated })).toEqual([
      `eslint-plugin-alloc: settings.alloc.profile: ${truncated} is not usable: it is truncated (its JSON stops after 115 bytes with brackets still open), as if writing it was interrupted.`,
    ]);
  });

  it('plain text: not JSON, and not called truncated', () => {
    const text = write('notes.heapprofile', 'TODO: record the profile\n');
    expect(warnings(CODE, { profile: text })).toEqual([`eslint-plugin-alloc: settings.alloc.profile: ${text} is not usable: it is not JSON (it starts with "TODO: record the profile").`]);
  });

  it('JSON that is not a profile', () => {
    const trace = write('trace.json', '{"traceEvents":[]}');
    expect(warnings(CODE, { profile: trace })).toEqual([
      `eslint-plugin-alloc: settings.alloc.profile: ${trace} is not usable: it is JSON but neither a V8 heap profile (\`{ head, samples }\`, a .heapprofile) nor a CPU profile (\`{ nodes, samples, timeDeltas }\`, a .cpuprofile).`,
    ]);
  });

  it('a file over settings.alloc.profileMaxBytes is refused before it is read', () => {
    const profile = writeHeapProfile(CODE, [{ at: 'encode', cost: MiB, name: 'encode' }]);
    expect(warnings(CODE, { profile, profileMaxBytes: 100 })).toEqual([
      `eslint-plugin-alloc: settings.alloc.profile: ${profile} is not usable: it is ${formatBytes(statSync(profile).size)}, over the 100 B limit (settings.alloc.profileMaxBytes).`,
    ]);
    expect(atMark(CODE, { profile, profileMaxBytes: 100 })).toEqual({ hot: null, note: '' });
    // Under the limit, the same file is read.
    expect(atMark(CODE, { profile, profileMaxBytes: 1_000_000 }).note).toBe(' Profile: `encode` allocates 1.00 MiB (100.0%) in synthetic.heapprofile.');
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
      `eslint-plugin-alloc: settings.alloc.profile: 2 function(s) that old.heapprofile places in ${FILE} are not there (e.g. \`encode\` at line 2) — the file changed after the profile was recorded, or its source map is stale. Record the profile again; until then they are not marked hot.`,
    ]);
    expect(atMark(moved, { profile }).hot).toBeNull();
  });

  it('invalid settings', () => {
    expect(warnings(CODE, { profile: 42, profileMaxBytes: '1GB', profileThreshold: 5 })).toEqual([
      'eslint-plugin-alloc: settings.alloc.profile: expected a path or an array of paths to .heapprofile/.cpuprofile files, got 42; ignored.',
      'eslint-plugin-alloc: settings.alloc.profileThreshold: expected a share between 0 (exclusive) and 1, such as 0.05 for 5%, got 5; using the default (the functions that make up 80% of the profile).',
      "eslint-plugin-alloc: settings.alloc.profileMaxBytes: expected a whole number of bytes, such as 536870912 for 512 MiB, got '1GB'; using the default (256 MiB).",
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

describe('profile-guided hot paths: how V8 names and places functions', () => {
  function warnedFor(code: string, functions: Parameters<typeof writeHeapProfile>[1]): { result: ReturnType<typeof atMark>; warnings: string[] } {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = atMark(code, { profile: writeHeapProfile(code, functions) });
    return { result, warnings: warn.mock.calls.map((call) => String(call[0])) };
  }

  it('a constructor: V8 names it after its class', () => {
    const code = 'declare function mark(): void;\nexport class Encoder {\n  constructor(n: number) { mark(); }\n}\n';
    expect(warnedFor(code, [{ at: '(n: number)', cost: MiB, name: 'Encoder' }])).toEqual({
      result: { hot: 'in `Encoder.constructor` (hot in synthetic.heapprofile)', note: ' Profile: `Encoder.constructor` allocates 1.00 MiB (100.0%) in synthetic.heapprofile.' },
      warnings: [],
    });
  });

  it('class field initializers and implicit constructors sit at the class: skipped, no warning', () => {
    const code = 'declare function mark(): void;\nexport class Cache {\n  items = new Map<string, number>();\n}\nexport function f() { mark(); }\n';
    expect(warnedFor(code, [
      { at: 'class Cache', cost: MiB, name: '<instance_members_initializer>' },
      { at: 'Cache {', cost: MiB, name: 'Cache' },
      // Through a source map, V8's position for an exported class can land on the space after `export`.
      { at: ' class Cache', cost: MiB, name: 'Cache' },
    ])).toEqual({ result: { hot: null, note: '' }, warnings: [] });
  });

  it('quoted keys with dots and spaces are names too', () => {
    const code = "declare function mark(): void;\nexport const routes = {\n  'GET /users': (id: number) => { mark(); return id; },\n  'user.get': (id: number) => id,\n};\n";
    const { result, warnings } = warnedFor(code, [
      { at: '(id: number) => { mark', cost: 3 * MiB, name: 'GET /users' },
      { at: '(id: number) => id', cost: MiB, name: 'user.get' },
    ]);
    expect(warnings).toEqual([]);
    expect(result.note).toBe(' Profile: `GET /users` allocates 3.00 MiB (75.0%) in synthetic.heapprofile.');
  });

  it('moved by an edit: a named function is found by its name, a callback in it by the same shift', () => {
    const original = 'declare function mark(): void;\nexport function encode(rows: number[]) {\n  rows.forEach((row) => { mark(); });\n}\n';
    const profile = writeHeapProfile(original, [
      { at: '(rows', cost: MiB, name: 'encode' },
      { at: '(row)', cost: 3 * MiB, name: '' },
    ]);
    const edited = original.replace('declare function mark(): void;\n', 'declare function mark(): void;\nconst ADDED = 1;\n\n');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(atMark(edited, { profile }).note).toBe(' Profile: the anonymous function at line 5 allocates 3.00 MiB (75.0%) in synthetic.heapprofile.');
    expect(warn).not.toHaveBeenCalled();
  });

  it('the same profile listed twice counts once', () => {
    const profile = writeHeapProfile(CODE, [{ at: 'encode', cost: MiB, name: 'encode' }]);
    expect(atMark(CODE, { profile: [profile, `${path.dirname(profile)}/./${path.basename(profile)}`] }).note).toBe(' Profile: `encode` allocates 1.00 MiB (100.0%) in synthetic.heapprofile.');
  });
});

describe('profile-guided hot paths: more bad input', () => {
  it('a directory, not a file: one warning, no crash', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const dir = path.dirname(write('x.heapprofile', '{}'));
    expect(atMark(CODE, { profile: dir })).toEqual({ hot: null, note: '' });
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([`eslint-plugin-alloc: settings.alloc.profile: ${dir} is not usable: it is a directory.`]);
  });

  it('a profile with no program code in it (node --heap-prof keeps only what is alive at exit)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    atMark(CODE, { profile: writeHeapProfile(CODE, [], { name: 'empty.heapprofile', other: MiB }) });
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringMatching(/empty\.heapprofile has no function of a program's code in it — an empty recording, or one from `node --heap-prof`, which keeps only what was still alive at exit/u),
    ]);
  });
});

describe('profile-guided hot paths: after an edit or a --fix pass moved code', () => {
  function afterEdit(original: string, edited: string, functions: Parameters<typeof writeHeapProfile>[1], mapped = false) {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const result = atMark(edited, { profile: writeHeapProfile(original, functions, { mapped }) });
    return { result, warnings: warn.mock.calls.map((call) => String(call[0])) };
  }

  it('a method moved by a JSDoc comment above it is found by name', () => {
    const original = 'declare function mark(): void;\nexport class Codec {\n  encode(n: number) { mark(); return n; }\n}\n';
    const edited = original.replace('  encode(', '  /** Encodes. */\n  encode(');
    expect(afterEdit(original, edited, [{ at: '(n: number)', cost: MiB, name: 'encode' }])).toEqual({
      result: { hot: 'in `encode` (hot in synthetic.heapprofile)', note: ' Profile: `encode` allocates 1.00 MiB (100.0%) in synthetic.heapprofile.' },
      warnings: [],
    });
  });

  it('through a source map, a stale position on another function’s head is not that function', () => {
    const original = 'declare function mark(): void;\nexport function label(n: number) { return n; }\nexport function encode(n: number) { mark(); return n; }\n';
    // The two functions swapped places: the recorded position of `encode` is now in `label`'s head.
    const edited = 'declare function mark(): void;\nexport function encode(n: number) { mark(); return n; }\nexport function label(n: number) { return n; }\n';
    const { result, warnings } = afterEdit(original, edited, [{ at: '(n: number) { mark', cost: MiB, name: 'encode' }], true);
    expect(result.note).toBe(' Profile: `encode` allocates 1.00 MiB (100.0%) in synthetic.heapprofile.');
    expect(warnings).toEqual([]);
  });

  it('through a source map, a name that is none of the file’s (a minifier’s) leaves the position to decide', () => {
    const code = 'declare function mark(): void;\nexport function encode(n: number) { mark(); return n; }\n';
    expect(afterEdit(code, code, [{ at: '(n: number)', cost: MiB, name: 'h' }], true).result.note).toBe(' Profile: `encode` allocates 1.00 MiB (100.0%) in synthetic.heapprofile.');
  });

  it('a quoted key with a dot, moved, is found by its whole name', () => {
    const original = "declare function mark(): void;\nexport const api = {\n  'user.get': (id: number) => { mark(); return id; },\n};\n";
    const edited = original.replace('export const api', '// moved\nexport const api');
    expect(afterEdit(original, edited, [{ at: '(id: number)', cost: MiB, name: 'user.get' }])).toMatchObject({ warnings: [] });
  });

  it('an anonymous callback whose neighbours moved by different amounts: stale, never given to another function', () => {
    const original = 'declare function mark(): void;\nexport function a(xs: number[]) {\n  xs.forEach((x) => mark());\n  xs.forEach((y) => y);\n}\nexport function b(n: number) { return n; }\n';
    // One line above `a` and another inside it, before the callbacks.
    const edited = original.replace('export function a', '// one\nexport function a').replace('  xs.forEach((x)', '  const two = 2;\n  xs.forEach((x)');
    const { result, warnings } = afterEdit(original, edited, [
      { at: '(xs', cost: MiB, name: 'a' },
      { at: '(x) =>', cost: 5 * MiB, name: '' },
      { at: '(n: number)', cost: MiB, name: 'b' },
    ]);
    expect(result.note).toBe('');
    expect(warnings).toEqual([expect.stringContaining(`1 function(s) that synthetic.heapprofile places in ${FILE} are not there (e.g. \`(anonymous)\` at line 3)`)]);
  });
});
