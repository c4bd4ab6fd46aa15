/**
 * Renders measured figures from bench/results.json into the Markdown that quotes them: tables and
 * inline figures (between markers). Rule messages quote none: a benchmark's figure is not the user's.
 *   <!-- bench-table <rule>/<group> --> … <!-- /bench-table -->
 *   <!-- figure <name> --> … <!-- /figure -->        names: `node`, `v8`, `<rule>.<figure>`
 * A marker that names nothing measured is an error, so no figure can lack a source.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import type { BenchSuite, ResultsFile } from '../../bench/harness.js';
import { formatBytes, formatRatio, formatTime } from '../../bench/harness.js';

export const root = path.resolve(import.meta.dirname, '../..');

export async function loadSuites(): Promise<BenchSuite[]> {
  const dir = path.join(root, 'bench');
  const suites: BenchSuite[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
    suites.push(((await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchSuite }).default);
  }
  return suites;
}

export function loadResults(): ResultsFile {
  return JSON.parse(readFileSync(path.join(root, 'bench/results.json'), 'utf8')) as ResultsFile;
}

/** Every named figure: `node`, `v8`, and `<rule>.<name>` from each suite's `figures`. */
export function computeFigures(suites: BenchSuite[], results: ResultsFile): Record<string, string> {
  const figures: Record<string, string> = { node: results.node, v8: results.v8 };
  for (const suite of suites) {
    const measured = results.rules[suite.rule];
    if (!measured) throw new Error(`bench/results.json has no results for ${suite.rule}: run npm run bench -- ${suite.rule}`);
    const compute = suite.figures ?? {};
    for (const name of Object.keys(compute)) {
      figures[`${suite.rule}.${name}`] = compute[name]!(measured);
    }
  }
  return figures;
}

export function renderTable(suites: BenchSuite[], results: ResultsFile, key: string): string {
  const [rule, groupId] = key.split('/');
  const group = suites.find((s) => s.rule === rule)?.groups.find((g) => g.id === groupId);
  const measured = results.rules[rule!]?.[groupId!];
  if (!group || !measured) throw new Error(`bench-table ${key}: no such benchmark group with results`);
  const baseline = group.cases.find((c) => c.id === group.baseline)!;
  const retained = group.retained === true;
  const run = results.measured?.[rule!] ?? results;
  const lines = [
    `Node ${run.node} (V8 ${run.v8}), ${run.platform}, ${run.date}; median CPU time per operation; ratios against ${baseline.label} in the same run (< 1× is better).`,
    '',
    `| n | case | time/op | time × | bytes/op | bytes × |${retained ? ' retained | retained/item |' : ''}`,
    `| ---: | --- | ---: | ---: | ---: | ---: |${retained ? ' ---: | ---: |' : ''}`,
  ];
  for (const size of group.sizes) {
    for (const benchCase of group.cases) {
      const r = measured[String(size)]?.[benchCase.id];
      if (!r) throw new Error(`bench-table ${key}: no result for n = ${size}, ${benchCase.id}`);
      lines.push(
        `| ${size.toLocaleString('en-US')} | ${benchCase.label.replaceAll('|', '\\|')} | ${formatTime(r.timeNs)} | ${formatRatio(r.timeRatio)} | ${formatBytes(r.bytes)} | ${formatRatio(r.allocRatio)} |${retained ? ` ${formatBytes(r.retainedBytes ?? 0)} | ${((r.retainedBytes ?? 0) / size).toFixed(0)} B |` : ''}`,
      );
    }
  }
  return lines.join('\n');
}

const TABLE = /(<!-- bench-table ([\w-]+\/[\w-]+) -->)[\s\S]*?(<!-- \/bench-table -->)/gu;
const FIGURE = /(<!-- figure ([\w.-]+) -->)[\s\S]*?(<!-- \/figure -->)/gu;

/** The Markdown text with every marker's content regenerated. */
export function renderMarkdown(
  text: string,
  suites: BenchSuite[],
  results: ResultsFile,
  figures: Record<string, string>,
): string {
  return text
    .replace(TABLE, (_, open: string, key: string, close: string) => `${open}\n${renderTable(suites, results, key)}\n${close}`)
    .replace(FIGURE, (_, open: string, name: string, close: string) => {
      const value = figures[name];
      if (value === undefined) throw new Error(`figure ${name}: no benchmark computes it`);
      return `${open}${value}${close}`;
    });
}

/** The Markdown files that may quote figures: README.md and docs/**. */
export function markdownFiles(): string[] {
  const files = [path.join(root, 'README.md')].filter((file) => existsSync(file));
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(full);
    }
  };
  walk(path.join(root, 'docs'));
  return files;
}
