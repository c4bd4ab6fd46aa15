/** Statements and statement lists: blocks, loops, the statement before or around a node. */
import type { TSESTree } from '@typescript-eslint/utils';

import { isFunction } from './functions.js';

export type LoopStatement =
  | TSESTree.DoWhileStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement;

export function isLoopStatement(node: TSESTree.Node | null | undefined): node is LoopStatement {
  return (
    node?.type === 'ForStatement' ||
    node?.type === 'ForInStatement' ||
    node?.type === 'ForOfStatement' ||
    node?.type === 'WhileStatement' ||
    node?.type === 'DoWhileStatement'
  );
}

/** The statements of a block, module or `case` clause; `null` for any other node. */
export function statementsOf(node: TSESTree.Node): readonly TSESTree.Node[] | null {
  if (node.type === 'BlockStatement' || node.type === 'Program') return node.body;
  if (node.type === 'SwitchCase') return node.consequent;
  return null;
}

/** A node whose children are a list of statements (where a statement can be inserted). */
export function isStatementList(node: TSESTree.Node): boolean {
  return (
    node.type === 'BlockStatement' ||
    node.type === 'Program' ||
    node.type === 'SwitchCase' ||
    node.type === 'StaticBlock' ||
    node.type === 'TSModuleBlock'
  );
}

/** The statements a loop body or a function body runs: a block's list, or the one statement or expression. */
export function bodyStatements(body: TSESTree.Node): readonly TSESTree.Node[] {
  return body.type === 'BlockStatement' ? body.body : [body];
}

/** The part a loop statement (or function) repeats or runs: its `body`; the node itself when it has none. */
export function loopBodyOf(node: TSESTree.Node): TSESTree.Node {
  return 'body' in node && node.body && !Array.isArray(node.body) ? (node.body as TSESTree.Node) : node;
}

/** The statement after `statement` in its block, module or `case` clause, or `null`. */
export function nextStatement(statement: TSESTree.Node): TSESTree.Node | null {
  const list = statement.parent ? statementsOf(statement.parent) : null;
  if (!list) return null;
  return list[list.indexOf(statement) + 1] ?? null;
}

/** `statement` is followed directly by `target`, or by a label on it. */
export function directlyPrecedes(statement: TSESTree.Node, target: TSESTree.Node): boolean {
  const next = nextStatement(statement);
  return next === target || (target.parent?.type === 'LabeledStatement' && next === target.parent);
}

/** The statement directly in the module body that contains `node` (or `node` itself). */
export function topLevelStatement(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && current.parent.type !== 'Program') current = current.parent;
  return current;
}

/** The statement holding `node` directly in a block or the module (not crossing a function), or `null`. */
export function statementInBlock(node: TSESTree.Node): TSESTree.Node | null {
  let current = node;
  while (current.parent && current.parent.type !== 'BlockStatement' && current.parent.type !== 'Program') {
    if (isFunction(current.parent)) return null;
    current = current.parent;
  }
  return current.parent ? current : null;
}

/** `node` sits in a `try` statement (block, `catch` or `finally`) of its own function. */
export function isInsideTry(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'TryStatement') return true;
    if (isFunction(current)) return false;
  }
  return false;
}
