/** Scope questions that need only ESLint's scope manager: globals, declarations, writes. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as Utils from '@typescript-eslint/utils';
import { createRequire } from 'node:module';

import { findNode } from './walk.js';

// A `require`, not an `import`: see src/util/deps.ts (this folder imports nothing of the plugin).
const { ASTUtils } = createRequire(import.meta.url)('@typescript-eslint/utils') as typeof Utils;

type SourceCode = Readonly<TSESLint.SourceCode>;

/** The variable `identifier` refers to where it stands, or `null` (an undeclared global). */
export function findVariable(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
}

/** `identifier` refers to a binding the file declares at module (or script) level: it outlives every call. */
export function isModuleLevelBinding(sourceCode: SourceCode, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode, identifier);
  return variable !== null && variable.defs.length > 0 && (variable.scope.type === 'module' || variable.scope.type === 'global');
}

/**
 * True when `node` is an identifier (named `name`, if given) that refers to the global of that name:
 * nothing in the file declares it (`RegExp`, `JSON`, `Buffer`, `Object`, `Array`). A local
 * `function Array() {}` or a parameter named `RegExp` is not the built-in.
 */
export function isGlobalReference(sourceCode: SourceCode, node: TSESTree.Node, name?: string): node is TSESTree.Identifier {
  if (node.type !== 'Identifier' || (name !== undefined && node.name !== name)) return false;
  const variable = findVariable(sourceCode, node);
  return !variable || variable.defs.length === 0;
}

/** `Global.member` with `Global` the global of that name: `JSON.stringify`, `Buffer.alloc`, `Array.of`. */
export function isGlobalMember(sourceCode: SourceCode, node: TSESTree.Node, objectName: string, member: string | ReadonlySet<string>): node is TSESTree.MemberExpression {
  if (node.type !== 'MemberExpression' || !isGlobalReference(sourceCode, node.object, objectName)) return false;
  const name = !node.computed && node.property.type === 'Identifier'
    ? node.property.name
    : node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : null;
  return name !== null && (typeof member === 'string' ? name === member : member.has(name));
}

/** A variable declarator inside `region` declares a binding named like `identifier` (a local of the region). */
export function isDeclaredIn(identifier: TSESTree.Identifier, region: TSESTree.Node): boolean {
  return (
    findNode(
      region,
      (node) => node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === identifier.name,
    ) !== null
  );
}

/**
 * `name` is assigned anywhere inside `root`: `name = …`, `name += …`, `name++`, a destructuring
 * target (`[name] = …`, `({ name } = …)`), or the head of `for (name of …)` / `for (name in …)`.
 * By name, so a shadowing local counts too (the safe answer for a fix).
 */
export function writesIdentifier(root: TSESTree.Node, name: string): boolean {
  return (
    findNode(
      root,
      (node) =>
        (node.type === 'AssignmentExpression' && patternWrites(node.left, name)) ||
        (node.type === 'UpdateExpression' && node.argument.type === 'Identifier' && node.argument.name === name) ||
        ((node.type === 'ForOfStatement' || node.type === 'ForInStatement') && node.left.type !== 'VariableDeclaration' && patternWrites(node.left, name)),
    ) !== null
  );
}

/** An assignment target (identifier or destructuring pattern) that writes `name`. */
function patternWrites(target: TSESTree.Node | null, name: string): boolean {
  if (!target) return false;
  switch (target.type) {
    case 'Identifier':
      return target.name === name;
    case 'ArrayPattern':
      return target.elements.some((element) => patternWrites(element, name));
    case 'ObjectPattern':
      return target.properties.some((property) => patternWrites(property.type === 'RestElement' ? property.argument : property.value, name));
    case 'AssignmentPattern':
      return patternWrites(target.left, name);
    case 'RestElement':
      return patternWrites(target.argument, name);
    default:
      return false;
  }
}
