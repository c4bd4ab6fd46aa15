import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FunctionNode } from './loops.js';

/** Calls `visit` on each direct child node of `node` (not on `parent`). */
export function forEachChild(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || !value || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child);
    } else if (isNode(value)) {
      visit(value);
    }
  }
}

/** The first node in `root`'s subtree (itself included) that `test` accepts, skipping what `skip` rejects. */
export function findNode(
  root: TSESTree.Node,
  test: (node: TSESTree.Node) => boolean,
  skip: (node: TSESTree.Node) => boolean = () => false,
): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found || (node !== root && skip(node))) return;
    if (test(node)) {
      found = node;
      return;
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** The statement directly in the module body that contains `node` (or `node` itself). */
export function topLevelStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && current.parent.type !== 'Program') current = current.parent;
  return current;
}

type TypeWrapper =
  | TSESTree.TSAsExpression
  | TSESTree.TSNonNullExpression
  | TSESTree.TSSatisfiesExpression
  | TSESTree.TSTypeAssertion;

/** `x as T`, `<T>x`, `x satisfies T`, `x!` → `x`: wrappers that do not change the value. */
export function skipTypeWrappers<T extends TSESTree.Node>(node: T): Exclude<T, TypeWrapper> | TSESTree.Expression {
  let current: TSESTree.Node = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion'
  ) {
    current = current.expression;
  }
  return current as Exclude<T, TypeWrapper>;
}

/** The statements of a block, module or `case` clause; `null` for any other node. */
export function statementsOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  if (node.type === 'BlockStatement' || node.type === 'Program') return node.body;
  if (node.type === 'SwitchCase') return node.consequent;
  return null;
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

/** An identifier or string-literal key's name. */
export function keyName(key: TSESTree.Node): string | null {
  if (key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  return null;
}
