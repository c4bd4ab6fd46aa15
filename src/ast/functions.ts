/** Functions: which nodes are functions, the one around a node, its name, what its body uses. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { keyName } from './members.js';
import { findNode } from './walk.js';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunction(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
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
    if (isFunction(current) || current.type === AST_NODE_TYPES.StaticBlock) return true;
  }
  return false;
}

/** The name a function is known by: its own, its variable's, its method's or property's key. */
export function functionName(fn: FunctionNode): string | null {
  if (fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) {
    return keyName(parent.key);
  }
  return null;
}

/** `await` or `yield` in `root`, outside nested functions: code that may suspend there. */
export function hasAwaitOrYield(root: TSESTree.Node): boolean {
  return (
    findNode(
      root,
      (node) => node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression,
      isFunction,
    ) !== null
  );
}

/** `this` or `arguments` in a function expression's own body: an arrow in its place would change them. */
export function usesThisOrArguments(fn: TSESTree.FunctionExpression): boolean {
  return (
    findNode(
      fn.body,
      (node) => node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments'),
      (node) => node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration,
    ) !== null
  );
}
