/**
 * Profile-guided hot paths end to end, with real profiles: the fixture program in
 * tests/fixtures/profile is compiled with `tsc` (source maps on disk), recorded with the built
 * `alloc-profile record`, and then linted with the built plugin and `settings.alloc.profile`. Also:
 * a CommonJS program, a program run through tsx (source maps only in the running process),
 * `node --cpu-prof`, a program stopped with SIGTERM, and bad input.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import type { LoadedProfile } from '../../src/profile/load.js';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/alloc-profile.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-e2e-'));
const project = path.join(scratch, 'project');
const source = readFileSync(path.join(root, 'tests/fixtures/profile/src/app.ts'), 'utf8');

// The built package, as users load it.
const plugin = (await import(pathToFileURL(path.join(root, 'dist/index.js')).href)).default;
const { loadProfile } = (await import(pathToFileURL(path.join(root, 'dist/profile/load.js')).href)) as typeof import('../../src/profile/load.js');
const { formatBytes } = (await import(pathToFileURL(path.join(root, 'dist/util/units.js')).href)) as typeof import('../../src/util/units.js');

/** 1-based line of the first line of `source` containing `text`. */
const lineOf = (text: string, code = source): number => code.split('\n').findIndex((line) => line.includes(text)) + 1;

function run(args: string[], cwd = project): { status: number; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stderr: result.stderr, stdout: result.stdout };
}

function record(out: string, command: string[], cwd = project): string {
  const result = run([cli, 'record', '--out', out, '--', ...command], cwd);
  expect(result.status, result.stderr).toBe(0);
  return result.stderr;
}

async function lint(settings: Record<string, unknown> | null, cwd = project): Promise<ESLint.LintResult[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: cwd } } },
      plugin.configs['recommended-type-checked'],
      ...(settings ? [{ settings: { alloc: settings } }] : []),
    ],
    overrideConfigFile: true,
  });
  return eslint.lintFiles(['src/**/*.ts']);
}

const messages = (results: ESLint.LintResult[], ruleId: string) => results.flatMap((r) => r.messages.filter((m) => m.ruleId === ruleId));

let heapProfile: LoadedProfile;

beforeAll(() => {
  cpSync(path.join(root, 'tests/fixtures/profile'), project, { recursive: true });
  // For `types: ["node"]`.
  symlinkSync(path.join(root, 'node_modules'), path.join(project, 'node_modules'), 'dir');
  execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project });
  record('alloc.heapprofile', [process.execPath, 'dist/app.js', '200']);
  heapProfile = loadProfile(path.join(project, 'alloc.heapprofile'), null, project)!;
}, 120_000);

