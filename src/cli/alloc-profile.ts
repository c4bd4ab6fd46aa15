#!/usr/bin/env node
/**
 * `alloc-profile record [--out FILE] [--interval BYTES] [--keep-inlining] -- <command…>`: runs a
 * Node.js program with the allocation sampler preloaded and writes a `.heapprofile`.
 * `alloc-profile top FILE [-n N] [--cum] [--max-bytes N]`: the top allocating (or CPU-heavy) functions, like `pprof top`.
 * See docs/profile-guided.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { ProfileError, isTopLevel, profileFromJson } from '../profile/format.js';
import { SourceLocator } from '../profile/locate.js';
import { displayPath, isOwnSource } from '../profile/paths.js';
import { DEFAULT_MAX_BYTES, readProfileFile } from '../profile/read.js';
import { formatBytes, formatMicroseconds, formatShare } from '../util/units.js';

const USAGE = `Usage:
  alloc-profile record [--out FILE] [--interval BYTES] [--keep-inlining] -- <command> [args…]
      Run a Node.js program (and the Node.js processes it starts) with V8's sampling heap profiler,
      counting short-lived objects too, and write a heap profile when it exits or is stopped with
      Ctrl-C / SIGTERM. Default FILE: alloc.heapprofile. Default interval: 32768 bytes.
      --keep-inlining   keep TurboFan inlining (by default it is off, so that an inlined function's
                        allocations are not charged to its caller)
  alloc-profile top FILE [-n N] [--cum] [--max-bytes N]
      Print the N (default 10) functions with the most self allocation (or CPU time, for a
      .cpuprofile), source-mapped to file:line; --cum sorts by cumulative cost. A function's self
      cost includes the V8 built-ins and Node.js modules it calls (Buffer.alloc, JSON.stringify).
      A profile file larger than --max-bytes (default ${DEFAULT_MAX_BYTES}) is refused unread.
`;

class UsageError extends Error {}

const display = (file: string): string => displayPath(process.cwd(), file);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'record') return record(rest);
  if (command === 'top') return top(rest);
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 1 : 0;
  }
  throw new UsageError(`unknown command \`${command}\``);
}

async function record(args: string[]): Promise<number> {
  const separator = args.indexOf('--');
  const options = separator === -1 ? args : args.slice(0, separator);
  const program = separator === -1 ? [] : args.slice(separator + 1);
  const { values } = parseArgs({
    args: options,
    options: { 'interval': { type: 'string' }, 'keep-inlining': { type: 'boolean' }, 'out': { short: 'o', type: 'string' } },
    strict: true,
  });
  if (program.length === 0) throw new UsageError('`record` needs the command to run after `--`, e.g. `alloc-profile record -- node server.js`');
  const interval = values.interval === undefined ? 32_768 : Number(values.interval);
  if (!Number.isInteger(interval) || interval < 1) throw new UsageError(`--interval must be a positive number of bytes, got \`${values.interval}\``);
  const out = path.resolve(values.out ?? 'alloc.heapprofile');
  // Before the program runs: a recording must not be lost for want of a place to write it.
  try {
    mkdirSync(path.dirname(out), { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${values.out}: cannot create its directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (existsSync(out) && statSync(out).isDirectory()) throw new UsageError(`--out ${values.out} is a directory; name the profile file, e.g. ${path.join(values.out ?? '.', 'alloc.heapprofile')}`);

  const directory = mkdtempSync(path.join(os.tmpdir(), 'alloc-profile-'));
  try {
    const sampler = fileURLToPath(new URL('../profile/sampler.cjs', import.meta.url));
    const env = {
      ...process.env,
      ALLOC_PROFILE_DIR: directory,
      ALLOC_PROFILE_INTERVAL: String(interval),
      ALLOC_PROFILE_KEEP_INLINING: values['keep-inlining'] ? '1' : '0',
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
      `alloc-profile: wrote ${out}: ${formatBytes(total)} sampled in ${processes.length} process${processes.length === 1 ? '' : 'es'} (one sample per ${formatBytes(interval)} allocated${values['keep-inlining'] ? '' : ', TurboFan inlining off'}).`,
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

function top(args: string[]): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    args,
    options: { 'cum': { type: 'boolean' }, 'max-bytes': { type: 'string' }, 'n': { short: 'n', type: 'string' } },
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('`top` needs one profile file, e.g. `alloc-profile top alloc.heapprofile`');
  const file = path.resolve(positionals[0]!);
  const count = values.n === undefined ? 10 : Number(values.n);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`-n must be a positive whole number, got \`${values.n}\``);
  const maxBytes = values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : Number(values['max-bytes']);
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new UsageError(`--max-bytes must be a positive whole number of bytes, got \`${values['max-bytes']}\``);
  const profile = readProfileFile(file, { limitName: '--max-bytes', maxBytes });
  const format = profile.kind === 'heap' ? formatBytes : formatMicroseconds;
  const functions = [...profile.functions];
  if (values.cum) functions.sort((a, b) => b.cumulative - a.cumulative || b.self - a.self);
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
    `Showing the top ${shown.length} of ${profile.functions.length} functions, by ${values.cum ? 'cumulative' : 'self'} ${profile.kind === 'heap' ? 'allocation' : 'time'}${relative ? `; locations relative to ${process.cwd()}` : ''}`,
    ...rows.map((row) => row.map((cell, column) => (column < 5 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd()),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error as Error).name === 'TypeError' && (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`alloc-profile: ${(error as Error).message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ProfileError) {
      process.stderr.write(`alloc-profile: ${error.message}\n`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  },
);
