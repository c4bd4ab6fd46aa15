/**
 * The built `alloc-profile` command's arguments, run as a user runs it: `--help` and `--version` on
 * every command (status 0, stdout), usage errors that name what was wrong (status 2, stderr), and
 * what `top` says about each kind of bad profile file (status 1). Recording and reading real
 * profiles is in tests/e2e/profile.test.ts. `npm test` builds `dist/` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'dist/cli/alloc-profile.js');
const { name, version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-cli-'));
afterAll(() => rmSync(dir, { force: true, recursive: true }));

function run(...args: string[]): { status: number | null; stderr: string; stdout: string } {
  const { status, stderr, stdout } = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
  return { status, stderr, stdout };
}

const DOCS = `Documentation: https://github.com/eslint-plugin-alloc/eslint-plugin-alloc/blob/v${version}/docs/profile-guided.md\n`;

describe('--help and --version, on every command', () => {
  it('alloc-profile --help: the commands, on stdout, status 0', () => {
    const result = run('--help');
    expect(result).toEqual({
      status: 0,
      stderr: '',
      stdout: [
        'Usage: alloc-profile <command> [options]',
        '',
        'Commands:',
        '  alloc-profile record [options] -- <command> [args…]',
        "      Record a Node.js program's allocations into a heap profile.",
        '  alloc-profile top [options] FILE',
        '      Print the functions of a heap or CPU profile that allocate (or spend) the most.',
        '',
        'Options:',
        '  -h, --help      print this help',
        '  -v, --version   print the version',
        '',
        "`alloc-profile <command> --help` prints a command's options.",
        DOCS,
      ].join('\n'),
    });
    expect(run('-h')).toEqual(result);
    expect(run('help')).toEqual(result);
  });

  it.each([
    ['record', 'Usage: alloc-profile record [options] -- <command> [args…]\n', ['  -o, --out FILE        where to write the profile (default: alloc.heapprofile)', '      --interval BYTES  one sample per this many bytes allocated (default: 32768)', '      --keep-inlining   keep TurboFan inlining (by default it is off, so that an inlined']],
    ['top', 'Usage: alloc-profile top [options] FILE\n', ['  -n, --count N         how many functions to print (default: 10)', '      --cum             sort by cumulative cost (the function and everything it calls)', '      --max-bytes N     refuse a profile file larger than N bytes (default: 268435456, 256 MiB)']],
  ])('alloc-profile %s --help: its options, the same as -h and `help <command>`', (command, synopsis, options) => {
    const result = run(command, '--help');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith(`${synopsis}\n`)).toBe(true);
    for (const line of [...options, '  -h, --help            print this help', '  -v, --version         print the version']) expect(result.stdout.split('\n')).toContain(line);
    expect(result.stdout.endsWith(`\n\n${DOCS}`)).toBe(true);
    expect(run(command, '-h')).toEqual(result);
    expect(run('help', command)).toEqual(result);
    // Read from left to right: help before a mistake is help.
    expect(run(command, '--help', '--bogus')).toEqual(result);
  });

  it.each([['--version'], ['-v'], ['record', '--version'], ['top', '-v'], ['top', '--version', 'alloc.heapprofile']])('alloc-profile %s prints the version', (...args) => {
    expect(run(...args)).toEqual({ status: 0, stderr: '', stdout: `alloc-profile (${name}) ${version}\n` });
  });

  it('after `--`, --help is the recorded program\'s, not alloc-profile\'s', () => {
    const result = run('record', '--out', 'argv.heapprofile', '--', process.execPath, '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', '--', '--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('["--help"]\n');
    expect(result.stderr).toMatch(/^alloc-profile: wrote /u);
  });
});

describe('usage errors name what was wrong: stderr, status 2', () => {
  const TOP = 'Usage: alloc-profile top [options] FILE\nMore: alloc-profile top --help\n';
  const RECORD = 'Usage: alloc-profile record [options] -- <command> [args…]\nMore: alloc-profile record --help\n';
  const MAIN = 'Usage: alloc-profile <command> [options], where <command> is record or top\nMore: alloc-profile --help\n';

  it.each([
    [['top', '--bogus', 'alloc.heapprofile'], `alloc-profile top: unknown option --bogus\n${TOP}`],
    [['top', '-x', 'alloc.heapprofile'], `alloc-profile top: unknown option -x\n${TOP}`],
    [['record', '--out=x.heapprofile', '--sample-rate', '1', '--', 'node', 'app.js'], `alloc-profile record: unknown option --sample-rate\n${RECORD}`],
    [['top', 'alloc.heapprofile', '-n'], `alloc-profile top: -n needs a value\n${TOP}`],
    [['top', '--count', '--cum', 'alloc.heapprofile'], `alloc-profile top: --count needs a value\n${TOP}`],
    [['top', '-n', '0', 'alloc.heapprofile'], `alloc-profile top: -n must be a positive whole number, got \`0\`\n${TOP}`],
    [['top', '--max-bytes', '1.5', 'alloc.heapprofile'], `alloc-profile top: --max-bytes must be a positive whole number of bytes, got \`1.5\`\n${TOP}`],
    [['top', '--cum=yes', 'alloc.heapprofile'], `alloc-profile top: --cum takes no value\n${TOP}`],
    [['top'], `alloc-profile top: the profile file is missing, e.g. \`alloc-profile top alloc.heapprofile\`\n${TOP}`],
    [['top', 'a.heapprofile', 'b.heapprofile'], `alloc-profile top: one profile file at a time, got 2: a.heapprofile b.heapprofile\n${TOP}`],
    [['record', '--out', '--', 'node', 'app.js'], `alloc-profile record: --out needs a value\n${RECORD}`],
    [['record', '--interval', 'lots', '--', 'node', 'app.js'], `alloc-profile record: --interval must be a positive number of bytes, got \`lots\`\n${RECORD}`],
    [['record', '--keep-inlining'], `alloc-profile record: the command to record is missing: it goes after \`--\`, e.g. \`alloc-profile record -- node server.js\`\n${RECORD}`],
    [['record', 'node', 'app.js'], `alloc-profile record: unexpected argument \`node\`: the command to record goes after \`--\`, e.g. \`alloc-profile record -- node server.js\`\n${RECORD}`],
    [[], `alloc-profile: the command is missing\n${MAIN}`],
    [['--bogus'], `alloc-profile: unknown option --bogus\n${MAIN}`],
    [['--out=x', 'record'], `alloc-profile: unknown option --out\n${MAIN}`],
    [['profile'], `alloc-profile: unknown command \`profile\`\n${MAIN}`],
    [['help', 'profile'], `alloc-profile: no help for \`profile\`\n${MAIN}`],
  ])('alloc-profile %j', (args, stderr) => {
    expect(run(...args)).toEqual({ status: 2, stderr, stdout: '' });
  });
});

describe('alloc-profile top on a bad profile file: what is wrong with it, status 1', () => {
  const at = (file: string): string => path.join(dir, file);
  const HEAP = JSON.stringify({ head: { callFrame: { columnNumber: -1, functionName: '(root)', lineNumber: -1, url: '' }, children: [], id: 1, selfSize: 0 }, samples: [] });
  mkdirSync(at('profiles'));
  writeFileSync(at('empty.heapprofile'), '');
  writeFileSync(at('notes.heapprofile'), 'Run on 2 December, see the wiki\n');
  writeFileSync(at('cut.heapprofile'), HEAP.slice(0, 30));
  writeFileSync(at('package.json'), '{ "name": "app" }\n');
  writeFileSync(at('alloc.heapprofile.gz'), gzipSync(HEAP));
  writeFileSync(at('big.cpuprofile'), '{"nodes":[');
  truncateSync(at('big.cpuprofile'), 300 * 1024 * 1024);

  it.each([
    [['nowhere.heapprofile'], `alloc-profile: cannot read ${at('nowhere.heapprofile')} (ENOENT)\n`],
    [['profiles'], `alloc-profile: ${at('profiles')} is not usable: it is a directory\n`],
    [['empty.heapprofile'], `alloc-profile: ${at('empty.heapprofile')} is not usable: it is empty (0 bytes)\n`],
    [['notes.heapprofile'], `alloc-profile: ${at('notes.heapprofile')} is not usable: it is not JSON (it starts with "Run on 2 December, see the wiki")\n`],
    [['cut.heapprofile'], `alloc-profile: ${at('cut.heapprofile')} is not usable: it is truncated (its JSON stops after 30 bytes with brackets still open), as if writing it was interrupted\n`],
    [['package.json'], `alloc-profile: ${at('package.json')} is not usable: it is JSON but neither a V8 heap profile (\`{ head, samples }\`, a .heapprofile) nor a CPU profile (\`{ nodes, samples, timeDeltas }\`, a .cpuprofile)\n`],
    [['alloc.heapprofile.gz'], `alloc-profile: ${at('alloc.heapprofile.gz')} is not usable: it is gzip-compressed (decompress it first)\n`],
    [['big.cpuprofile'], `alloc-profile: ${at('big.cpuprofile')} is not usable: it is 300 MiB, over the 256 MiB limit (--max-bytes)\n`],
    [['--max-bytes', '10', 'package.json'], `alloc-profile: ${at('package.json')} is not usable: it is 18 B, over the 10 B limit (--max-bytes)\n`],
  ])('alloc-profile top %j', (args, stderr) => {
    expect(run('top', ...args)).toEqual({ status: 1, stderr, stdout: '' });
  });
});
