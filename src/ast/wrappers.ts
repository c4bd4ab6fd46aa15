/** TypeScript wrappers that do not change a value: `x as T`, `<T>x`, `x satisfies T`, `x!`. */
import type { TSESTree } from '@typescript-eslint/utils';

export type TypeWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion;

export function isTypeWrapper(node: TSESTree.Node | null | undefined): node is TypeWrapper {
  return (
    node?.type === 'TSAsExpression' ||
    node?.type === 'TSNonNullExpression' ||
    node?.type === 'TSSatisfiesExpression' ||
    node?.type === 'TSTypeAssertion'
  );
}

/** Down through wrappers: `(x as T)!` → `x`. */
export function skipTypeWrappers<T extends TSESTree.Node>(node: T): Exclude<T, TypeWrapper> | TSESTree.Expression {
  let current: TSESTree.Node = node;
  while (isTypeWrapper(current)) current = current.expression;
  return current as Exclude<T, TypeWrapper>;
}

/** Up through wrappers: for `x` in `(x as T)!`, the outermost wrapper (or `x` itself). */
export function outermostTypeWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current.parent)) current = current.parent;
  return current;
}
