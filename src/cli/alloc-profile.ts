#!/usr/bin/env node
/**
 * `alloc-profile record [options] -- <command…>`: runs a Node.js program with the allocation sampler
 * preloaded and writes a `.heapprofile`. `alloc-profile top [options] FILE`: the top allocating (or
 * CPU-heavy) functions, like `pprof top`. Every command answers `--help` and `--version`; a usage
 * error names what was wrong and exits with 2. See docs/profile-guided.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ProfileError, isTopLevel, profileFromJson } from '../profile/format.js';
import { SourceLocator } from '../profile/locate.js';
import { displayPath, isOwnSource } from '../profile/paths.js';
import { DEFAULT_MAX_BYTES, readProfileFile } from '../profile/read.js';
import { packageInfo, repositoryUrl } from '../util/package-info.js';
import { formatBytes, formatMicroseconds, formatShare } from '../util/units.js';
import { type CommandSpec, type GivenOption, UsageError, parseCommand } from './args.js';

const DOCS = `${repositoryUrl}/blob/v${packageInfo.version}/docs/profile-guided.md`;
const VERSION = `alloc-profile (${packageInfo.name}) ${packageInfo.version}\n`;

const RECORD: CommandSpec = {
  help: `Run a Node.js program (and the Node.js processes it starts) with V8's sampling heap profiler,
counting short-lived objects too, and write a heap profile when it exits or is stopped with
Ctrl-C / SIGTERM.

Options:
  -o, --out FILE        where to write the profile (default: alloc.heapprofile)
      --interval BYTES  one sample per this many bytes allocated (default: 32768)
      --keep-inlining   keep TurboFan inlining (by default it is off, so that an inlined
                        function's allocations are not charged to its caller)
  -h, --help            print this help
  -v, --version         print the version
`,
  name: 'record',
  options: { 'interval': { type: 'string' }, 'keep-inlining': { type: 'boolean' }, 'out': { short: 'o', type: 'string' } },
  synopsis: 'alloc-profile record [options] -- <command> [args…]',
};

const TOP: CommandSpec = {
  help: `Print the functions with the most self allocation (or CPU time, for a .cpuprofile),
source-mapped to file:line. A function's self cost includes the V8 built-ins and Node.js modules
it calls (Buffer.alloc, JSON.stringify).

Options:
  -n, --count N         how many functions to print (default: 10)
      --cum             sort by cumulative cost (the function and everything it calls)
      --max-bytes N     refuse a profile file larger than N bytes (default: ${DEFAULT_MAX_BYTES}, ${formatBytes(DEFAULT_MAX_BYTES)})
  -h, --help            print this help
  -v, --version         print the version
`,
  name: 'top',
  options: { 'count': { short: 'n', type: 'string' }, 'cum': { type: 'boolean' }, 'max-bytes': { type: 'string' } },
  synopsis: 'alloc-profile top [options] FILE',
};

const COMMANDS = [RECORD, TOP];

const USAGE = `Usage: alloc-profile <command> [options]

Commands:
  ${RECORD.synopsis}
      Record a Node.js program's allocations into a heap profile.
  ${TOP.synopsis}
      Print the functions of a heap or CPU profile that allocate (or spend) the most.

Options:
  -h, --help      print this help
  -v, --version   print the version

\`alloc-profile <command> --help\` prints a command's options.
Documentation: ${DOCS}
`;

const commandHelp = (spec: CommandSpec): string => `Usage: ${spec.synopsis}\n\n${spec.help}\nDocumentation: ${DOCS}\n`;

const display = (file: string): string => displayPath(process.cwd(), file);

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  const spec = COMMANDS.find((command) => command.name === first);
  if (spec) {
    const parsed = parseCommand(spec, rest);
    if (parsed.kind === 'help') return print(commandHelp(spec));
    if (parsed.kind === 'version') return print(VERSION);
    return spec === RECORD ? record(parsed.values, parsed.positionals, parsed.rest) : top(parsed.values, [...parsed.positionals, ...parsed.rest]);
  }
  if (first === '--help' || first === '-h') return print(USAGE);
  if (first === '--version' || first === '-v') return print(VERSION);
  if (first === 'help') {
    const named = COMMANDS.find((command) => command.name === rest[0]);
    if (rest.length === 0) return print(USAGE);
    if (named && rest.length === 1) return print(commandHelp(named));
    throw new UsageError(`no help for \`${rest.join(' ')}\``);
  }
  if (first === undefined) throw new UsageError('the command is missing');
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first.split('=', 1)[0]}`);
  throw new UsageError(`unknown command \`${first}\``);
}

function print(text: string): number {
  process.stdout.write(text);
  return 0;
}

async function record(values: Record<string, GivenOption>, before: string[], program: string[]): Promise<number> {
  if (before.length > 0) throw new UsageError(`unexpected argument \`${before[0]}\`: the command to record goes after \`--\`, e.g. \`alloc-profile record -- node server.js\``, RECORD);
  if (program.length === 0) throw new UsageError('the command to record is missing: it goes after `--`, e.g. `alloc-profile record -- node server.js`', RECORD);
  const interval = values.interval ? positiveIntegerFor(RECORD, values.interval, 'a positive number of bytes') : 32_768;
  const keepInlining = values['keep-inlining'] !== undefined;
  const outName = typeof values.out?.value === 'string' ? values.out.value : 'alloc.heapprofile';
  const out = path.resolve(outName);
  // Before the program runs: a recording must not be lost for want of a place to write it.
  try {
    mkdirSync(path.dirname(out), { recursive: true });
  } catch (error) {
    throw new UsageError(`${values.out?.raw ?? '--out'} ${outName}: cannot create its directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, RECORD);
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`${values.out?.raw ?? '--out'} ${outName} is a directory; name the profile file, e.g. ${path.join(outName, 'alloc.heapprofile')}`, RECORD);

  const directory = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-'));
  try {
    const sampler = fileURLToPath(new URL('../profile/sampler.cjs', import.meta.url));
    const env = {
      ...process.env,
      ALLOC_PROFILE_DIR: directory,
      ALLOC_PROFILE_INTERVAL: String(interval),
      ALLOC_PROFILE_KEEP_INLINING: keepInlining ? '1' : '0',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(sampler)}`.trim(),
    };
    const child = spawn(program[0]!, program.slice(1), { env, shell: process.platform === 'win32', stdio: 'inherit' });
    // Ctrl-C reaches the whole process group, the program included: passing SIGINT on as well would
    // deliver it twice (a second Ctrl-C forces many programs out). SIGTERM, which process managers
    // send to this process, is passed on. Either way this process waits for the program to finish.
    const wait = (): void => {};
    const forward = (): void => {
      child.kill('SIGTERM');
    };
    process.on('SIGINT', wait);
    process.on('SIGTERM', forward);
    const status = await new Promise<{ code: number | null; error?: NodeJS.ErrnoException; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('error', (error) => resolve({ code: 127, error, signal: null }));
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
    process.removeListener('SIGINT', wait);
    process.removeListener('SIGTERM', forward);
    if (status.error) {
      process.stderr.write(`alloc-profile: cannot run \`${program[0]}\` (${status.error.code ?? status.error.message})\n`);
      return 127;
    }
    const exitCode = status.code ?? 128 + (status.signal ? (os.constants.signals[status.signal] ?? 0) : 0);

    const recorded = readdirSync(directory).filter((name) => name.endsWith('.heapprofile'));
    if (recorded.length === 0) {
      process.stderr.write(
        `alloc-profile: no Node.js process wrote a profile — is \`${program.join(' ')}\` a Node.js program? (The sampler is preloaded through NODE_OPTIONS; a process started with a cleared environment is not recorded.)\n`,
      );
      return exitCode === 0 ? 1 : exitCode;
    }
    const notes: string[] = [];
    const processes = recorded.flatMap((name) => {
      const pid = path.basename(name, '.heapprofile');
      try {
        const profile = JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as HeapProfileJson;
        const meta = JSON.parse(readFileSync(path.join(directory, `${pid}.json`), 'utf8')) as { argv: string[]; pid: number };
        const { functions, total } = profileFromJson(profile);
        return [{ functions, meta, profile, total }];
      } catch (error) {
        notes.push(`  pid ${pid}: left out, its profile is unreadable (${(error as Error).message})`);
        return [];
      }
    });
    if (processes.length === 0) {
      process.stderr.write(`alloc-profile: no readable profile was written:\n${notes.join('\n')}\n`);
      return exitCode === 0 ? 1 : exitCode;
    }
    processes.sort((a, b) => b.total - a.total);
    const merged = processes.length === 1 ? processes[0]!.profile : merge(processes.map((p) => p.profile));
    writeFileSync(out, JSON.stringify(merged));
    const total = processes.reduce((sum, p) => sum + p.total, 0);
    const lines = [
      `alloc-profile: wrote ${out}: ${formatBytes(total)} sampled in ${processes.length} process${processes.length === 1 ? '' : 'es'} (one sample per ${formatBytes(interval)} allocated${keepInlining ? '' : ', TurboFan inlining off'}).`,
    ];
    if (processes.length > 1) {
      for (const { meta, total: bytes } of processes) lines.push(`  pid ${meta.pid}: ${formatBytes(bytes)}  ${meta.argv.map((a) => path.basename(a)).join(' ')}`);
    }
    lines.push(...notes);
    // `NODE_OPTIONS=… node app.js` in an npm script replaces the sampler's NODE_OPTIONS: only npm is
    // recorded. (A script's top-level code, which runs once, does not count as the program's.)
    const cwd = process.cwd();
    const here = (url: string): boolean => isOwnSource(cwd, url.startsWith('file:') ? fileURLToPath(url) : url);
    if (!processes.some((p) => p.functions.some((fn) => !isTopLevel(fn.frame) && here(fn.frame.url)))) {
      lines.push(
        `Warning: no recorded function is in a file under ${cwd} (outside node_modules). If the command sets NODE_OPTIONS itself, that replaced the sampler's: run the program with node directly.`,
      );
    }
    lines.push(`Top allocators: npx alloc-profile top ${display(out)}`);
    process.stderr.write(`${lines.join('\n')}\n`);
    return exitCode;
  } finally {
    rmSync(directory, { force: true, recursive: true });
  }
}

interface HeapProfileNode {
  callFrame: Record<string, unknown>;
  children: HeapProfileNode[];
  id: number;
  selfSize: number;
}

interface HeapProfileJson {
  head: HeapProfileNode;
  samples: { nodeId: number; ordinal: number; size: number }[];
}

/** One profile for several processes: their call trees side by side under a new root, node ids renumbered. */
function merge(profiles: HeapProfileJson[]): HeapProfileJson {
  let nextId = 2;
  const samples: HeapProfileJson['samples'] = [];
  const children = new Array<HeapProfileNode>(profiles.length);
  for (const [index, profile] of profiles.entries()) {
    const ids = new Map<number, number>();
    const stack = [profile.head];
    while (stack.length > 0) {
      const node = stack.pop()!;
      ids.set(node.id, nextId);
      node.id = nextId++;
      stack.push(...node.children);
    }
    children[index] = profile.head;
    for (const sample of profile.samples) samples.push({ ...sample, nodeId: ids.get(sample.nodeId) ?? sample.nodeId });
  }
  const root = { columnNumber: -1, functionName: '(root)', lineNumber: -1, scriptId: '0', url: '' };
  return { head: { callFrame: root, children, id: 1, selfSize: 0 }, samples };
}

