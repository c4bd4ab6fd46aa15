/**
 * Escape analysis, one for every rule: where the value a binding holds may become reachable through
 * another name (passed, stored, returned, yielded, exported, captured), and which uses leave it
 * where it is. Rules that know more about a value's uses (a buffer's in-place methods, a constant
 * that must stay unmodified) pass a `classify` policy instead of writing their own walk.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { contains, getStaticPropertyName, isTypeWrapper } from '../ast/index.js';

type Variable = TSESLint.Scope.Variable;
type Reference = TSESLint.Scope.Reference;

/** How a value escapes; `'used'` is a use that a caller's `classify` policy does not accept. */
export type EscapeKind = 'argument' | 'captured' | 'exported' | 'returned' | 'stored' | 'used' | 'yielded';

export interface Escape {
  kind: EscapeKind;
  node: TSESTree.Node;
}

/** A `classify` policy's answer for one reference: an escape, `'contained'` (harmless), or `undefined` for the default rule. */
export type UseVerdict = EscapeKind | 'contained' | undefined;

export interface EscapeOptions {
  /** Only references that start before this offset count (what happens after a loop is harmless). */
  before?: number;
  /** Only references inside this node count. */
  within?: TSESTree.Node;
  /**
   * References from closures inside this node are not captures (an iteration callback's own body);
   * `'anywhere'`: no reference counts as a capture (the policy judges each use on its own).
   */
  allowCapturesIn?: TSESTree.Node | 'anywhere';
  /** `export`ed bindings escape (default `true`). */
  exports?: boolean;
  /**
   * Judges a reference (read or write, not the declaration's own initialisation) before the default
   * rule, which ignores writes and asks `escapeKindOf` about reads.
   */
  classify?: (reference: Reference) => UseVerdict;
}

/**
 * The first place where the value held by `variable` may become reachable through another name: passed
 * to a call, stored in a property, array, object or other variable, returned, yielded, exported, or
 * referenced from a closure declared in another function. Reads that only use the value in place
 * (`x.length`, `x[i]`, `x.push(y)` with `x` as the receiver, `...x`) are not escapes. `null` when none
 * is found.
 */
export function findEscape(variable: Variable, options: EscapeOptions = {}): Escape | null {
  const { allowCapturesIn, before = Infinity, classify, exports = true, within } = options;
  if (exports && variable.defs.some((def) => isExported(def))) {
    return { kind: 'exported', node: variable.defs[0]!.name };
  }
  const home = variable.scope.variableScope;
  for (const reference of variable.references) {
    const { identifier } = reference;
    if (reference.init || identifier.range[0] >= before || (within && !contains(within, identifier))) continue;
    if (
      allowCapturesIn !== 'anywhere' &&
      reference.from.variableScope !== home &&
      !(allowCapturesIn && contains(allowCapturesIn, identifier))
    ) {
      return { kind: 'captured', node: identifier };
    }
    const verdict = classify?.(reference);
    if (verdict === 'contained') continue;
    if (verdict !== undefined) return { kind: verdict, node: identifier };
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
    (isTypeWrapper(node.parent) ||
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
    case AST_NODE_TYPES.TemplateLiteral:
      // A substitution of a tagged template is an argument of the tag; of a plain one, a string.
      return parent.parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.parent.quasi === parent ? 'argument' : null;
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

/** The definition's declaration is exported (`export const`, `export function`, `export default function/class`). */
function isExported(def: TSESLint.Scope.Definition): boolean {
  // Parameters, catch clauses and imports belong to no export of their own.
  const declaration = def.type === 'Variable' ? def.parent : def.type === 'FunctionName' || def.type === 'ClassName' ? def.node : null;
  const parent = declaration?.parent;
  return parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}


/**
 * `v.a.b` read where the value cannot be changed or kept: compared, tested, computed with, put in a
 * template, or stringified. Anything else — an assignment or destructuring target, a call (as
 * receiver or argument), an alias, an iteration — might mutate the object, so it does not count.
 */
export function isReadOnlyMemberUse(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  let member = false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      member = true;
      node = parent;
    } else if (isTypeWrapper(parent)) {
      node = parent;
    } else {
      break;
    }
  }
  const parent = node.parent;
  if (!member || !parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      // A tagged template hands the value to the tag function.
      return parent.parent.type !== AST_NODE_TYPES.TaggedTemplateExpression;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== 'delete';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.CallExpression:
      return (
        parent.arguments[0] === node &&
        parent.callee.type === AST_NODE_TYPES.MemberExpression &&
        parent.callee.object.type === AST_NODE_TYPES.Identifier &&
        parent.callee.object.name === 'JSON' &&
        getStaticPropertyName(parent.callee) === 'stringify'
      );
    default:
      return false;
  }
}
