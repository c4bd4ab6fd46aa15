/**
 * Measures one benchmark case in this (fresh) process and prints one JSON line.
 *   time:  node --expose-gc --single-threaded-gc   worker.ts time  <suite> <group> <case> <n>
 *   alloc: node --expose-gc --min-semi-space-size=256 --max-semi-space-size=256 worker.ts alloc …
 *   retained: node --expose-gc worker.ts retained …  (bytes one result keeps alive after GC)
 *   self-test: worker.ts selftest  (allocation of `new Array(1000)`, expected 8,048 bytes)
 * Time is process CPU time (GC runs on the main thread with --single-threaded-gc, so it is counted).
 * Allocation is the growth of every heap space but code and read-only space across a window that
 * normally sees no GC (256 MiB young generation); bytes freed by any GC in the window are added back
 * from v8.GCProfiler's before/after sizes, and off-heap bytes come from `external_memory`.
 */
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

import type { BenchSuite, Operation } from './harness.js';
import { median, readSink, sink } from './harness.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const EXCLUDED_SPACES = new Set(['code_space', 'code_large_object_space', 'read_only_space']);

function heapBytes(): number {
  let used = 0;
  for (const space of v8.getHeapSpaceStatistics()) {
    if (!EXCLUDED_SPACES.has(space.space_name)) used += space.space_used_size;
  }
  return used + (v8.getHeapStatistics() as { external_memory?: number }).external_memory!;
}

interface GcStatistics {
  statistics: { beforeGC: { heapSpaceStatistics: SpaceStat[] }; afterGC: { heapSpaceStatistics: SpaceStat[] } }[];
}
interface SpaceStat {
  spaceName: string;
  spaceUsedSize: number;
}

function freedBy(stats: GcStatistics): number {
  let freed = 0;
  for (const { beforeGC, afterGC } of stats.statistics) {
    const size = (list: SpaceStat[]) =>
      list.filter((s) => !EXCLUDED_SPACES.has(s.spaceName)).reduce((sum, s) => sum + s.spaceUsedSize, 0);
    freed += size(beforeGC.heapSpaceStatistics) - size(afterGC.heapSpaceStatistics);
  }
  return freed;
}

/** Bytes allocated per call of `op`, averaged over `count` calls. */
function measureAlloc(op: Operation, count: number): number {
  gc!();
  gc!();
  const profiler = new v8.GCProfiler();
  profiler.start();
  const before = heapBytes();
  for (let i = 0; i < count; i++) sink(op());
  const after = heapBytes();
  const stats = profiler.stop() as unknown as GcStatistics;
  return (after - before + freedBy(stats)) / count;
}

function cpuNs(): number {
  const { system, user } = process.cpuUsage();
  return (user + system) * 1000;
}

/** Per-op CPU time: calibrate a batch to ≥ 5 ms, then the median of 15 batches (5 for ops over 100 ms). */
function measureTime(op: Operation): { gcPer1k: number; timeNs: number } {
  const warmUntil = cpuNs() + 60e6;
  let iterations = 1;
  while (cpuNs() < warmUntil) sink(op());
  let probeNs = 0;
  for (;;) {
    const start = cpuNs();
    for (let i = 0; i < iterations; i++) sink(op());
    probeNs = (cpuNs() - start) / iterations;
    if (probeNs * iterations >= 5e6 || iterations >= 1 << 24) break;
    iterations *= 2;
  }
  const profiler = new v8.GCProfiler();
  profiler.start();
  // Quadratic cases can take a second per operation: fewer batches for them keeps a run bounded.
  const batches = iterations === 1 && probeNs > 100e6 ? 5 : 15;
  const samples: number[] = new Array(batches);
  for (let batch = 0; batch < batches; batch++) {
    const start = cpuNs();
    for (let i = 0; i < iterations; i++) sink(op());
    samples[batch] = (cpuNs() - start) / iterations;
  }
  const gcs = (profiler.stop() as unknown as GcStatistics).statistics.length;
  return { gcPer1k: (gcs * 1000) / (iterations * batches), timeNs: median(samples) };
}

async function main(): Promise<void> {
  const [mode, file, groupId, caseId, size] = process.argv.slice(2);
  if (mode === 'selftest') {
    const op = () => new Array(1000);
    for (let i = 0; i < 100; i++) sink(op());
    console.log(JSON.stringify({ bytes: measureAlloc(op, 10_000) }));
    return;
  }
  const suite = ((await import(pathToFileURL(file!).href)) as { default: BenchSuite }).default;
  const group = suite.groups.find((g) => g.id === groupId);
  const benchCase = group?.cases.find((c) => c.id === caseId);
  if (!benchCase) throw new Error(`no case ${groupId}/${caseId} in ${file}`);
  const op = benchCase.prepare(Number(size));
  if (mode === 'time') {
    console.log(JSON.stringify(measureTime(op)));
  } else if (mode === 'retained') {
    // What one result keeps alive: the heap after GC while holding it, minus the heap before.
    sink(op());
    sink(null);
    gc!();
    gc!();
    const before = heapBytes();
    const kept = op();
    gc!();
    gc!();
    const after = heapBytes();
    sink(kept);
    console.log(JSON.stringify({ retainedBytes: after - before }));
  } else {
    // Warm up as the time runs do (60 ms of CPU), so that what is measured is the optimized code's
    // allocation: after only a few calls the code still runs in the interpreter, whose iterator
    // results and boxed numbers were counted before (`for…of` over 4 elements: 905 B per call after
    // 20 warm-up calls, 325 B after 60 ms). Then size the window: large
    // enough (~64 MiB) that the young generation's page-granular accounting (±256 KiB) is noise, at
    // most ~2 s of work, and at least 3 operations.
    const warmUntil = cpuNs() + 60e6;
    while (cpuNs() < warmUntil) sink(op());
    const start = cpuNs();
    const probe = Math.max(measureAlloc(op, 3), 1);
    const probeNs = Math.max((cpuNs() - start) / 3, 1);
    const count = Math.max(3, Math.min(100_000, Math.floor((64 * 1024 * 1024) / probe), Math.floor(2e9 / probeNs)));
    console.log(JSON.stringify({ bytes: measureAlloc(op, count) }));
  }
  void readSink();
}

await main();
