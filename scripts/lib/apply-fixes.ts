/**
 * Applies a lint's fixes to files on disk the way `eslint --fix` does, plus chosen suggestions.
 *
 * Autofixes are ESLint's own output (`ESLint` with `fix`), pass after pass until a pass changes
 * nothing, at most 10 passes, as `Linter#verifyAndFix` does: in one pass ESLint skips a fix that
 * overlaps one it applied, and the next pass, which lints the new text, applies it if it still
 * applies. Suggestions ESLint never applies; here, in each pass, the first suggestion of each
 * problem `suggest` picks is applied to ESLint's output the same way (in order, skipping one that
 * overlaps an earlier one: it comes back in the next pass).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { ESLint, Linter } from 'eslint';

/** `Linter#verifyAndFix`'s limit. */
export const MAX_PASSES = 10;

export interface FixRun {
  /** What was applied, in order: `autofix     src/a.ts:12 alloc/rule`, `suggestion  src/a.ts:3 <its title>` (lines of the text it was applied to). */
  applied: string[];
  /** Passes that changed a file (the last pass changes nothing, unless the limit stopped the run). */
  passes: number;
  /** Problems that still have an autofix or a picked suggestion after the run: none, unless the limit stopped it. */
  remaining: { file: string; message: Linter.LintMessage }[];
}

export interface FixOptions {
  /** The files to fix, absolute. */
  files: readonly string[];
  /** Paths in `applied` are relative to this. */
  cwd: string;
  /** An ESLint instance with the project's config and the given `fix` option. */
  eslint: (fix: ESLint.Options['fix']) => ESLint;
  /** Which problems without an autofix get their first suggestion applied (default: none). */
  suggest?: (message: Linter.LintMessage) => boolean;
}

type Fix = NonNullable<Linter.LintMessage['fix']>;

/** Edits applied in order of position; one that overlaps an applied one is left out (ESLint's rule). */
function applyEdits(text: string, edits: readonly { fix: Fix; what: string }[]): { applied: string[]; text: string } {
  let cursor = -Infinity;
  const parts: string[] = [];
  let from = 0;
  const applied: string[] = [];
  for (const { fix, what } of [...edits].sort((a, b) => a.fix.range[0] - b.fix.range[0] || a.fix.range[1] - b.fix.range[1])) {
    if (fix.range[0] <= cursor) continue;
    parts.push(text.slice(from, fix.range[0]), fix.text);
    from = fix.range[1];
    cursor = fix.range[1];
    applied.push(what);
  }
  parts.push(text.slice(from));
  return { applied, text: parts.join('') };
}

/** One pass on one file: ESLint's fix output, then the picked suggestions on that text. */
async function fixPass(file: string, options: FixOptions): Promise<{ applied: string[]; changed: boolean }> {
  const relative = path.relative(options.cwd, file);
  const applied: string[] = [];
  // ESLint calls this for each fix in order of position, then applies it unless it overlaps one it
  // applied in the same pass. Accepting only fixes after the last accepted one keeps the record
  // exact: each accepted fix is applied; the others are left for the next pass, as ESLint does.
  let cursor = -Infinity;
  const accept = (message: Linter.LintMessage): boolean => {
    const range = message.fix!.range;
    if (range[0] <= cursor) return false;
    cursor = range[1];
    applied.push(`autofix     ${relative}:${message.line} ${message.ruleId}`);
    return true;
  };
  const [result] = await options.eslint(accept).lintFiles([file]);
  const before = readFileSync(file, 'utf8');
  let text = result!.output ?? before;
  const picked = options.suggest
    ? result!.messages.flatMap((message) => {
        const suggestion = message.fix ? undefined : message.suggestions?.[0];
        return suggestion && options.suggest!(message)
          ? [{ fix: suggestion.fix, what: `suggestion  ${relative}:${message.line} ${suggestion.desc}` }]
          : [];
      })
    : [];
  const suggested = applyEdits(text, picked);
  text = suggested.text;
  applied.push(...suggested.applied);
  if (text !== before) writeFileSync(file, text);
  return { applied, changed: text !== before };
}

/** Fixes `files` in place, pass after pass, until a pass changes nothing or `MAX_PASSES` ran. */
export async function applyFixes(options: FixOptions): Promise<FixRun> {
  const applied: string[] = [];
  let passes = 0;
  while (passes < MAX_PASSES) {
    let changed = false;
    for (const file of options.files) {
      const pass = await fixPass(file, options);
      applied.push(...pass.applied);
      changed ||= pass.changed;
    }
    if (!changed) break;
    passes++;
  }
  const remaining: FixRun['remaining'] = [];
  for (const result of await options.eslint(false).lintFiles([...options.files])) {
    for (const message of result.messages) {
      if (message.fix || (message.suggestions?.length && options.suggest?.(message))) remaining.push({ file: result.filePath, message });
    }
  }
  return { applied, passes, remaining };
}