afterAll(() => {
  rmSync(scratch, { force: true, recursive: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('alloc-profile record and top', () => {
  it('records short-lived allocations (which node --heap-prof misses), charged to the right function', () => {
    const encode = heapProfile.functions.find((fn) => fn.name === 'encodeRecord')!;
    // 200 × 1,000 records of 64 bytes each, plus their base64 strings: tens of MiB that die young.
    expect(encode.self).toBeGreaterThan(10 * 1024 * 1024);
    expect(encode.location).toEqual({ column: expect.any(Number), file: path.join(project, 'src/app.ts'), line: lineOf('export function encodeRecord'), mapped: true });
    // node --heap-prof samples what is alive at exit: almost none of it.
    run([`--heap-prof`, '--heap-prof-dir', 'heap-prof', 'dist/app.js', '200']);
    const [written] = readdirSync(path.join(project, 'heap-prof'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const retained = loadProfile(path.join(project, 'heap-prof', written!), null, project)!;
    expect(retained.functions.find((fn) => fn.name === 'encodeRecord')?.self ?? 0).toBeLessThan(encode.self / 100);
    // So little that the reader says the recording is of no use, and why.
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringMatching(/^eslint-plugin-alloc: settings\.alloc\.profile: .*\.heapprofile has no function of a program's code in it — an empty recording, or one from `node --heap-prof`/u),
    ]);
  });

  it('top prints the heaviest functions with source-mapped TypeScript locations', () => {
    const { status, stdout } = run([cli, 'top', 'alloc.heapprofile', '-n', '2']);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]!.startsWith(`${path.join(project, 'alloc.heapprofile')}: heap profile, `)).toBe(true);
    expect(lines[0]).toMatch(/: heap profile, [\d.]+ MiB sampled; [\d.]+% outside the program's code/u);
    // `top` lists the script's top-level code too, which the lint leaves out.
    expect(lines[1]).toBe(`Showing the top 2 of ${heapProfile.functions.length + 1} functions, by self allocation; locations relative to ${project}`);
    expect(lines[2]).toMatch(/^\s+self\s+self%\s+sum%\s+cum\s+cum%\s+function\s+location$/u);
    // `73.5 MiB  72.9%  72.9%  73.5 MiB  72.9%  encodeRecord  src/app.ts:14`
    const spaces = /\s+/u;
    const rows = lines.slice(3).map((line) => line.trim().split(spaces));
    const expected = heapProfile.functions.slice(0, 2);
    expect(rows.map((row) => [row[7], row[8]])).toEqual(expected.map((fn) => [fn.name, `src/app.ts:${fn.location.line}`]));
    expect(rows.map((row) => row[7]).sort()).toEqual(['encodeRecord', 'renderRows']);
    expect(rows[0]!.slice(0, 2).join(' ')).toBe(formatBytes(expected[0]!.self));
  });

  it('--cum sorts by cumulative allocation: the caller first', () => {
    const { stdout } = run([cli, 'top', 'alloc.heapprofile', '-n', '1', '--cum']);
    expect(stdout).toMatch(/by cumulative allocation; locations relative to .*\n.*\n.*\s(main|\(top level\))\s+src\/app\.ts/u);
  });

  it('a CommonJS program: frames keep their file and line, even on the first line', () => {
    const dir = path.join(scratch, 'cjs');
    mkdirSync(dir);
    // `encode` starts on line 1, where Node's module wrapper shifts columns.
    const code = `function encode(n) { const b = Buffer.alloc(256); b.writeUInt32BE(n, 0); return b.toString('hex'); }\nlet size = 0;\nfor (let i = 0; i < 200000; i++) size += encode(i).length;\nconsole.log(size);\n`;
    writeFileSync(path.join(dir, 'app.cjs'), code);
    record('cjs.heapprofile', [process.execPath, 'app.cjs'], dir);
    const profile = loadProfile(path.join(dir, 'cjs.heapprofile'), null, dir)!;
    expect(profile.functions[0]).toMatchObject({ location: { column: 15, file: path.join(dir, 'app.cjs'), line: 1, mapped: false }, name: 'encode' });
  });

  it('charges an inlined function its own allocations, unless --keep-inlining', () => {
    const dir = path.join(scratch, 'inlining');
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'app.mjs'),
      'const sink = [];\nfunction make(i) { return { a: i, b: [i, i + 1] }; }\nfunction caller(n) { for (let i = 0; i < n; i++) { sink.push(make(i)); if (sink.length > 1000) sink.length = 0; } }\nfor (let r = 0; r < 300; r++) caller(10000);\n',
    );
    const share = (file: string, name: string) => loadProfile(path.join(dir, file), null, dir)!.functions.find((fn) => fn.name === name)?.share ?? 0;
    record('default.heapprofile', [process.execPath, 'app.mjs'], dir);
    const result = run([cli, 'record', '--keep-inlining', '--out', 'inlined.heapprofile', '--', process.execPath, 'app.mjs'], dir);
    expect(result.stderr).toMatch(/sampled in 1 process \(one sample per 32\.0 KiB allocated\)\./u);
    // TurboFan inlines `make` into `caller`: its objects land on `caller` unless inlining is off.
    expect(share('default.heapprofile', 'make')).toBeGreaterThan(0.5);
    expect(share('inlined.heapprofile', 'make')).toBeLessThan(0.1);
    expect(share('inlined.heapprofile', 'caller')).toBeGreaterThan(0.9);
  });

  it('a program run through tsx: the recording process maps its in-memory source maps', () => {
    const loader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;
    record('tsx.heapprofile', [process.execPath, '--import', loader, 'src/app.ts', '100']);
    const profile = loadProfile(path.join(project, 'tsx.heapprofile'), null, project)!;
    expect(profile.functions.find((fn) => fn.name === 'encodeRecord')?.location).toMatchObject({ file: path.join(project, 'src/app.ts'), line: lineOf('export function encodeRecord'), mapped: true });
  });

  /**
   * Starts `record` on a long-running program, waits for it to print `ready`, sends `signal` to
   * `record` — or, with `group`, to the process group `record` leads, as Ctrl-C in a shell does.
   */
  async function recordUntilSignal(
    dir: string,
    program: string,
    signal: NodeJS.Signals,
    group = false,
  ): Promise<{ code: number | null; stderr: string; stdout: string }> {
    writeFileSync(path.join(dir, 'program.mjs'), program);
    const child = spawn(process.execPath, [cli, 'record', '--out', 'p.heapprofile', '--', process.execPath, 'program.mjs'], {
      cwd: dir,
      detached: group,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        if (stdout.includes('ready')) resolve();
      }),
    );
    if (group) process.kill(-child.pid!, signal);
    else child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    return { code, stderr, stdout };
  }

  it('a program stopped with SIGTERM still leaves its profile', async () => {
    const dir = path.join(scratch, 'server');
    mkdirSync(dir);
    const program = "export function tick() { return JSON.stringify({ at: Date.now(), pad: 'x'.repeat(512) }).length; }\nsetInterval(() => { for (let i = 0; i < 5000; i++) tick(); }, 1);\nsetTimeout(() => console.log('ready'), 300);\n";
    const { code, stderr } = await recordUntilSignal(dir, program, 'SIGTERM');
    expect(code).toBe(128 + os.constants.signals.SIGTERM);
    expect(stderr.startsWith(`alloc-profile: wrote ${path.join(dir, 'p.heapprofile')}: `)).toBe(true);
    expect(stderr).toMatch(/: [\d.]+ MiB sampled in 1 process/u);
    const profile = loadProfile(path.join(dir, 'p.heapprofile'), null, dir)!;
    expect(profile.functions[0]).toMatchObject({ location: { line: 1 }, name: 'tick' });
  });

  it('a program with its own SIGTERM handler keeps running, and is recorded to its real exit', async () => {
    const dir = path.join(scratch, 'handler');
    mkdirSync(dir);
    const program = [
      "export function early() { return JSON.stringify({ pad: 'e'.repeat(256) }).length; }",
      "export function late() { return JSON.stringify({ pad: 'l'.repeat(256) }).length; }",
      'for (let i = 0; i < 20000; i++) early();',
      "process.on('SIGTERM', () => { for (let i = 0; i < 200000; i++) late(); console.log('stats printed'); process.exit(0); });",
      "setInterval(() => {}, 1000); console.log('ready');",
    ].join('\n');
    const { code, stdout } = await recordUntilSignal(dir, program, 'SIGTERM');
    expect(code).toBe(0);
    expect(stdout).toContain('stats printed');
    const names = loadProfile(path.join(dir, 'p.heapprofile'), null, dir)!.functions.map((fn) => fn.name);
    expect(names.slice(0, 2)).toEqual(['late', 'early']);
  });

  it('signal-exit style handlers (which re-raise only when alone) still end the program', async () => {
    const dir = path.join(scratch, 'signal-exit');
    mkdirSync(dir);
    const program = [
      "export function work() { return JSON.stringify({ pad: 'w'.repeat(256) }).length; }",
      'for (let i = 0; i < 20000; i++) work();',
      "const onSigterm = () => { if (process.listeners('SIGTERM').length === 1) { console.log('cleanup'); process.removeListener('SIGTERM', onSigterm); process.kill(process.pid, 'SIGTERM'); } };",
      "process.on('SIGTERM', onSigterm);",
      "setInterval(() => {}, 1000); console.log('ready');",
    ].join('\n');
    const { code, stdout } = await recordUntilSignal(dir, program, 'SIGTERM');
    expect(code).toBe(128 + os.constants.signals.SIGTERM);
    expect(stdout).toContain('cleanup');
    expect(loadProfile(path.join(dir, 'p.heapprofile'), null, dir)!.functions[0]).toMatchObject({ name: 'work' });
  });

  it('Ctrl-C (SIGINT to the process group) reaches the program once', async () => {
    const dir = path.join(scratch, 'ctrl-c');
    mkdirSync(dir);
    const program = "let count = 0;\nprocess.on('SIGINT', () => { count++; console.log(`SIGINT ${count}`); setTimeout(() => process.exit(0), 300); });\nsetInterval(() => {}, 1000);\nconsole.log('ready');\n";
    const { code, stdout } = await recordUntilSignal(dir, program, 'SIGINT', true);
    expect(code).toBe(0);
    expect(stdout).toBe('ready\nSIGINT 1\n');
  });

  it('--out in a directory that does not exist yet: created before the program runs', () => {
    record('profiles/run 1/out.heapprofile', [process.execPath, 'dist/app.js', '5']);
    expect(loadProfile(path.join(project, 'profiles/run 1/out.heapprofile'), null, project)).not.toBeNull();
  });

  it('a command that replaces NODE_OPTIONS records nothing of the program, and says so', () => {
    const dir = path.join(scratch, 'replaced');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'app.mjs'), "export function work() { return 'x'.repeat(1000); }\nfor (let i = 0; i < 1e5; i++) work();\n");
    // A wrapper that runs the program with a NODE_OPTIONS of its own (as `NODE_OPTIONS=… node app` in an npm script does).
    writeFileSync(path.join(dir, 'wrapper.mjs'), "import { execFileSync } from 'node:child_process';\nexecFileSync(process.execPath, ['app.mjs'], { env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' }, stdio: 'inherit' });\n");
    expect(record('wrapped.heapprofile', [process.execPath, 'wrapper.mjs'], dir)).toMatch(/Warning: no recorded function is in a file under .* If the command sets NODE_OPTIONS itself, that replaced the sampler's: run the program with node directly\./u);
  });

  it('compiled code with a large inline source map still maps to TypeScript', () => {
    const dir = path.join(scratch, 'inline');
    cpSync(path.join(root, 'tests/fixtures/profile'), dir, { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    // Enough functions that the inline map is far longer than a few KiB.
    const filler = Array.from({ length: 200 }, (_, i) => `export function filler${i}(n: number): number {\n  return n * ${i} + Math.sqrt(n);\n}\n`).join('');
    writeFileSync(path.join(dir, 'src/app.ts'), `${filler}${source}`);
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--sourceMap', 'false', '--inlineSourceMap'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'dist/app.js'), 'utf8').split('sourceMappingURL=')[1]!.length).toBeGreaterThan(16_384);
    record('alloc.heapprofile', [process.execPath, 'dist/app.js', '50'], dir);
    const encode = loadProfile(path.join(dir, 'alloc.heapprofile'), null, dir)!.functions.find((fn) => fn.name === 'encodeRecord');
    expect(encode?.location).toMatchObject({ file: path.join(dir, 'src/app.ts'), line: filler.split('\n').length - 1 + lineOf('export function encodeRecord'), mapped: true });
  });

  it.each([
    ['a truncated profile', ['top', 'cut.heapprofile'], 1, () => `alloc-profile: ${path.join(project, 'cut.heapprofile')} is not usable: it is truncated (its JSON stops after 500 bytes with brackets still open), as if writing it was interrupted\n`],
    [
      '--out naming a directory (before the program runs)',
      ['record', '--out', 'src', '--', 'no-such-command-here'],
      2,
      () => 'alloc-profile record: --out src is a directory; name the profile file, e.g. src/alloc.heapprofile\nUsage: alloc-profile record [options] -- <command> [args…]\nMore: alloc-profile record --help\n',
    ],
  ])('%s: one clear message', (_, args, status, message) => {
    writeFileSync(path.join(project, 'cut.heapprofile'), readFileSync(path.join(project, 'alloc.heapprofile'), 'utf8').slice(0, 500));
    const result = run([cli, ...args]);
    expect(result.status).toBe(status);
    expect(result.stderr).toBe(message());
  });

  it('a command that cannot be run: one line, status 127', () => {
    const result = run([cli, 'record', '--', 'no-such-command-here']);
    expect(result.status).toBe(127);
    expect(result.stderr).toBe('alloc-profile: cannot run `no-such-command-here` (ENOENT)\n');
  });

  it('a command that is not a Node.js program records nothing and says so', () => {
    const result = run([cli, 'record', '--', 'true']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^alloc-profile: no Node\.js process wrote a profile — is `true` a Node\.js program\?/u);
  });
});

describe('linting with settings.alloc.profile', () => {
  it('the function the profile measured is hot; its cold twin with the same buffer is not; messages carry the figure', async () => {
    const encode = heapProfile.functions.find((fn) => fn.name === 'encodeRecord')!;
    const withProfile = messages(await lint({ profile: 'alloc.heapprofile' }), 'alloc/no-buffer-alloc-in-hot-path');
    expect(withProfile.map((m) => [m.line, m.column])).toEqual([[lineOf('const record = Buffer.alloc(64)'), 18]]);
    expect(withProfile[0]!.message).toMatch(/^`Buffer\.alloc\(64\)` allocates a new 64-byte buffer in `encodeRecord` \(hot in alloc\.heapprofile\): /u);
    expect(withProfile[0]!.message).toContain(` Profile: \`encodeRecord\` allocates ${formatBytes(encode.self)} (${(encode.share * 100).toFixed(1)}%) in alloc.heapprofile.`);
    // Without the profile, neither plain function is hot.
    expect(messages(await lint(null), 'alloc/no-buffer-alloc-in-hot-path')).toEqual([]);
  });

  it('findings in profiled functions carry the figure whatever made them hot (here: a loop)', async () => {
    const presize = messages(await lint({ profile: 'alloc.heapprofile' }), 'alloc/prefer-presized-array');
    expect(presize).toHaveLength(1);
    expect(presize[0]!.message).toMatch(/ Profile: `renderRows` allocates [\d.]+ MiB \([\d.]+%\) in alloc\.heapprofile\.$/u);
  });

  it('the formatter ranks findings by the allocation of the function they sit in', async () => {
    const results = await lint({ profile: 'alloc.heapprofile' });
    const formatter = await new ESLint({ cwd: project }).loadFormatter(path.join(root, 'dist/formatter.js'));
    const output = await formatter.format(results);
    const headers = output.split('\n').filter((line) => line.startsWith('src/app.ts  `'));
    const ranked = heapProfile.functions.filter((fn) => fn.name === 'encodeRecord' || fn.name === 'renderRows');
    expect(headers).toEqual(ranked.map((fn) => `src/app.ts  \`${fn.name}\` allocates ${formatBytes(fn.self)} (${(fn.share * 100).toFixed(1)}%) in alloc.heapprofile`));
    expect(output).toContain(`src/app.ts:${lineOf('const record = Buffer.alloc(64)')}:18  error  alloc/no-buffer-alloc-in-hot-path  \`Buffer.alloc(64)\` allocates`);
    expect(output).toMatch(/\n2 problems \(2 errors, 0 warnings\)\n$/u);
  });

  it('node --cpu-prof: a CPU profile marks the functions that burn CPU hot', async () => {
    run(['--cpu-prof', '--cpu-prof-dir', 'cpu', '--cpu-prof-name', 'app.cpuprofile', 'dist/app.js', '400']);
    const found = messages(await lint({ profile: 'cpu/app.cpuprofile' }), 'alloc/no-buffer-alloc-in-hot-path');
    expect(found.map((m) => m.line)).toEqual([lineOf('const record = Buffer.alloc(64)')]);
    expect(found[0]!.message).toMatch(/ Profile: `encodeRecord` spends [\d.]+ (ms|s) \([\d.]+%\) of CPU time in app\.cpuprofile\.$/u);
  });

  it('a source edited after the profile: moved functions are found by name; a renamed one gets one warning, no crash', async () => {
    const dir = path.join(scratch, 'stale');
    cpSync(project, dir, { recursive: true });
    record('alloc.heapprofile', [process.execPath, 'dist/app.js', '50'], dir);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // Lines added above (an edit, or --fix moving code): the source map's lines are off by two.
    writeFileSync(path.join(dir, 'src/app.ts'), `// Two lines added\n// after the profile.\n${source}`);
    const moved = await lint({ profile: 'alloc.heapprofile' }, dir);
    expect(messages(moved, 'alloc/no-buffer-alloc-in-hot-path').map((m) => m.line)).toEqual([lineOf('const record = Buffer.alloc(64)') + 2]);
    expect(warn).not.toHaveBeenCalled();
    // Renamed: nothing in the file answers to `encodeRecord` any more.
    writeFileSync(path.join(dir, 'src/app.ts'), `// Two lines added\n// after the profile.\n${source.replaceAll('encodeRecord', 'encodeRow')}`);
    const renamed = await lint({ profile: 'alloc.heapprofile' }, dir);
    expect(renamed.flatMap((r) => r.messages.filter((m) => m.fatal))).toEqual([]);
    expect(messages(renamed, 'alloc/no-buffer-alloc-in-hot-path')).toEqual([]);
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      expect.stringContaining(`eslint-plugin-alloc: settings.alloc.profile: 1 function(s) that alloc.heapprofile places in ${path.join(dir, 'src/app.ts')} are not there (e.g. \`encodeRecord\` at line ${lineOf('export function encodeRecord')}) — the file changed after the profile was recorded, or its source map is stale.`),
    ]);
  });
});
