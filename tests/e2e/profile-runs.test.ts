/**
 * Whole `eslint` runs with a profile, as real subprocesses of ESLint 10 and 9 with the built plugin:
 * `--cache` after the profile is recorded again (with `profileConfig()` the findings follow the new
 * profile; with the bare setting ESLint serves the old ones, which is why the helper exists), and
 * `--concurrency 2`, under which a warning about the profile is printed once, not once per worker
 * thread. No type information is needed: `no-buffer-alloc-in-hot-path` reports in functions the
 * profile marks hot. `npm test` builds `dist/` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const plugin = pathToFileURL(path.join(root, 'dist/index.js')).href;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-runs-'));
afterAll(() => rmSync(scratch, { force: true, recursive: true }));

const ESLINTS = [
  ['ESLint 10', path.join(root, 'node_modules/eslint/bin/eslint.js')],
  ['ESLint 9', path.join(root, 'node_modules/eslint-v9/bin/eslint.js')],
] as const;

const HANDLERS = `export function encode(n) {
  const buffer = Buffer.alloc(64);
  buffer.writeUInt32BE(n, 0);
  return buffer.toString('base64');
}

export function decode(n) {
  const buffer = Buffer.alloc(32);
  buffer.writeUInt32BE(n, 0);
  return buffer.toString('hex');
}
`;

let projects = 0;

/** A fresh project: `files` (path → text) and an eslint.config.js whose last entries are `configEntries` (source text). */
function project(files: Record<string, string>, configEntries: string, preamble = ''): string {
  const dir = path.join(scratch, String(++projects));
  for (const file of Object.keys(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), files[file]!);
  }
  writeFileSync(
    path.join(dir, 'eslint.config.js'),
    `import alloc, { profileConfig } from ${JSON.stringify(plugin)};
${preamble}
export default [
  { files: ['src/**/*.js'], plugins: { alloc }, rules: { 'alloc/no-buffer-alloc-in-hot-path': 'error' } },
  ${configEntries}
];
`,
  );
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** A heap profile of `src/handlers.js` in which `hot` allocated everything (V8 places a function at its parameter list). */
function writeProfile(dir: string, hot: 'decode' | 'encode'): void {
  const lines = HANDLERS.split('\n');
  const lineNumber = lines.findIndex((line) => line.startsWith(`export function ${hot}(`));
  const frame = { columnNumber: lines[lineNumber]!.indexOf('('), functionName: hot, lineNumber, scriptId: '1', url: pathToFileURL(path.join(dir, 'src/handlers.js')).href };
  const rootFrame = { columnNumber: -1, functionName: '(root)', lineNumber: -1, scriptId: '0', url: '' };
  const profile = { head: { callFrame: rootFrame, children: [{ callFrame: frame, children: [], id: 2, selfSize: 8 * 1024 * 1024 }], id: 1, selfSize: 0 }, samples: [] };
  writeFileSync(path.join(dir, 'alloc.heapprofile'), JSON.stringify(profile));
}

function eslint(bin: string, dir: string, ...args: string[]): { status: number | null; stderr: string; stdout: string } {
  const { status, stderr, stdout } = spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8' });
  return { status, stderr, stdout };
}

/** `line rule: profile note` of every finding, from `eslint --format json`. */
function findings(output: string): string[] {
  const results = JSON.parse(output) as { messages: { line: number; message: string; ruleId: string }[] }[];
  return results.flatMap((result) => result.messages.map((message) => `${message.line} ${message.ruleId}:${message.message.slice(message.message.indexOf(' Profile: '))}`));
}

const ENCODE_HOT = '2 alloc/no-buffer-alloc-in-hot-path: Profile: `encode` allocates 8.00 MiB (100.0%) in alloc.heapprofile.';
const DECODE_HOT = '8 alloc/no-buffer-alloc-in-hot-path: Profile: `decode` allocates 8.00 MiB (100.0%) in alloc.heapprofile.';

describe.each(ESLINTS)('%s --cache, with the profile recorded again', (_, bin) => {
  const lintCached = (dir: string): string[] => {
    const run = eslint(bin, dir, '--cache', '--cache-location', path.join(dir, '.eslintcache'), '--format', 'json', 'src');
    expect(run.stderr).toBe('');
    return findings(run.stdout);
  };

  it('profileConfig(): the findings follow the new profile', () => {
    const dir = project({ 'src/handlers.js': HANDLERS }, "profileConfig({ profile: 'alloc.heapprofile' }),");
    writeProfile(dir, 'encode');
    expect(lintCached(dir)).toEqual([ENCODE_HOT]);
    writeProfile(dir, 'decode');
    expect(lintCached(dir)).toEqual([DECODE_HOT]);
  });

  it('the bare setting: ESLint serves the old profile\'s findings from its cache (what profileConfig() prevents)', () => {
    const dir = project({ 'src/handlers.js': HANDLERS }, "{ settings: { alloc: { profile: 'alloc.heapprofile' } } },");
    writeProfile(dir, 'encode');
    expect(lintCached(dir)).toEqual([ENCODE_HOT]);
    writeProfile(dir, 'decode');
    expect(lintCached(dir)).toEqual([ENCODE_HOT]);
  });
});

/**
 * A rule that holds each worker thread at its first file until two threads are linting, so that
 * both reach the profile's warning, and says which thread linted each file.
 */
const PROBE = `import path from 'node:path';
import { getEnvironmentData, isMainThread, setEnvironmentData, threadId } from 'node:worker_threads';
if (isMainThread) setEnvironmentData('probe-barrier', new SharedArrayBuffer(4));
const barrier = new Int32Array(getEnvironmentData('probe-barrier'));
let arrived = false;
const probe = { rules: { threads: { meta: { schema: [] }, create(context) {
  if (!arrived) {
    arrived = true;
    Atomics.add(barrier, 0, 1);
    const until = Date.now() + 30000;
    while (Atomics.load(barrier, 0) < 2 && Date.now() < until) Atomics.wait(barrier, 0, 1, 50);
  }
  process.stderr.write('probe: thread ' + threadId + ' linted ' + path.basename(context.filename) + '\\n');
  return {};
} } } };`;

describe.each(ESLINTS)('%s --concurrency 2', (_, bin) => {
  it('a warning about the profile is printed once, though both worker threads meet it', () => {
    const files = Object.fromEntries(Array.from({ length: 8 }, (_, index) => [`src/handler${index}.js`, HANDLERS]));
    const dir = project(
      files,
      "{ files: ['src/**/*.js'], plugins: { probe }, rules: { 'probe/threads': 'error' } },\n  { settings: { alloc: { profile: 'missing.heapprofile', profileThreshold: 5 } } },",
      PROBE,
    );
    const run = eslint(bin, dir, '--concurrency', '2', 'src');
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stderr.split('\n');
    const threads = new Set(lines.filter((line) => line.startsWith('probe: thread ')).map((line) => line.split(' ', 3)[2]));
    expect(threads.size).toBe(2);
    expect(lines.filter((line) => line.startsWith('probe: thread '))).toHaveLength(8);
    expect(lines.filter((line) => line.startsWith('eslint-plugin-alloc:'))).toEqual([
      'eslint-plugin-alloc: settings.alloc.profileThreshold: expected a share between 0 (exclusive) and 1, such as 0.05 for 5%, got 5; using the default (the functions that make up 80% of the profile).',
      `eslint-plugin-alloc: settings.alloc.profile: cannot read ${path.join(dir, 'missing.heapprofile')} (ENOENT). Record one with \`npx alloc-profile record -- node <your program>\`; profile-guided hot paths are off until then.`,
    ]);
  });
});
