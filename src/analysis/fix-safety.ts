import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { forEachChild } from './ast.js';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;

/** References to `variable` whose identifier lies in the half-open source range `[start, end)`. */
export function referencesWithin(variable: Variable, start: number, end: number): Reference[] {
  return variable.references.filter(
    (reference) => reference.identifier.range[0] >= start && reference.identifier.range[1] <= end,
  );
}

/** True when the binding is read anywhere in `[start, end)`. */
export function isReadBetween(variable: Variable, start: number, end: number): boolean {
  return referencesWithin(variable, start, end).some((reference) => reference.isRead());
}

/** True when the binding is assigned anywhere in `[start, end)`. */
export function isWrittenBetween(variable: Variable, start: number, end: number): boolean {
  return referencesWithin(variable, start, end).some((reference) => reference.isWrite());
}

export type EscapeKind = 'argument' | 'captured' | 'exported' | 'returned' | 'stored' | 'yielded';

export interface Escape {
  kind: EscapeKind;
  node: TSESTree.Node;
}

export interface EscapeOptions {
  /** Only references that start before this offset count (what happens after a loop is harmless). */
  before?: number;
  /** References from closures inside this node are not captures (an iteration callback's own body). */
  allowCapturesIn?: TSESTree.Node;
}

/**
 * The first place where the value held by `variable` may become reachable through another name: passed
 * to a call, stored in a property, array, object or other variable, returned, yielded, exported, or
 * referenced from a closure declared in another function. Reads that only use the value in place
 * (`x.length`, `x[i]`, `x.push(y)` with `x` as the receiver, `...x`) are not escapes. `null` when none
 * is found.
 */
export function findEscape(variable: Variable, options: EscapeOptions = {}): Escape | null {
  if (variable.defs.some((def) => isExported(def.name))) {
    return { kind: 'exported', node: variable.defs[0]!.name };
  }
  const home = variable.scope.variableScope;
  const { allowCapturesIn, before = Infinity } = options;
  for (const reference of variable.references) {
    const { identifier } = reference;
    if (identifier.range[0] >= before) continue;
    if (
      reference.from.variableScope !== home &&
      !(allowCapturesIn && allowCapturesIn.range[0] <= identifier.range[0] && identifier.range[1] <= allowCapturesIn.range[1])
    ) {
      return { kind: 'captured', node: identifier };
    }
    if (!reference.isRead()) continue;
    const kind = escapeKindOf(identifier);
    if (kind) return { kind, node: identifier };
  }
  return null;
}

/** How the value read at `identifier` escapes, judged from its syntactic context; `null` if it does not. */
export function escapeKindOf(identifier: TSESTree.Node): EscapeKind | null {
  let node: TSESTree.Node = identifier;
  // The value passes through these unchanged.
  while (
    node.parent &&
    (node.parent.type === AST_NODE_TYPES.TSAsExpression ||
      node.parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      node.parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      (node.parent.type === AST_NODE_TYPES.ConditionalExpression && node.parent.test !== node) ||
      (node.parent.type === AST_NODE_TYPES.LogicalExpression) ||
      (node.parent.type === AST_NODE_TYPES.SequenceExpression && node.parent.expressions.at(-1) === node))
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (!parent) return null;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node ? null : 'argument';
    case AST_NODE_TYPES.TaggedTemplateExpression:
      return parent.tag === node ? null : 'argument';
    case AST_NODE_TYPES.SpreadElement:
      return null; // spreading copies the elements, not the container
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return 'returned';
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return 'yielded';
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === node ? 'stored' : null;
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node ? 'stored' : null;
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.AssignmentPattern:
      return 'stored';
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return 'exported';
    default:
      return null;
  }
}

function isExported(name: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = name.parent; node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
    if (node.type === AST_NODE_TYPES.Program || node.type === AST_NODE_TYPES.BlockStatement) return false;
  }
  return false;
}

/** Calls treated as free of side effects on program state (they read their arguments only). */
const PURE_GLOBAL_CALLS = new Set(['Boolean', 'Number', 'String', 'isFinite', 'isNaN', 'parseFloat', 'parseInt']);

/**
 * The first node under `root` that may change program state or suspend: a call or `new` (except
 * `Math.*` and the conversions in PURE_GLOBAL_CALLS), an assignment or update whose target is not a
 * binding accepted by `isLocal`, `delete`, `await`, `yield`, a tagged template or `import()`. Property
 * reads and template literals are assumed not to run code with side effects (getters and `toString`
 * overrides that mutate state are out of scope, as in every linter). Functions nested in `root` are
 * not entered: creating a closure changes nothing. `null` when nothing is found.
 */
export function findImpureNode(
  root: TSESTree.Node,
  isLocal: (identifier: TSESTree.Identifier) => boolean,
): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return;
      case AST_NODE_TYPES.CallExpression:
        if (!isPureCall(node)) {
          found = node;
          return;
        }
        break;
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.TaggedTemplateExpression:
      case AST_NODE_TYPES.ImportExpression:
        found = node;
        return;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === 'delete') {
          found = node;
          return;
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (!(node.left.type === AST_NODE_TYPES.Identifier && isLocal(node.left))) {
          found = node;
          return;
        }
        break;
      case AST_NODE_TYPES.UpdateExpression:
        if (!(node.argument.type === AST_NODE_TYPES.Identifier && isLocal(node.argument))) {
          found = node;
          return;
        }
        break;
      default:
        break;
    }
    forEachChild(node, visit);
  };
  visit(root);
  return found;
}

function isPureCall(call: TSESTree.CallExpression): boolean {
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) return PURE_GLOBAL_CALLS.has(callee.name);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Math'
  );
}

/**
 * The first statement in `body` that can end an iteration of `loop` early or leave it: `return` and
 * `throw` anywhere (outside nested functions), and `break`/`continue` that target `loop` (unlabelled
 * ones not inside a nested loop or switch, or labelled with a label around `loop`). `null` if none.
 */
export function findEarlyExit(body: TSESTree.Node, loop: TSESTree.Node): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  const labels = new Set<string>();
  for (let node = loop.parent; node?.type === AST_NODE_TYPES.LabeledStatement; node = node.parent) {
    labels.add(node.label.name);
  }
  const visit = (node: TSESTree.Node, nested: { breakable: boolean; continuable: boolean }): void => {
    if (found) return;
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassBody:
        return;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        found = node;
        return;
      case AST_NODE_TYPES.BreakStatement:
        if (node.label ? labels.has(node.label.name) : !nested.breakable) found = node;
        return;
      case AST_NODE_TYPES.ContinueStatement:
        if (node.label ? labels.has(node.label.name) : !nested.continuable) found = node;
        return;
      default:
        break;
    }
    const isLoop =
      node.type === AST_NODE_TYPES.ForStatement ||
      node.type === AST_NODE_TYPES.ForInStatement ||
      node.type === AST_NODE_TYPES.ForOfStatement ||
      node.type === AST_NODE_TYPES.WhileStatement ||
      node.type === AST_NODE_TYPES.DoWhileStatement;
    const inner = {
      breakable: nested.breakable || isLoop || node.type === AST_NODE_TYPES.SwitchStatement,
      continuable: nested.continuable || isLoop,
    };
    forEachChild(node, (child) => visit(child, inner));
  };
  visit(body, { breakable: false, continuable: false });
  return found;
}
