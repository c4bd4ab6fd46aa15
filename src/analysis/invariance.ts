/**
 * Loop invariance: whether a binding or an expression has the same value on every iteration of a
 * region (a loop statement or an iteration callback), and whether the names in an expression are
 * settled before a statement (so its text can move there). Syntax and scope only.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { contains, findNode, findVariable, writesIdentifier } from '../ast/index.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

/** Every definition of `variable` lies before `region` (not inside it), and nothing inside `region` assigns it. */
export function isInvariantBinding(variable: Variable, region: TSESTree.Node): boolean {
  return (
    variable.defs.every((def) => !contains(region, def.name) && def.name.range[0] < region.range[0]) &&
    !isAssignedIn(variable, region)
  );
}

/** Some reference inside `region` assigns the binding. */
export function isAssignedIn(variable: Variable, region: TSESTree.Node): boolean {
  return variable.references.some((reference) => reference.isWrite() && contains(region, reference.identifier));
}

export interface InvarianceOptions {
  /** `a + b` and templates of invariant parts: the string they build is the same (for patterns). */
  concatenation?: boolean;
  /** `a.b.c` chains (not computed, not optional) on an invariant root: the same object each time, not the same contents. */
  memberChains?: boolean;
  /** Globals (names nothing in the file declares) count as invariant. */
  globals?: boolean;
}

/**
 * `node` evaluates to the same value (or, with `memberChains`, the same object) on every iteration
 * of `region`: a literal, `this`, or a binding declared before `region` and not assigned inside it,
 * combined as the options allow. Calls and computed members never are.
 */
export function isInvariantIn(sourceCode: SourceCode, node: TSESTree.Node, region: TSESTree.Node, options: InvarianceOptions = {}): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return options.concatenation === true && node.expressions.every((expression) => isInvariantIn(sourceCode, expression, region, options));
    case AST_NODE_TYPES.BinaryExpression:
      return (
        options.concatenation === true &&
        node.operator === '+' &&
        isInvariantIn(sourceCode, node.left, region, options) &&
        isInvariantIn(sourceCode, node.right, region, options)
      );
    case AST_NODE_TYPES.MemberExpression:
      return options.memberChains === true && !node.computed && !node.optional && isInvariantIn(sourceCode, node.object, region, options);
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(sourceCode, node);
      // A global nothing declares has no variable to hold its references: look for writes by name.
      if (!variable || variable.defs.length === 0) {
        return options.globals === true && (variable ? !isAssignedIn(variable, region) : !writesIdentifier(region, node.name));
      }
      return isInvariantBinding(variable, region);
    }
    default:
      return false;
  }
}

/** Every name in `node` is declared before `point` and not assigned inside it: `node`'s text can move to just before `point`. */
export function isSettledBefore(sourceCode: SourceCode, node: TSESTree.Node, point: TSESTree.Node): boolean {
  return (
    findNode(node, (n) => {
      if (n.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode, n);
      if (!variable) return false;
      return variable.defs.some((def) => def.name.range[0] >= point.range[0]) || isAssignedIn(variable, point);
    }) === null
  );
}
