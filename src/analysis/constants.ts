/**
 * Constant values the rules can rely on: a number or string written as a literal, or held by a
 * `const` initialised with one (numbers also through `*`, `+`, `-` and `<<`). Scope only, no types.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { findVariable } from '../ast/index.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The number `node` always evaluates to, or `null`. The depth bound also stops `const N = N + 1`. */
export function constantNumber(sourceCode: SourceCode, node: TSESTree.Node | undefined, depth = 0): number | null {
  if (!node || depth > 16) return null;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number') return node.value;
  if (node.type === AST_NODE_TYPES.BinaryExpression && ['*', '+', '-', '<<'].includes(node.operator)) {
    const left = constantNumber(sourceCode, node.left, depth + 1);
    const right = constantNumber(sourceCode, node.right, depth + 1);
    if (left === null || right === null) return null;
    return node.operator === '*' ? left * right : node.operator === '+' ? left + right : node.operator === '-' ? left - right : left << right;
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(sourceCode, node)?.defs[0];
    if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init) return constantNumber(sourceCode, def.node.init, depth + 1);
  }
  return null;
}

/** The string `node` always evaluates to (a string literal, a template without expressions, or a `const` bound directly to one), or `null`. */
export function constantString(sourceCode: SourceCode, node: TSESTree.Node | undefined): string | null {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]!.value.cooked ?? null;
  if (node?.type === AST_NODE_TYPES.Identifier) {
    const def = findVariable(sourceCode, node)?.defs[0];
    if (def?.type === 'Variable' && def.parent.kind === 'const' && def.node.init && def.node.init.type !== AST_NODE_TYPES.Identifier) {
      return constantString(sourceCode, def.node.init);
    }
  }
  return null;
}
