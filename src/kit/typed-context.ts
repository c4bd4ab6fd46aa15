/** The typed context a type-aware rule starts from, and the one message it gives without type information. */
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import type ts from 'typescript';

import type { LoopAnalysis } from '../analysis/loops.js';
import { getLoopAnalysis } from '../analysis/loops.js';


/** The message every type-aware rule reports once per file when it runs without type information. */
export const TYPE_INFORMATION_MESSAGE =
  'This rule needs type information: add `languageOptions: { parserOptions: { projectService: true } }` to your ESLint config (see https://typescript-eslint.io/getting-started/typed-linting).';

/**
 * Returns the parser services with a program, or `null` after arranging one clear report at the top of
 * the file. A missing program is a configuration error, so the rule explains the fix in one sentence
 * instead of throwing (ESLint would print a stack trace and stop linting every other file).
 */
export function getTypeServices<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds | 'requiresTypeInformation', readonly unknown[]>>,
): ParserServicesWithTypeInformation | null {
  const services = context.sourceCode.parserServices;
  if (services?.program && services.esTreeNodeToTSNodeMap) {
    return services as ParserServicesWithTypeInformation;
  }
  context.report({
    loc: { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } },
    messageId: 'requiresTypeInformation',
  });
  return null;
}

/** What every type-aware rule starts from, with the services already checked for a program. */
export interface TypedRuleContext {
  checker: ts.TypeChecker;
  loops: LoopAnalysis;
  program: ts.Program;
  services: ParserServicesWithTypeInformation;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

/**
 * The type checker, program, services and the file's loop analysis, or `null` (after the one
 * report of `getTypeServices`) when the file has no type information. Destructure it after the null
 * check: the fields stay non-null inside the rule's helper functions.
 */
export function getTypedRuleContext<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds | 'requiresTypeInformation', readonly unknown[]>>,
): TypedRuleContext | null {
  const services = getTypeServices(context);
  if (!services) return null;
  const { sourceCode } = context;
  return { checker: services.program.getTypeChecker(), loops: getLoopAnalysis(sourceCode), program: services.program, services, sourceCode };
}
