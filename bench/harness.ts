/**
 * The benchmark contract: each `bench/<rule>.bench.ts` default-exports `defineBench(...)`, pairing the
 * anti-pattern a rule reports (the baseline of each group) with every rewrite the rule recommends.
 * `scripts/bench.ts` measures every case in fresh processes; see docs/benchmarks.md for the method.
 */

/** One operation over `n` items; its result is kept so the work cannot be optimised away. */
export type Operation = () => unknown;

export interface BenchCase {
  id: string;
  /** Code-like label for tables: "`s += part`". */
  label: string;
  /** Builds inputs for size `n` (not measured) and returns the operation to measure. */
  prepare: (n: number) => Operation;
}

export interface BenchGroup {
  id: string;
  title: string;
  /** The `id` of the anti-pattern case; every ratio in the group is against it, measured in the same run. */
  baseline: string;
  cases: BenchCase[];
  sizes: number[];
  /**
   * Also measure what one operation's result keeps alive (bytes retained after GC, while the result
   * is held): for cases that build a data structure.
   */
  retained?: boolean;
}

export interface BenchSuite {
  rule: string;
  groups: BenchGroup[];
  /** Named figures for messages and docs, computed from this suite's measured results. */
  figures?: Record<string, (results: SuiteResults) => string>;
}

export interface CaseResult {
  /** Median CPU time per operation (ns), median over the fresh processes of per-process medians. */
  timeNs: number;
  /** Heap (plus off-heap) bytes allocated per operation. */
  bytes: number;
  /** Garbage collections per 1,000 operations while timing. */
  gcPer1k: number;
  /** Bytes still reachable from one operation's result after GC (groups with `retained`). */
  retainedBytes?: number;
  timeRatio: number;
  allocRatio: number;
}

export type GroupResults = Record<string, Record<string, CaseResult>>; // size → case id → result
export type SuiteResults = Record<string, GroupResults>; // group id → …

/** Where and when a suite was measured. */
export interface RunInfo {
  node: string;
  v8: string;
  platform: string;
  cpus: string;
  date: string;
}

/** The top-level fields describe the latest run; `measured` says when each rule's suite was run. */
export interface ResultsFile extends RunInfo {
  rules: Record<string, SuiteResults>;
  measured?: Record<string, RunInfo>;
}

export function defineBench(suite: BenchSuite): BenchSuite {
  const ids = new Set<string>();
  for (const group of suite.groups) {
    if (ids.has(group.id)) throw new Error(`${suite.rule}: duplicate group ${group.id}`);
    ids.add(group.id);
    if (!group.cases.some((c) => c.id === group.baseline)) {
      throw new Error(`${suite.rule}/${group.id}: baseline ${group.baseline} is not a case`);
    }
  }
  return suite;
}

/** Keeps results alive so that no measured work is dead code. */
let sinkValue: unknown;
export function sink(value: unknown): void {
  sinkValue = value;
}
export function readSink(): unknown {
  return sinkValue;
}

// ---- formatting shared by the runner, the docs generator and messages ----

export function formatRatio(ratio: number): string {
  if (ratio >= 100) return `${Math.round(ratio)}×`;
  if (ratio >= 10) return `${ratio.toFixed(0)}×`;
  if (ratio >= 0.1) return `${ratio.toFixed(2).replace(/0$/u, '')}×`;
  return `${Number(ratio.toPrecision(2))}×`;
}

export function formatTime(ns: number): string {
  if (ns >= 1e9) return `${(ns / 1e9).toFixed(2)} s`;
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${ns.toFixed(0)} ns`;
}

/** The plugin's one byte formatter, so benchmarks, docs and messages show bytes alike. */
export { formatBytes } from '../src/util/units.js';

/** "4.2–6.8×" over the given sizes (or one value when they agree to two digits). */
export function ratioRange(values: number[]): string {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const a = formatRatio(low);
  const b = formatRatio(high);
  return a === b ? a : `${a.slice(0, -1)}–${b}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
