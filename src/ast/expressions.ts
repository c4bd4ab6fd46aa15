/** Expression shapes: operand chains, conditional branches, optional chains. */
import type { TSESTree } from '@typescript-eslint/utils';

import { findNode } from './walk.js';
import { skipTypeWrappers } from './wrappers.js';

/** The operands of a chain of `+`: `a + (b + c) + d` → `[a, b, c, d]`. */
export function plusOperands(node: TSESTree.Node): TSESTree.Node[] {
  if (node.type === 'BinaryExpression' && node.operator === '+') {
    return [...plusOperands(node.left), ...plusOperands(node.right)];
  }
  return [node];
}

/** `c ? a : b` → `[a, b]`, with the branches of nested conditionals too; anything else → `[]`. */
export function conditionalBranches(node: TSESTree.Node): TSESTree.Node[] {
  const value = skipTypeWrappers(node);
  if (value.type !== 'ConditionalExpression') return [];
  return [value.consequent, value.alternate].flatMap((branch) => [branch, ...conditionalBranches(branch)]);
}

/** `node` is part of an optional chain or contains one (`a?.b`, `f?.()`): it may short-circuit to `undefined`. */
export function hasOptionalChain(node: TSESTree.Node): boolean {
  return (
    node.parent?.type === 'ChainExpression' ||
    findNode(node, (n) => (n.type === 'MemberExpression' || n.type === 'CallExpression') && n.optional) !== null
  );
}
