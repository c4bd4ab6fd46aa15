/** Names for what a fix declares. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * A name from `candidates` (then `candidates[0]` with a number) that no binding visible at `node`
 * and no identifier inside `region` uses, so inserting a declaration of it shadows and captures nothing.
 */
export function getFreeName(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  region: TSESTree.Node,
  candidates: readonly string[],
): string {
  const taken = new Set<string>();
  for (let scope: ReturnType<SourceCode['getScope']> | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    for (const variable of scope.variables) taken.add(variable.name);
    for (const reference of scope.through) taken.add(reference.identifier.name);
  }
  for (const token of sourceCode.getTokens(region)) {
    if (token.type === 'Identifier') taken.add(token.value);
  }
  for (const name of candidates) if (!taken.has(name)) return name;
  for (let suffix = 2; ; suffix++) {
    const name = `${candidates[0]}${suffix}`;
    if (!taken.has(name)) return name;
  }
}
