/** Literal shapes: empty containers, empty strings and nullish values. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { getStaticPropertyName } from './members.js';
import { isGlobalReference } from './scope.js';

/** `[]` */
export function isEmptyArrayLiteral(node: TSESTree.Node): node is TSESTree.ArrayExpression {
  return node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 0;
}

/** `{}` */
export function isEmptyObjectLiteral(node: TSESTree.Node): node is TSESTree.ObjectExpression {
  return node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length === 0;
}

/**
 * A new empty array: `[]`, `new Array()`, `Array()`, `Array.of()` (also with type arguments), where
 * `Array` is the global one.
 */
export function isNewEmptyArray(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  if (isEmptyArrayLiteral(node)) return true;
  if ((node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression) || node.arguments.length > 0) return false;
  const { callee } = node;
  if (callee.type === AST_NODE_TYPES.Identifier) return isGlobalReference(sourceCode, callee, 'Array');
  return (
    node.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(callee) === 'of' &&
    isGlobalReference(sourceCode, callee.object, 'Array')
  );
}

/** The identifier `undefined`. */
export function isUndefinedIdentifier(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/** `''`, ``` `` ```, `null` or `undefined`. */
export function isEmptyStringOrNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && (node.value === null || node.value === '')) ||
    isUndefinedIdentifier(node) ||
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis[0]?.value.cooked === '')
  );
}
