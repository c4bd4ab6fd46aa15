import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import path from 'node:path';

import { fixturesDir } from '../rule-tester.js';

type Context = Readonly<TSESLint.RuleContext<string, unknown[]>>;

/**
 * Parses `code` as tests/fixtures/file.ts with type information and calls `inspect` at the end of the
 * traversal (every node has its `parent`), with the rule context the analysis functions receive.
 */
export function withTypedContext(
  code: string,
  inspect: (context: Context, program: TSESTree.Program) => void,
  options: { filename?: string; settings?: Record<string, unknown>; typed?: boolean } = {},
): void {
  let failure: unknown;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: {
          parser: tsParser,
          parserOptions: options.typed === false ? {} : { projectService: true, tsconfigRootDir: fixturesDir },
        },
        settings: options.settings ?? {},
        plugins: {
          test: {
            rules: {
              inspect: {
                create(context) {
                  return {
                    'Program:exit'(node) {
                      try {
                        inspect(context as unknown as Context, node as unknown as TSESTree.Program);
                      } catch (error) {
                        failure = error;
                      }
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'test/inspect': 'error' },
      },
    ],
    { filename: path.join(fixturesDir, options.filename ?? 'file.ts') },
  );
  if (failure) throw failure;
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
}

/** Every node of the given type, in source order. */
export function findAll<T extends TSESTree.Node['type']>(
  program: TSESTree.Program,
  type: T,
): Extract<TSESTree.Node, { type: T }>[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const candidate = node as TSESTree.Node;
    if (typeof candidate.type !== 'string') return;
    if (candidate.type === type) found.push(candidate);
    for (const [key, value] of Object.entries(candidate)) {
      if (key !== 'parent') visit(value);
    }
  };
  visit(program);
  return found as Extract<TSESTree.Node, { type: T }>[];
}
