/**
 * The default config's findings on the real-code corpus, keyed the way tests/realworld/labels.json
 * labels them: `package src/path.ts:line:column rule`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';

import { CORPUS, prepareProject, root } from './corpus.js';

export interface Finding {
  key: string;
  message: string;
  /** The reported source line, trimmed. */
  code: string;
}

export type Label = 'noise' | 'worth' | 'wrong';

export interface LabelEntry {
  /** The default config no longer reports it (the model or a rule dropped it): it must not come back. */
  dropped?: true;
  label: Label;
  reason: string;
}

const NON_WORD = /\W/gu;

export const labelsPath = path.resolve(import.meta.dirname, '../../tests/realworld/labels.json');

export function readLabels(): Record<string, LabelEntry> {
  return JSON.parse(readFileSync(labelsPath, 'utf8')) as Record<string, LabelEntry>;
}

/** Lints every corpus package (copied under `scratch`) with the README's default config, `recommended-type-checked`. */
export async function defaultFindings(scratch: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const { lib, name } of CORPUS) {
    const dir = prepareProject(path.join(scratch, `${name.replace(NON_WORD, '_')}-recommended`), name, lib, 'recommended');
    const results = await new ESLint({ cwd: dir }).lintFiles(['src/**/*.ts']);
    for (const result of results) {
      const lines = readFileSync(result.filePath, 'utf8').split('\n');
      for (const message of result.messages) {
        if (message.fatal) throw new Error(`${name} ${result.filePath}:${message.line}: ${message.message}`);
        if (!message.ruleId?.startsWith('alloc/')) continue;
        findings.push({
          code: (lines[message.line - 1] ?? '').trim(),
          key: `${name} ${path.relative(dir, result.filePath)}:${message.line}:${message.column} ${message.ruleId}`,
          message: message.message,
        });
      }
    }
  }
  return findings;
}

/** Lines of TypeScript in a corpus package's `src/` (declaration files excluded). */
function sourceLines(name: string): number {
  const dir = path.join(root, 'node_modules', name, 'src');
  let lines = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) lines += readFileSync(path.join(entry.parentPath, entry.name), 'utf8').split('\n').length;
  }
  return lines;
}

export const TABLE_START = '<!-- begin realworld precision table (npm run realworld:findings -- --write) -->';
export const TABLE_END = '<!-- end realworld precision table -->';
export const realworldDocPath = path.resolve(import.meta.dirname, '../../docs/real-world.md');

/** The markdown table of findings and labels per corpus package, and the precision over the corpus. */
export function precisionTable(findings: readonly Finding[], labels: Record<string, LabelEntry>): string {
  const rows: string[] = ['| package | TypeScript lines | findings | worth | noise | wrong | unlabelled |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  const total = { findings: 0, lines: 0, noise: 0, unlabelled: 0, worth: 0, wrong: 0 };
  for (const { name } of CORPUS) {
    const own = findings.filter((finding) => finding.key.startsWith(`${name} `));
    const count = (label: Label) => own.filter((finding) => labels[finding.key]?.label === label).length;
    const row = { findings: own.length, lines: sourceLines(name), noise: count('noise'), unlabelled: own.filter((finding) => !labels[finding.key]).length, worth: count('worth'), wrong: count('wrong') };
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += row[key];
    rows.push(`| \`${name}\` | ${row.lines.toLocaleString('en-US')} | ${row.findings} | ${row.worth} | ${row.noise} | ${row.wrong} | ${row.unlabelled} |`);
  }
  rows.push(`| **corpus** | ${total.lines.toLocaleString('en-US')} | ${total.findings} | ${total.worth} | ${total.noise} | ${total.wrong} | ${total.unlabelled} |`);
  const labelled = total.findings - total.unlabelled;
  const precision = labelled === 0 ? '–' : `${Math.round((total.worth / labelled) * 100)}%`;
  return `${rows.join('\n')}\n\nPrecision (worth / labelled findings): **${precision}**; factually wrong: **${total.wrong}**.`;
}

/** The docs page with its table section replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`${realworldDocPath} has no table markers`);
  return `${doc.slice(0, start + TABLE_START.length)}\n${table}\n${doc.slice(end)}`;
}
