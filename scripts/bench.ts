/**
 * `npm run bench [-- <rule>…] [-- --processes N]`: measures every case of every bench/<rule>.bench.ts
 * (or the named rules) in fresh Node processes, prints a table and merges the results into
 * bench/results.json. Run `npm run bench:docs` afterwards to copy the figures into docs and messages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { BenchSuite, CaseResult, ResultsFile, SuiteResults } from '../bench/harness.js';
import { formatBytes, formatRatio, formatTime, median } from '../bench/harness.js';

const root = path.resolve(import.meta.dirname, '..');
const benchDir = path.join(root, 'bench');
const resultsPath = path.join(benchDir, 'results.json');
const worker = path.join(benchDir, 'worker.ts');

const args = process.argv.slice(2);
const processesFlag = args.indexOf('--processes');
const processes = processesFlag >= 0 ? Number(args.splice(processesFlag, 2)[1]) : 3;
const only = new Set(args);

function runWorker(flags: string[], workerArgs: string[]): Record<string, number> {
  const output = execFileSync(process.execPath, [...flags, '--import', 'tsx', worker, ...workerArgs], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Record<string, number>;
}

const TIME_FLAGS = ['--expose-gc', '--single-threaded-gc'];
const ALLOC_FLAGS = ['--expose-gc', '--min-semi-space-size=256', '--max-semi-space-size=256'];

// Self-test: the allocation measurement must see a known allocation.
const selfTest = runWorker(ALLOC_FLAGS, ['selftest']).bytes!;
const expected = 8048; // 16-byte JSArray header … + FixedArray of 1,000 tagged slots (8 B) + header
if (Math.abs(selfTest - expected) > expected * 0.02) {
  console.error(`allocation self-test failed: new Array(1000) measured ${selfTest} B, expected ≈ ${expected} B`);
  process.exit(1);
}

const files = readdirSync(benchDir)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
const results: ResultsFile = existsSync(resultsPath)
  ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as ResultsFile)
  : { cpus: '', date: '', node: '', platform: '', rules: {}, v8: '' };
Object.assign(results, {
  cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
  date: new Date().toISOString().slice(0, 10),
  node: process.versions.node,
  platform: `${process.platform} ${process.arch}`,
  v8: process.versions.v8,
});

console.log(`Node ${process.versions.node}, V8 ${process.versions.v8}, ${results.platform}, ${results.cpus}`);
console.log(`allocation self-test: new Array(1000) = ${selfTest.toFixed(0)} B (expected ≈ ${expected} B)`);
console.log(`time: median CPU time per op over ${processes} fresh processes (15 batches each); ratios vs the anti-pattern\n`);

for (const file of files) {
  const suite = ((await import(pathToFileURL(path.join(benchDir, file)).href)) as { default: BenchSuite })
    .default;
  if (only.size > 0 && !only.has(suite.rule)) continue;
  const suiteResults: SuiteResults = {};
  for (const group of suite.groups) {
    suiteResults[group.id] = {};
    console.log(`${suite.rule} — ${group.title}`);
    console.log(`${'n'.padStart(7)}  ${'case'.padEnd(58)} ${'time/op'.padStart(10)} ${'×'.padStart(7)} ${'bytes/op'.padStart(10)} ${'×'.padStart(7)} ${'GC/1k'.padStart(7)}`);
    for (const size of group.sizes) {
      const row: Record<string, Omit<CaseResult, 'allocRatio' | 'timeRatio'>> = {};
      for (const benchCase of group.cases) {
        const runArgs = [path.join(benchDir, file), group.id, benchCase.id, String(size)];
        const times = new Array<Record<string, number>>(processes);
        for (let i = 0; i < times.length; i++) times[i] = runWorker(TIME_FLAGS, ['time', ...runArgs]);
        const { bytes } = runWorker(ALLOC_FLAGS, ['alloc', ...runArgs]);
        row[benchCase.id] = {
          bytes: Math.max(0, bytes!),
          gcPer1k: median(times.map((t) => t.gcPer1k!)),
          timeNs: median(times.map((t) => t.timeNs!)),
          ...(group.retained ? { retainedBytes: runWorker(['--expose-gc'], ['retained', ...runArgs]).retainedBytes! } : {}),
        };
      }
      const base = row[group.baseline]!;
      const sizeResults: Record<string, CaseResult> = {};
      for (const benchCase of group.cases) {
        const r = row[benchCase.id]!;
        sizeResults[benchCase.id] = {
          ...r,
          allocRatio: base.bytes > 0 ? r.bytes / base.bytes : 1,
          timeRatio: r.timeNs / base.timeNs,
        };
        const res = sizeResults[benchCase.id]!;
        const label = benchCase.label.replaceAll('`', '');
        console.log(
          `${size.toLocaleString('en-US').padStart(7)}  ${label.slice(0, 58).padEnd(58)} ${formatTime(res.timeNs).padStart(10)} ${formatRatio(res.timeRatio).padStart(7)} ${formatBytes(res.bytes).padStart(10)} ${formatRatio(res.allocRatio).padStart(7)} ${res.gcPer1k.toFixed(1).padStart(7)}${res.retainedBytes === undefined ? '' : `  retains ${formatBytes(res.retainedBytes)}`}`,
        );
      }
      suiteResults[group.id]![String(size)] = sizeResults;
    }
    console.log('');
  }
  results.rules[suite.rule] = suiteResults;
  results.measured = { ...results.measured, [suite.rule]: { cpus: results.cpus, date: results.date, node: results.node, platform: results.platform, v8: results.v8 } };
}

writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
console.log(`wrote ${path.relative(root, resultsPath)}; run \`npm run bench:docs\` to update docs and messages`);
