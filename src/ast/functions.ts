/** Functions: which nodes are functions, the one around a node, its name, what its body uses. */
import type { TSESTree } from '@typescript-eslint/utils';

import { keyName } from './members.js';
import { findNode } from './walk.js';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === 'ArrowFunctionExpression' ||
    node.type === 'FunctionDeclaration' ||
    node.type === 'FunctionExpression'
  );
}

/** The innermost function around `node`, or `null` at module level. */
export function nearestFunction(node: TSESTree.Node): FunctionNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return null;
}

/** True inside a function or a class `static {}` block: code that does not run at module load by itself. */
export function isInsideFunction(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) || current.type === 'StaticBlock') return true;
  }
  return false;
}

/** The name a function is known by: its own, its variable's, its method's or property's key. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'Property' || parent?.type === 'PropertyDefinition') {
    return keyName(parent.key, parent.computed);
  }
  return null;
}

/** `await`, `yield` or `for await…of` in `root`, outside nested functions: code that may suspend there. */
export function hasAwaitOrYield(root: TSESTree.Node): boolean {
  return (
    findNode(
      root,
      (node) => node.type === 'AwaitExpression' || node.type === 'YieldExpression' || (node.type === 'ForOfStatement' && node.await),
      isFunction,
    ) !== null
  );
}

/** `this` or `arguments` in a function expression's own body: an arrow in its place would change them. */
export function usesThisOrArguments(fn: TSESTree.FunctionExpression): boolean {
  return (
    findNode(
      fn.body,
      (node) => node.type === 'ThisExpression' || (node.type === 'Identifier' && node.name === 'arguments'),
      (node) => node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration',
    ) !== null
  );
}
