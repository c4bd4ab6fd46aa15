/**
 * An ESLint formatter that ranks findings by the measured cost of the function they sit in, from
 * the figure each alloc rule adds to its message in profiled code (`settings.alloc.profile`):
 * `pprof top` meets the linter. When no finding carries a figure (no profile is configured, or it
 * measured none of their functions) it prints the usual report, grouped by file like ESLint's
 * `stylish`. Use it with `eslint -f ./node_modules/eslint-plugin-alloc/dist/formatter.js`; see
 * docs/profile-guided.md.
 */
import path from 'node:path';

import { readProfileNote } from './profile/figure.js';

interface Message {
  column?: number;
  fatal?: boolean;
  line?: number;
  message: string;
  ruleId: string | null;
  severity: number;
}

interface Result {
  filePath: string;
  messages: Message[];
  fixableErrorCount?: number;
  fixableWarningCount?: number;
}

interface Context {
  cwd?: string;
}

interface Finding {
  /** Relative to the working directory (or absolute outside it). */
  file: string;
  /** As ESLint gives it: absolute. */
  filePath: string;
  message: Message;
  text: string;
}

interface Group {
  name: string;
  figure: string;
  share: number;
  /** The measured bytes or microseconds: ties on the rounded share. */
  amount: number;
  findings: Finding[];
}

export default function formatter(results: readonly Result[], context?: Context): string {
  const cwd = context?.cwd ?? process.cwd();
  const groups = new Map<string, Group>();
  const rest: Finding[] = [];
  const counts = { errors: 0, fixableErrors: 0, fixableWarnings: 0, warnings: 0 };
  for (const result of results) {
    const file = path.relative(cwd, result.filePath) || result.filePath;
    for (const message of result.messages) {
      if (message.fatal || message.severity === 2) counts.errors++;
      else counts.warnings++;
      const note = readProfileNote(message.message);
      if (!note) {
        rest.push({ file, filePath: result.filePath, message, text: message.message });
        continue;
      }
      const key = `${file}\0${note.functionLabel}\0${note.figure}`;
      let group = groups.get(key);
      if (!group) {
        group = { amount: note.amount, figure: note.figure, findings: [], name: note.functionLabel, share: note.percent };
        groups.set(key, group);
      }
      group.findings.push({ file, filePath: result.filePath, message, text: note.text });
    }
    counts.fixableErrors += result.fixableErrorCount ?? 0;
    counts.fixableWarnings += result.fixableWarningCount ?? 0;
  }
  if (counts.errors + counts.warnings === 0) return '';
  const lines: string[] = [];
  if (groups.size === 0) {
    // No finding carries a profile figure (no profile, or none measured their functions): the usual report.
    lines.push(...byFile(rest, (finding) => finding.filePath));
  } else {
    const ranked = [...groups.values()].sort((a, b) => b.share - a.share || b.amount - a.amount);
    lines.push(`Findings in profiled functions, heaviest first (settings.alloc.profile); paths relative to ${cwd}:`, '');
    for (const group of ranked) {
      lines.push(`${group.findings[0]!.file}  ${group.name} ${group.figure}`);
      lines.push(...table(group.findings), '');
    }
    if (rest.length > 0) lines.push(`Not in a function the profile measured (${rest.length}):`, '', ...byFile(rest, (finding) => finding.file));
  }
  lines.push(summary(counts));
  return `${lines.join('\n')}\n`;
}

/** `2 problems (1 error, 1 warning)`, and what `--fix` could fix. */
function summary({ errors, fixableErrors, fixableWarnings, warnings }: Record<'errors' | 'fixableErrors' | 'fixableWarnings' | 'warnings', number>): string {
  const line = `${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return fixableErrors + fixableWarnings === 0 ? line : `${line}\n  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Findings under a header per file, in the order given, as ESLint's `stylish` lays them out: `line:column  severity  message  rule`. */
function byFile(findings: readonly Finding[], header: (finding: Finding) => string): string[] {
  const files = new Map<string, Finding[]>();
  for (const finding of findings) {
    const name = header(finding);
    const list = files.get(name);
    if (list) list.push(finding);
    else files.set(name, [finding]);
  }
  const lines: string[] = [];
  for (const [name, list] of files) {
    const rows = list.map(({ message, text }) => [String(message.line ?? 0), String(message.column ?? 0), severity(message), text, message.ruleId ?? '']);
    const width = (column: number): number => Math.max(...rows.map((row) => row[column]!.length));
    const [line, column, level, text] = [width(0), width(1), width(2), width(3)];
    lines.push(name);
    for (const row of rows) {
      const cells = [`${row[0]!.padStart(line)}:${row[1]!.padEnd(column)}`, row[2]!.padEnd(level), row[4] ? row[3]!.padEnd(text) : row[3]!, row[4]!];
      lines.push(`  ${cells.join('  ').trimEnd()}`);
    }
    lines.push('');
  }
  return lines;
}

const severity = (message: Message): string => (message.fatal || message.severity === 2 ? 'error' : 'warning');

function table(findings: readonly Finding[]): string[] {
  const rows = findings.map(({ file, message, text }) => [`${file}:${message.line ?? 0}:${message.column ?? 0}`, severity(message), message.ruleId ?? '', text]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')}`);
}
