/**
 * Fix safety: whether code between two points reads or writes a binding, and whether a region may
 * change program state. Escapes are in escapes.ts, loop exits in loops.ts.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { forEachChild, isGlobalReference } from '../ast/index.js';

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

/** Calls treated as free of side effects on program state (they read their arguments only). */
const PURE_GLOBAL_CALLS = new Set(['Boolean', 'Number', 'String', 'isFinite', 'isNaN', 'parseFloat', 'parseInt']);

/** What a caller of `findImpureNode` knows to be harmless beyond the built-in pure calls. */
export interface ImpurityOptions {
  /** Calls that run no code able to change what the caller cares about (built-in string or collection methods, say). */
  isSafeCall?: (call: TSESTree.CallExpression) => boolean;
  /** Member targets that may be written or deleted (of a fresh local object, say); by default every member write counts. */
  isLocalMember?: (member: TSESTree.MemberExpression) => boolean;
}

/**
 * The first node under `root` that may change program state or suspend: a call or `new` (except
 * `Math.*`, the conversions in PURE_GLOBAL_CALLS and `options.isSafeCall`), an assignment, update,
 * `delete` or loop-head write whose target is not a binding accepted by `isLocal` (nor a member
 * accepted by `options.isLocalMember`), `await`, `yield`, a tagged template or `import()`. Property
 * reads and template literals are assumed not to run code with side effects (getters and `toString`
 * overrides that mutate state are out of scope, as in every linter). Functions nested in `root` are
 * not entered: creating a closure changes nothing. `null` when nothing is found.
 */
export function findImpureNode(
  sourceCode: Readonly<TSESLint.SourceCode>,
  root: TSESTree.Node,
  isLocal: (identifier: TSESTree.Identifier) => boolean,
  options: ImpurityOptions = {},
): TSESTree.Node | null {
  /** A write to `target` reaches outside what the caller may change. */
  const writesOutside = (target: TSESTree.Node): boolean => {
    if (target.type === AST_NODE_TYPES.Identifier) return !isLocal(target);
    if (target.type === AST_NODE_TYPES.MemberExpression) return !(options.isLocalMember?.(target) ?? false);
    return true;
  };
  let found: TSESTree.Node | null = null;
  const visit = (node: TSESTree.Node): void => {
    if (found) return;
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
        return;
      case AST_NODE_TYPES.CallExpression:
        if (!isPureCall(sourceCode, node) && !(options.isSafeCall?.(node) ?? false)) {
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
        // `delete` of anything but an accepted member (deleting a binding is not valid TypeScript).
        if (node.operator === 'delete' && !(node.argument.type === AST_NODE_TYPES.MemberExpression && !writesOutside(node.argument))) {
          found = node;
          return;
        }
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (writesOutside(node.left)) {
          found = node;
          return;
        }
        break;
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        // The head assigns its target on every iteration: `for (o.p of xs)` writes `o.p`.
        if (node.left.type !== AST_NODE_TYPES.VariableDeclaration && writesOutside(node.left)) {
          found = node.left;
          return;
        }
        break;
      case AST_NODE_TYPES.UpdateExpression:
        if (writesOutside(node.argument)) {
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

/** A call of the global `Number`, `String`, … or a `Math` method (a local function of that name is not). */
function isPureCall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  const { callee } = call;
  if (callee.type === AST_NODE_TYPES.Identifier) return PURE_GLOBAL_CALLS.has(callee.name) && isGlobalReference(sourceCode, callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && isGlobalReference(sourceCode, callee.object, 'Math');
}