function top(values: Record<string, GivenOption>, positionals: string[]): number {
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'the profile file is missing, e.g. `alloc-profile top alloc.heapprofile`' : `one profile file at a time, got ${positionals.length}: ${positionals.join(' ')}`, TOP);
  }
  const file = path.resolve(positionals[0]!);
  const count = values.count ? positiveIntegerFor(TOP, values.count, 'a positive whole number') : 10;
  const maxBytes = values['max-bytes'] ? positiveIntegerFor(TOP, values['max-bytes'], 'a positive whole number of bytes') : DEFAULT_MAX_BYTES;
  const profile = readProfileFile(file, { limitName: values['max-bytes']?.raw ?? '--max-bytes', maxBytes });
  const cumulative = values.cum !== undefined;
  const format = profile.kind === 'heap' ? formatBytes : formatMicroseconds;
  const functions = [...profile.functions];
  if (cumulative) functions.sort((a, b) => b.cumulative - a.cumulative || b.self - a.self);
  const shown = functions.slice(0, count);
  const locator = new SourceLocator();
  const rows = [['self', 'self%', 'sum%', 'cum', 'cum%', 'function', 'location']];
  let sum = 0;
  let relative = false;
  for (const fn of shown) {
    sum += fn.self;
    const location = locator.locate(fn.frame);
    const shownPath = location ? display(location.file) : '';
    relative ||= location !== null && !path.isAbsolute(shownPath);
    const where = !location ? `${fn.frame.url}:${fn.frame.lineNumber + 1}` : isTopLevel(fn.frame) ? shownPath : `${shownPath}:${location.line}`;
    const share = (value: number): string => (profile.total > 0 ? formatShare(value / profile.total) : '-');
    rows.push([format(fn.self), share(fn.self), share(sum), format(fn.cumulative), share(fn.cumulative), isTopLevel(fn.frame) ? '(top level)' : fn.frame.functionName || '(anonymous)', where]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const what = profile.kind === 'heap' ? `heap profile, ${formatBytes(profile.total)} sampled` : `CPU profile, ${formatMicroseconds(profile.total)} of CPU time sampled`;
  const attributed = profile.functions.reduce((total, fn) => total + fn.self, 0);
  const lines = [
    `${file}: ${what}; ${profile.total > 0 ? formatShare((profile.total - attributed) / profile.total) : '0%'} outside the program's code (module loading, Node.js internals with no caller in it)`,
    `Showing the top ${shown.length} of ${profile.functions.length} functions, by ${cumulative ? 'cumulative' : 'self'} ${profile.kind === 'heap' ? 'allocation' : 'time'}${relative ? `; locations relative to ${process.cwd()}` : ''}`,
    ...rows.map((row) => row.map((cell, column) => (column < 5 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd()),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** A whole-number option's value, or a usage error naming the option as the user wrote it. */
function positiveIntegerFor(spec: CommandSpec, option: GivenOption, what: string): number {
  const value = String(option.value);
  const number = /^\d+$/u.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < 1) throw new UsageError(`${option.raw} must be ${what}, got \`${value}\``, spec);
  return number;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      const command = error.command;
      process.stderr.write(
        command
          ? `alloc-profile ${command.name}: ${error.message}\nUsage: ${command.synopsis}\nMore: alloc-profile ${command.name} --help\n`
          : `alloc-profile: ${error.message}\nUsage: alloc-profile <command> [options], where <command> is record or top\nMore: alloc-profile --help\n`,
      );
      process.exitCode = 2;
    } else if (error instanceof ProfileError) {
      process.stderr.write(`alloc-profile: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
