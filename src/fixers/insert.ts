/** Inserting statements: before a statement (with its indentation) or before its leading comments, one declaring fix per statement list and pass; after a statement. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { forEachChild, isStatementList } from '../ast/index.js';
import { getIndent } from './indent.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const ASI_HAZARD = /^[([`+\-/]/u;

/**
 * True when `text`, inserted as a statement where `statement` starts, would join the previous line's
 * expression under ASI (it starts with `(`, `[`, a template, `+`, `-` or `/` and the previous token does
 * not end a statement).
 */
export function needsLeadingSemicolon(sourceCode: SourceCode, statement: TSESTree.Node, text: string): boolean {
  if (!ASI_HAZARD.test(text)) return false;
  const previous = sourceCode.getTokenBefore(statement);
  if (!previous) return false;
  if (previous.value === ';' || previous.value === '{') return false;
  // A `}` ends a statement only when it closes a block-like one, not an object literal or a
  // function or class expression (`const o = {}` then `(0)` reads as `{}(0)`).
  return previous.value !== '}' || !closesStatement(sourceCode.getNodeByRangeIndex(previous.range[0]));
}

/** `node` (the node a `}` belongs to) is a block, class body or other brace-delimited part of a statement. */
function closesStatement(node: TSESTree.Node | null): boolean {
  if (!node) return true;
  switch (node.type) {
    case 'BlockStatement':
    case 'StaticBlock':
      // A function expression's or arrow's body ends an expression.
      return !(node.parent?.type === 'FunctionExpression' || node.parent?.type === 'ArrowFunctionExpression');
    case 'ClassBody':
      return node.parent.type === 'ClassDeclaration';
    case 'SwitchStatement':
    case 'TSModuleBlock':
    case 'TSInterfaceBody':
    case 'TSEnumDeclaration':
      return true;
    default:
      return false;
  }
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
  // A shebang is a comment token too, but must stay on the first line; a comment on the line of the
  // token before it trails that code and stays with it.
  const leading = sourceCode.getCommentsBefore(statement).find((comment) => {
    if (comment.type !== 'Line' && comment.type !== 'Block') return false;
    const before = sourceCode.getTokenBefore(comment);
    return !before || before.loc.end.line < comment.loc.start.line;
  });
  const start = leading ? Math.min(leading.range[0], statement.range[0]) : statement.range[0];
  return fixer.insertTextBeforeRange([start, start], text);
}

const semicolonStyles = new WeakMap<TSESTree.Program, boolean>();

/** Statements that end in `;` unless the file is written without semicolons. */
const TERMINATED = new Set(['BreakStatement', 'ContinueStatement', 'ExpressionStatement', 'ImportDeclaration', 'ReturnStatement', 'ThrowStatement', 'VariableDeclaration']);

/**
 * True unless the file is written without semicolons: most of its statements that could end in `;`
 * (declarations, expression statements, `return`, `throw`, imports) do not. Cached per file.
 */
export function usesSemicolons(sourceCode: SourceCode): boolean {
  let style = semicolonStyles.get(sourceCode.ast);
  if (style === undefined) {
    let withSemicolon = 0;
    let without = 0;
    const visit = (node: TSESTree.Node): void => {
      if (withSemicolon + without >= 200) return;
      const inForHead = node.parent?.type === 'ForStatement' || node.parent?.type === 'ForInStatement' || node.parent?.type === 'ForOfStatement';
      if (TERMINATED.has(node.type) && !(node.type === 'VariableDeclaration' && inForHead) && !(node.type === 'VariableDeclaration' && node.declare)) {
        if (sourceCode.getLastToken(node)?.value === ';') withSemicolon++;
        else without++;
      }
      forEachChild(node, visit);
    };
    visit(sourceCode.ast);
    style = withSemicolon >= without;
    semicolonStyles.set(sourceCode.ast, style);
  }
  return style;
}

/**
 * Inserts the statement `text` on its own line just before `statement`, at its indentation, and
 * claims the statement list (see `claimStatementList`). A `;` that ends `text` is dropped in a file
 * written without semicolons (a leading one is added where ASI needs it either way).
 */
export function insertStatementBefore(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix[] {
  const styled = text.endsWith(';') && !usesSemicolons(sourceCode) ? text.slice(0, -1) : text;
  const guarded = needsLeadingSemicolon(sourceCode, statement, styled) ? `;${styled}` : styled;
  return [fixer.insertTextBefore(statement, `${guarded}\n${getIndent(sourceCode, statement)}`), claimStatementList(fixer, statement)];
}

/**
 * Inserts the statement `text` just after `statement`: on the next line at its indentation, or after
 * a space when more code follows on the same line. Where `statement` is the single body of an `if`,
 * a loop or a label, the two are wrapped in braces instead (`if (c) { a(); b(); }`). A `;` that ends
 * `text` is dropped in a file written without semicolons unless it must separate two statements on
 * one line, and a `;` is added after `statement` where the next statement starts on its line.
 */
export function insertStatementAfter(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statement: TSESTree.Node,
  text: string,
): TSESLint.RuleFix[] {
  const bare = text.endsWith(';') ? text.slice(0, -1) : text;
  const terminated = sourceCode.getLastToken(statement)?.value === ';';
  const separator = terminated ? '' : ';';
  if (!statement.parent || !isStatementList(statement.parent)) {
    return [fixer.insertTextBefore(statement, '{ '), fixer.insertTextAfter(statement, `${separator} ${bare}${usesSemicolons(sourceCode) ? ';' : ''} }`)];
  }
  const next = sourceCode.getTokenAfter(statement, { includeComments: true });
  if (next && next.loc.start.line === statement.loc.end.line) {
    // More code (or a comment) on the line: keep the line, separate with `;` on both sides.
    const closing = next.value === '}' || next.type === 'Line' ? usesSemicolons(sourceCode) : true;
    return [fixer.insertTextAfter(statement, `${separator} ${bare}${closing ? ';' : ''}`)];
  }
  const styled = usesSemicolons(sourceCode) ? `${bare};` : bare;
  const guarded = !terminated && ASI_HAZARD.test(styled) ? `;${styled}` : styled;
  return [fixer.insertTextAfter(statement, `\n${getIndent(sourceCode, statement)}${guarded}`)];
}
