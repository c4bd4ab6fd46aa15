/**
 * An ESLint formatter that ranks findings by the measured cost of the function they sit in, from
 * the figure each alloc rule adds to its message in profiled code (`settings.alloc.profile`):
 * `pprof top` meets the linter. Use it with
 * `eslint -f ./node_modules/eslint-plugin-alloc/dist/formatter.js`; see docs/profile-guided.md.
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
}

interface Context {
  cwd?: string;
}

interface Finding {
  file: string;
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
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    const file = path.relative(cwd, result.filePath) || result.filePath;
    for (const message of result.messages) {
      if (message.severity === 2) errors++;
      else warnings++;
      const note = readProfileNote(message.message);
      if (!note) {
        rest.push({ file, message, text: message.message });
        continue;
      }
      const key = `${file}\0${note.functionLabel}\0${note.figure}`;
      let group = groups.get(key);
      if (!group) {
        group = { amount: note.amount, figure: note.figure, findings: [], name: note.functionLabel, share: note.percent };
        groups.set(key, group);
      }
      group.findings.push({ file, message, text: note.text });
    }
  }
  if (errors + warnings === 0) return '';
  const ranked = [...groups.values()].sort((a, b) => b.share - a.share || b.amount - a.amount);
  const lines: string[] = [];
  if (ranked.length > 0) {
    lines.push('Findings in profiled functions, heaviest first (settings.alloc.profile):', '');
    for (const group of ranked) {
      lines.push(`${group.findings[0]!.file}  ${group.name} ${group.figure}`);
      lines.push(...table(group.findings), '');
    }
  }
  if (rest.length > 0) {
    lines.push(ranked.length > 0 ? `Not in a function the profile measured (${rest.length}):` : `No finding is in a function the profile measured (${rest.length}):`);
    lines.push(...table(rest), '');
  }
  lines.push(`${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`);
  return `${lines.join('\n')}\n`;
}

function table(findings: readonly Finding[]): string[] {
  const rows = findings.map(({ file, message, text }) => [
    `${file}:${message.line ?? 0}:${message.column ?? 0}`,
    message.fatal || message.severity === 2 ? 'error' : 'warning',
    message.ruleId ?? '',
    text,
  ]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join('  ')}`);
}
