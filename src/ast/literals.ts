/** Literal shapes: empty containers, empty strings and nullish values. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from './members.js';
import { isGlobalReference } from './scope.js';

/** `[]` */
export function isEmptyArrayLiteral(node: TSESTree.Node): node is TSESTree.ArrayExpression {
  return node.type === 'ArrayExpression' && node.elements.length === 0;
}

/** `{}` */
export function isEmptyObjectLiteral(node: TSESTree.Node): node is TSESTree.ObjectExpression {
  return node.type === 'ObjectExpression' && node.properties.length === 0;
}

/**
 * A new empty array: `[]`, `new Array()`, `Array()`, `Array.of()` (also with type arguments), where
 * `Array` is the global one.
 */
export function isNewEmptyArray(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  if (isEmptyArrayLiteral(node)) return true;
  if ((node.type !== 'NewExpression' && node.type !== 'CallExpression') || node.arguments.length > 0) return false;
  const { callee } = node;
  if (callee.type === 'Identifier') return isGlobalReference(sourceCode, callee, 'Array');
  return (
    node.type === 'CallExpression' &&
    callee.type === 'MemberExpression' &&
    getStaticPropertyName(callee) === 'of' &&
    isGlobalReference(sourceCode, callee.object, 'Array')
  );
}

/** The identifier `undefined`. */
export function isUndefinedIdentifier(node: TSESTree.Node): boolean {
  return node.type === 'Identifier' && node.name === 'undefined';
}

/** `''`, ``` `` ```, `null` or `undefined`. */
export function isEmptyStringOrNullish(node: TSESTree.Node): boolean {
  return (
    (node.type === 'Literal' && (node.value === null || node.value === '')) ||
    isUndefinedIdentifier(node) ||
    (node.type === 'TemplateLiteral' && node.expressions.length === 0 && node.quasis[0]?.value.cooked === '')
  );
}
