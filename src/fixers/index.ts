import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ASTUtils } from '@typescript-eslint/utils';

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

/** `node`'s text, parenthesised when it binds looser than the slot it moves into (`minPrecedence`). */
export function textForSlot(sourceCode: SourceCode, node: TSESTree.Node, minPrecedence: number): string {
  const text = sourceCode.getText(node);
  return getPrecedence(node) < minPrecedence ? `(${text})` : text;
}

/** True when a comment starts or ends inside `range`: replacing that text would drop it. */
export function hasCommentsInside(sourceCode: SourceCode, range: TSESTree.Range): boolean {
  return sourceCode
    .getAllComments()
    .some((comment) => comment.range[1] > range[0] && comment.range[0] < range[1]);
}

const ASI_HAZARD = /^[([`+\-/]/u;

/**
 * True when `text`, inserted as a statement where `statement` starts, would join the previous line's
 * expression under ASI (it starts with `(`, `[`, a template, `+`, `-` or `/` and the previous token does
 * not end a statement).
 */
export function needsLeadingSemicolon(
  sourceCode: SourceCode,
  statement: TSESTree.Node,
  text: string,
): boolean {
  if (!ASI_HAZARD.test(text)) return false;
  const previous = sourceCode.getTokenBefore(statement);
  if (!previous) return false;
  return !(previous.value === ';' || previous.value === '{' || previous.value === '}');
}

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

/** The whitespace that starts the line `node` starts on. */
export function getIndent(sourceCode: SourceCode, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/u.exec(line)![0];
}

/**
 * An empty edit at the start of the statement list (block, module, case) that holds `statement`.
 * Add it to every fix that declares a new name there: two such fixes in one list then overlap, so
 * ESLint applies them in separate passes and the second one sees the first's name (`getFreeName`
 * cannot see the other fixes of the same pass).
 */
export function claimStatementList(fixer: TSESLint.RuleFixer, statement: TSESTree.Node): TSESLint.RuleFix {
  const list = statement.parent ?? statement;
  return fixer.insertTextBeforeRange([list.range[0], list.range[0]], '');
}

/**
 * Inserts `text` before `statement` and the comments that lead it (a JSDoc stays attached to the
 * statement it documents).
 */
export function insertBeforeWithComments(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  // A shebang is a comment token too, but must stay on the first line.
  const leading = sourceCode.getCommentsBefore(statement).find((comment) => comment.type === 'Line' || comment.type === 'Block');
  const start = leading ? Math.min(leading.range[0], statement.range[0]) : statement.range[0];
  return fixer.insertTextBeforeRange([start, start], text);
}
