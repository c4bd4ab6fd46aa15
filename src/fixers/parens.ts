/** Moving expression text: the author's parentheses, binding power, parentheses a new slot needs. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '../util/deps.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The range of `node` including any parentheses the author wrapped around it. */
export function getParenthesizedRange(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Range {
  let depth = 0;
  while (ASTUtils.isParenthesized(depth + 1, node, sourceCode)) depth++;
  let first = sourceCode.getFirstToken(node)!;
  let last = sourceCode.getLastToken(node)!;
  for (let i = 0; i < depth; i++) {
    first = sourceCode.getTokenBefore(first)!;
    last = sourceCode.getTokenAfter(last)!;
  }
  return [first.range[0], last.range[1]];
}

/** The source text of `node`, including any parentheses the author wrapped around it. */
export function getParenthesizedText(sourceCode: SourceCode, node: TSESTree.Node): string {
  return sourceCode.text.slice(...getParenthesizedRange(sourceCode, node));
}

/**
 * Binding power of an expression: higher binds tighter. Used to decide whether text moved into another
 * expression needs parentheses.
 */
export function getPrecedence(node: TSESTree.Node): number {
  switch (node.type) {
    case 'SequenceExpression':
      return 0;
    case 'ArrowFunctionExpression':
    case 'AssignmentExpression':
    case 'YieldExpression':
      return 1;
    case 'ConditionalExpression':
      return 2;
    case 'LogicalExpression':
      return node.operator === '??' ? 3 : node.operator === '||' ? 3 : 4;
    case 'BinaryExpression':
      return binaryPrecedence(node.operator);
    case 'UnaryExpression':
    case 'AwaitExpression':
    case 'TSTypeAssertion':
      return 15;
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
      return 11; // binds like a relational operator
    case 'UpdateExpression':
      return 16;
    case 'NewExpression':
      return node.arguments.length > 0 || node.range[1] > node.callee.range[1] ? 18 : 17;
    default:
      return 20; // member access, calls, literals, identifiers, template literals, …
  }
}

function binaryPrecedence(operator: string): number {
  switch (operator) {
    case '|':
      return 5;
    case '^':
      return 6;
    case '&':
      return 7;
    case '==':
    case '!=':
    case '===':
    case '!==':
      return 8;
    case '<':
    case '<=':
    case '>':
    case '>=':
    case 'in':
    case 'instanceof':
      return 9;
    case '<<':
    case '>>':
    case '>>>':
      return 10;
    case '+':
    case '-':
      return 12;
    case '**':
      return 14;
    default:
      return 13; // * / %
  }
}

/**
 * `node`'s text for a slot that binds at `minPrecedence` (1: a call argument or an assignment's
 * value; 13: an operand of `*`): with the author's parentheses if it has any, else parenthesised
 * when it binds looser than the slot.
 */
export function textForSlot(sourceCode: SourceCode, node: TSESTree.Node, minPrecedence: number): string {
  const text = sourceCode.getText(node);
  const withParentheses = getParenthesizedText(sourceCode, node);
  if (withParentheses !== text) return withParentheses;
  return getPrecedence(node) < minPrecedence ? `(${text})` : text;
}

