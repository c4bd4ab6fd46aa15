/**
 * `npm run bench:lint`: what this plugin costs a user in a typed lint, on the real-code corpus.
 * Each lint runs in a fresh process the way a user runs it (plain Node, ESLint loading the project's
 * eslint.config.js), and is measured as that process's CPU time (user + system, all threads) from
 * start to end, so loading the plugin counts. Per package and round, in alternating order:
 * - `baseline`: typescript-eslint's `recommendedTypeChecked`, the plugin **not imported**;
 * - `loaded`: the same with the plugin imported and registered, no rule of it on (its load cost);
 * - `alloc`: the same with the plugin's `strict` config (every rule, strict options);
 * each without and with `--concurrency auto` (the load cost is paid again by every worker).
 * Reports medians over rounds: per package and for the whole corpus, the overhead of `alloc` and
 * of `loaded` over `baseline` (the median of each round's ratio to the baseline run next to it), and
 * every rule's own time (ESLint `stats`). Budget: the overhead of
 * `alloc` at most 3% on every package of 10,000 lines or more and at most 2% on the whole corpus
 * (without `--concurrency`), every type-aware rule no slower than typescript-eslint's median
 * type-aware rule, the rules that need no type information under 1 ms per 1,000 lines.
 * Writes bench/lint-results.json; exits 1 when over budget. `BENCH_LINT_ROUNDS` sets the rounds (5).
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
import { CORPUS_BUDGET, PACKAGE_BUDGET, PACKAGE_BUDGET_MIN_LINES } from './lib/lint-docs.js';

interface Run {
  cpuMs: number;
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

const ROUNDS = Number(process.env.BENCH_LINT_ROUNDS ?? 5);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-bench-lint-'));
const CONFIGS = { alloc: 'baseline+alloc', baseline: 'baseline', loaded: 'baseline+loaded' } as const satisfies Record<string, CorpusConfig>;
type Variant = keyof typeof CONFIGS;
type Mode = 'auto' | 'off';

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

function lintOnce(dir: string, concurrency: Mode): Run {
  const output = execFileSync(process.execPath, [path.join(root, 'scripts/lib/lint-once.mjs'), dir, concurrency], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const run = JSON.parse(output.trim().split('\n').at(-1)!) as Run;
  if (run.fatal > 0) throw new Error(`${dir}: ${run.fatal} fatal errors`);
  return run;
}

const percent = (ratio: number): string => `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;

try {
  const packages = CORPUS.map(({ lib, name }) => {
    const dirs = Object.fromEntries(
      Object.entries(CONFIGS).map(([variant, config]) => [variant, prepareProject(path.join(scratch, variant, name.replaceAll('/', '_').replaceAll('@', '')), name, lib, config)]),
    ) as Record<Variant, string>;
    return { dirs, lines: countLines(path.join(dirs.baseline, 'src')), name };
  });
  const lines = packages.reduce((sum, p) => sum + p.lines, 0);

  /** runs[mode][variant][package] = one Run per round. */
  const runs: Record<Mode, Record<Variant, Run[][]>> = {
    auto: { alloc: packages.map(() => []), baseline: packages.map(() => []), loaded: packages.map(() => []) },
    off: { alloc: packages.map(() => []), baseline: packages.map(() => []), loaded: packages.map(() => []) },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['off', 'auto'] as const) {
      // The load cost is measured without --concurrency only; every worker pays it again.
      const variants: Variant[] = mode === 'off' ? ['baseline', 'loaded', 'alloc'] : ['baseline', 'alloc'];
      packages.forEach((pkg, index) => {
        // Alternate the order between rounds, so drift on this machine does not favour one variant.
        for (const variant of round % 2 === 0 ? variants : [...variants].reverse()) runs[mode][variant][index]!.push(lintOnce(pkg.dirs[variant], mode));
      });
    }
    process.stderr.write(`round ${round + 1} of ${ROUNDS} done\n`);
  }

  const cpu = (mode: Mode, variant: Variant, index: number) => median(runs[mode][variant][index]!.map((r) => r.cpuMs));
  /**
   * A variant's overhead on a package: the median over rounds of its CPU time over the baseline's in
   * the same round. The two ran back to back, so drift of this machine between rounds cancels out
   * (a ratio of medians compares runs minutes apart).
   */
  const overheadOf = (mode: Mode, variant: Variant, index: number) =>
    median(runs[mode][variant][index]!.map((run, round) => run.cpuMs / runs[mode].baseline[index]![round]!.cpuMs)) - 1;
  /** The same over the corpus: per round, the corpus total over the baseline's corpus total. */
  const corpusOverhead = (mode: Mode, variant: Variant) =>
    median([...Array(ROUNDS).keys()].map((round) => packages.reduce((sum, _, i) => sum + runs[mode][variant][i]![round]!.cpuMs, 0) / packages.reduce((sum, _, i) => sum + runs[mode].baseline[i]![round]!.cpuMs, 0))) - 1;
  /** Median over rounds of the corpus total. */
  const corpusCpu = (mode: Mode, variant: Variant) => median([...Array(ROUNDS).keys()].map((round) => packages.reduce((sum, _, i) => sum + runs[mode][variant][i]![round]!.cpuMs, 0)));
  const ruleTimes: Record<string, number> = {};
  for (const rule of Object.keys(runs.off.alloc[0]![0]!.rules)) {
    ruleTimes[rule] = median([...Array(ROUNDS).keys()].map((round) => packages.reduce((sum, _, i) => sum + (runs.off.alloc[i]![round]!.rules[rule] ?? 0), 0)));
  }

  console.log(`Node ${process.versions.node}, V8 ${process.versions.v8}; corpus: ${lines.toLocaleString('en-US')} lines in ${packages.length} packages; CPU time, median of ${ROUNDS} alternating rounds\n`);
  console.log('package                          lines   baseline   +loaded        +alloc   --concurrency auto: baseline   +alloc');
  const verdicts: string[] = [];
  const perPackage = packages.map((pkg, i) => {
    const baseline = cpu('off', 'baseline', i);
    const loaded = overheadOf('off', 'loaded', i);
    const alloc = overheadOf('off', 'alloc', i);
    const baselineAuto = cpu('auto', 'baseline', i);
    const allocAuto = overheadOf('auto', 'alloc', i);
    console.log(
      `${pkg.name.padEnd(30)} ${pkg.lines.toLocaleString('en-US').padStart(7)} ${`${(baseline / 1000).toFixed(2)} s`.padStart(10)} ${percent(loaded).padStart(9)} ${percent(alloc).padStart(13)} ${`${(baselineAuto / 1000).toFixed(2)} s`.padStart(30)} ${percent(allocAuto).padStart(8)}`,
    );
    if (pkg.lines >= PACKAGE_BUDGET_MIN_LINES && alloc > PACKAGE_BUDGET) verdicts.push(`${pkg.name}: +alloc ${percent(alloc)} > 3%`);
    return { alloc, allocAuto, baselineAuto, baselineMs: baseline, lines: pkg.lines, loaded, name: pkg.name };
  });
  const total = { alloc: corpusCpu('off', 'alloc'), allocAuto: corpusCpu('auto', 'alloc'), baseline: corpusCpu('off', 'baseline'), baselineAuto: corpusCpu('auto', 'baseline'), loaded: corpusCpu('off', 'loaded') };
  const overhead = corpusOverhead('off', 'alloc');
  const loadCost = corpusOverhead('off', 'loaded');
  const overheadAuto = corpusOverhead('auto', 'alloc');
  const allocTotal = Object.entries(ruleTimes).filter(([rule]) => rule.startsWith('alloc/')).reduce((sum, [, time]) => sum + time, 0);
  console.log(
    `${'whole corpus'.padEnd(30)} ${lines.toLocaleString('en-US').padStart(7)} ${`${(total.baseline / 1000).toFixed(2)} s`.padStart(10)} ${percent(loadCost).padStart(9)} ${percent(overhead).padStart(13)} ${`${(total.baselineAuto / 1000).toFixed(2)} s`.padStart(30)} ${percent(overheadAuto).padStart(8)}\n`,
  );
  if (overhead > CORPUS_BUDGET) verdicts.push(`whole corpus: +alloc ${percent(overhead)} > 2%`);
  console.log(`load cost (plugin imported, no rule on):  ${percent(loadCost)} of the baseline's CPU time`);
  console.log(`rule cost (the rules' own time, stats):    ${allocTotal.toFixed(0)} ms, ${percent(allocTotal / total.baseline)} of the baseline's CPU time\n`);

  const tseRules = (tseslint.plugin as unknown as { rules: Record<string, { meta: { docs?: { requiresTypeChecking?: boolean } } }> }).rules;
  const typeAware = Object.entries(ruleTimes)
    .filter(([rule]) => rule.startsWith('@typescript-eslint/') && tseRules[rule.slice('@typescript-eslint/'.length)]?.meta.docs?.requiresTypeChecking)
    .map(([, time]) => time);
  const tseMedian = median(typeAware);
  console.log(`typescript-eslint median type-aware rule: ${tseMedian.toFixed(2)} ms\n`);
  console.log('rule                                     time (ms)   ms / 1,000 lines   budget');
  for (const [name, rule] of Object.entries(allocRules)) {
    const id = `alloc/${name}`;
    const time = ruleTimes[id] ?? 0;
    const perKLine = (time / lines) * 1000;
    const typed = (rule.meta.docs as { requiresTypeChecking?: boolean }).requiresTypeChecking;
    const ok = typed ? time <= tseMedian : perKLine < 1;
    if (!ok) verdicts.push(`${id} over budget`);
    console.log(`${id.padEnd(40)} ${time.toFixed(2).padStart(9)}   ${perKLine.toFixed(3).padStart(16)}   ${ok ? 'ok' : 'OVER'} (${typed ? '≤ TSE median' : '< 1 ms / 1,000 lines'})`);
  }
  writeFileSync(
    path.join(root, 'bench/lint-results.json'),
    `${JSON.stringify({ allocRulesMs: allocTotal, date: new Date().toISOString().slice(0, 10), lines, loadCost, node: process.versions.node, overhead, overheadAuto, perPackage, rounds: ROUNDS, ruleTimes, total, tseMedian, v8: process.versions.v8 }, null, 2)}\n`,
  );
  console.log(`\n${verdicts.length === 0 ? 'within budget' : `OVER BUDGET: ${verdicts.join('; ')}`}; wrote bench/lint-results.json`);
  process.exitCode = verdicts.length === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { force: true, recursive: true });
}
