/**
 * Renders the lint-cost table from bench/lint-results.json (written by `npm run bench:lint`) between
 * `<!-- lint-cost-table -->` and `<!-- /lint-cost-table -->`, so the README's figures are the last
 * measurement's, never typed by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { root } from './bench-docs.js';

export interface LintResults {
  allocRulesMs: number;
  date: string;
  lines: number;
  loadCost: number;
  node: string;
  overhead: number;
  overheadAuto: number;
  perPackage: { alloc: number; allocAuto: number; baselineMs: number; lines: number; loaded: number; name: string }[];
  rounds: number;
  total: { baseline: number };
  tseMedian: number;
  v8: string;
}

export const lintResultsPath = path.join(root, 'bench/lint-results.json');

/** The budgets `npm run bench:lint` checks: `+alloc` per package of at least 10,000 lines, and over the corpus. */
export const PACKAGE_BUDGET = 0.03;
export const PACKAGE_BUDGET_MIN_LINES = 10_000;
export const CORPUS_BUDGET = 0.02;

const TABLE = /(<!-- lint-cost-table -->)[\s\S]*?(<!-- \/lint-cost-table -->)/gu;

const percent = (share: number): string => `${share >= 0 ? '+' : '−'}${Math.abs(share * 100).toFixed(1)}%`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function renderLintCostTable(results: LintResults): string {
  const rows = [
    `Node ${results.node} (V8 ${results.v8}), ${results.date}; CPU time (user + sys) of fresh lint processes; baseline seconds: median of ${results.rounds} alternating rounds; percentages: median over the rounds of each run's ratio to the baseline run next to it; baseline: typescript-eslint's \`recommendedTypeChecked\` without the plugin imported; `+
      `\`+alloc\`: the same with the plugin's \`strict\` config.`,
    '',
    '| package | lines | baseline | plugin loaded, no rule on | `+alloc` | `+alloc`, `--concurrency auto` |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...results.perPackage.map(
      (row) => `| \`${row.name}\` | ${row.lines.toLocaleString('en-US')} | ${seconds(row.baselineMs)} | ${percent(row.loaded)} | ${percent(row.alloc)} | ${percent(row.allocAuto)} |`,
    ),
    `| **corpus** | ${results.lines.toLocaleString('en-US')} | ${seconds(results.total.baseline)} | ${percent(results.loadCost)} | ${percent(results.overhead)} | ${percent(results.overheadAuto)} |`,
    '',
    `The rules' own time (\`TIMING\`-style stats) is ${Math.round(results.allocRulesMs).toLocaleString('en-US')} ms over the corpus (${percent(results.allocRulesMs / results.total.baseline)} of the baseline); typescript-eslint's median type-aware rule takes ${Math.round(results.tseMedian)} ms there.`,
  ];
  const over = results.perPackage.filter((row) => row.lines >= PACKAGE_BUDGET_MIN_LINES && row.alloc > PACKAGE_BUDGET).map((row) => `\`${row.name}\` (${percent(row.alloc)})`);
  if (results.overhead > CORPUS_BUDGET) over.push(`the corpus (${percent(results.overhead)})`);
  rows.push('', over.length === 0 ? 'Within budget in this run.' : `Over budget in this run: ${over.join(', ')}.`);
  return rows.join('\n');
}

/** The text with the lint-cost table regenerated (unchanged when it has no marker or there is no measurement). */
export function renderLintCost(text: string): string {
  if (!TABLE.test(text)) return text;
  TABLE.lastIndex = 0;
  if (!existsSync(lintResultsPath)) throw new Error('lint-cost-table: bench/lint-results.json is missing (npm run bench:lint)');
  const results = JSON.parse(readFileSync(lintResultsPath, 'utf8')) as LintResults;
  return text.replace(TABLE, (_, open: string, close: string) => `${open}\n${renderLintCostTable(results)}\n${close}`);
}
