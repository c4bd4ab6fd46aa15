import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';

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
