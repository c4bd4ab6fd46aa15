import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';

import { fixturesDir } from '../rule-tester.js';

type Context = Readonly<TSESLint.RuleContext<'fix', []>>;

const insertAt = (offset: number, text: string): TSESLint.RuleFix => ({ range: [offset, offset], text });

/** A fixer that builds the same RuleFix objects as the one ESLint hands to a fix function. */
export const fixer: TSESLint.RuleFixer = {
  insertTextAfter: (nodeOrToken, text) => insertAt(nodeOrToken.range[1], text),
  insertTextAfterRange: (range, text) => insertAt(range[1], text),
  insertTextBefore: (nodeOrToken, text) => insertAt(nodeOrToken.range[0], text),
  insertTextBeforeRange: (range, text) => insertAt(range[0], text),
  remove: (nodeOrToken) => ({ range: nodeOrToken.range, text: '' }),
  removeRange: (range) => ({ range, text: '' }),
  replaceText: (nodeOrToken, text) => ({ range: nodeOrToken.range, text }),
  replaceTextRange: (range, text) => ({ range, text }),
};

/** The fixes a fix function returns, as a list. */
export function fixesOf(fix: TSESLint.ReportFixFunction): TSESLint.RuleFix[] {
  const result = fix(fixer);
  if (result === null) return [];
  return 'range' in result ? [result] : [...(result as Iterable<TSESLint.RuleFix>)];
}

/**
 * `text` with the fixes of one report applied, as ESLint applies them: in range order, failing
 * when two of them overlap (ESLint rejects such a report).
 */
export function applyFixes(text: string, fixes: TSESLint.RuleFix | readonly TSESLint.RuleFix[] | TSESLint.ReportFixFunction): string {
  const list = typeof fixes === 'function' ? fixesOf(fixes) : 'range' in fixes ? [fixes] : [...fixes];
  list.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const parts: string[] = [];
  let position = 0;
  for (const { range, text: replacement } of list) {
    if (range[0] < position) throw new Error(`overlapping fixes at ${range[0]}`);
    parts.push(text.slice(position, range[0]), replacement);
    position = range[1];
  }
  parts.push(text.slice(position));
  return parts.join('');
}

/**
 * Runs ESLint's own fix loop (`verifyAndFix`, up to 10 passes) on `code` with a rule that, on each
 * pass, reports one problem per fix function `fixes` returns for the parsed program. Fixes whose
 * merged ranges overlap land in separate passes, each seeing the text the earlier ones produced.
 */
export function fixInPasses(code: string, fixes: (context: Context, program: TSESTree.Program) => TSESLint.ReportFixFunction[]): string {
  let failure: unknown;
  const linter = new Linter({ configType: 'flat' });
  const result = linter.verifyAndFix(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: {
          test: {
            rules: {
              fix: {
                create(context) {
                  return {
                    'Program:exit'(node) {
                      try {
                        const typed = context as unknown as Context;
                        for (const fix of fixes(typed, node as unknown as TSESTree.Program)) {
                          typed.report({ fix, loc: { column: 0, line: 1 }, messageId: 'fix' });
                        }
                      } catch (error) {
                        failure = error;
                      }
                    },
                  };
                },
                meta: { fixable: 'code', messages: { fix: 'fix' }, schema: [], type: 'suggestion' },
              },
            },
          },
        },
        rules: { 'test/fix': 'error' },
      },
    ],
    { filename: path.join(fixturesDir, 'file.ts') },
  );
  if (failure) throw failure;
  const fatal = result.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error after fixing: ${fatal.message}\n${result.output}`);
  return result.output;
}
