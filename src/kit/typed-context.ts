/** The typed context a type-aware rule starts from, and the one notice a file gets without type information. */
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import type ts from 'typescript';

import type { LoopAnalysis } from '../analysis/loops.js';
import { getLoopAnalysis } from '../analysis/loops.js';

/** The notices a type-aware rule gives instead of its findings when the file has no type information. */
export type TypeInformationMessageId = 'requiresTypeInformation' | 'requiresTypeScriptParser';

const TURN_OFF = "or turn them off for such files with `alloc.configs['disable-type-checked']`.";

/**
 * Their text, for each rule's `meta.messages`; the advice depends on the parser in use:
 * - `requiresTypeInformation`: typescript-eslint's parser without a program (no `projectService`, or
 *   `projectService: false` as typescript-eslint's `disableTypeChecked` config sets it);
 * - `requiresTypeScriptParser`: a parser that gives no type information at all (espree, ESLint's default).
 */
export const TYPE_INFORMATION_MESSAGES: Record<TypeInformationMessageId, string> = {
  requiresTypeInformation: `This file has no type information, so alloc's type-aware rules skip it: enable \`parserOptions.projectService\`, ${TURN_OFF}`,
  requiresTypeScriptParser: `This file's parser, {{parser}}, gives no type information, so alloc's type-aware rules skip it: use typescript-eslint's parser with \`parserOptions.projectService\`, ${TURN_OFF}`,
};

/**
 * Files already given the notice. Every rule of one lint of a file sees the same `SourceCode`, so the
 * first type-aware rule to run reports and the others stay quiet: one notice per file, not one per rule.
 */
const noticed = new WeakSet<object>();

/**
 * Returns the parser services with a program, or `null` after arranging the file's one notice at its
 * top. A missing program is a configuration error, so the notice says what to change instead of
 * throwing (ESLint would print a stack trace and stop linting every other file).
 */
export function getTypeServices<MessageIds extends string>(
  context: Readonly<TSESLint.RuleContext<MessageIds | TypeInformationMessageId, readonly unknown[]>>,
): ParserServicesWithTypeInformation | null {
  const { sourceCode } = context;
  const services = sourceCode.parserServices;
  if (services?.program && services.esTreeNodeToTSNodeMap) {
    return services as ParserServicesWithTypeInformation;
  }
  if (noticed.has(sourceCode)) return null;
  noticed.add(sourceCode);
  const loc = { start: { line: 1, column: 0 }, end: { line: 1, column: 0 } };
  // typescript-eslint's parser always gives its node maps, with or without a program.
  if (services?.esTreeNodeToTSNodeMap) {
    context.report({ loc, messageId: 'requiresTypeInformation' });
  } else {
    context.report({ data: { parser: parserName(context) }, loc, messageId: 'requiresTypeScriptParser' });
  }
  return null;
}

/** The parser's own name (`espree`, `vue-eslint-parser`, …), in backticks, or a description when it has none. */
function parserName(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): string {
  const parser = context.languageOptions.parser as { meta?: { name?: unknown }; name?: unknown } | undefined;
  const name = parser?.meta?.name ?? parser?.name;
  return typeof name === 'string' && name !== '' ? `\`${name}\`` : 'a parser without a name';
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
  context: Readonly<TSESLint.RuleContext<MessageIds | TypeInformationMessageId, readonly unknown[]>>,
): TypedRuleContext | null {
  const services = getTypeServices(context);
  if (!services) return null;
  const { sourceCode } = context;
  return { checker: services.program.getTypeChecker(), loops: getLoopAnalysis(sourceCode), program: services.program, services, sourceCode };
}
