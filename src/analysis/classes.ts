/**
 * Classes as the rules see them: which class and method a `this` belongs to, and per class which
 * fields each method reads and which methods it calls (to follow `this.m()` to the fields it reads).
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { contains, getStaticPropertyName, isFunction, keyName } from '../ast/index.js';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Keeps every flattening read of each field per method, and the methods each method calls. */
export class ClassSummary {
  readonly #calls = new Map<string, Set<string>>();
  readonly #reads = new Map<string, TSESTree.MemberExpression[]>();

  constructor(members: TSESTree.MemberExpression[]) {
    for (const member of members) {
      const method = getThisContext(member)?.method;
      if (!method) continue;
      const name = getStaticPropertyName(member);
      if (name === null) continue;
      if (member.parent.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member) {
        let calls = this.#calls.get(method);
        if (!calls) this.#calls.set(method, (calls = new Set()));
        calls.add(name);
      } else if (!isPlainWrite(member)) {
        let reads = this.#reads.get(method);
        if (!reads) this.#reads.set(method, (reads = []));
        reads.push(member);
      }
    }
  }

  /** A flattening read of `this.field` in `method` or in a method it calls (transitively). */
  findFieldRead(
    method: string,
    field: string,
    flattens: (read: TSESTree.MemberExpression) => boolean,
    seen = new Set<string>(),
  ): TSESTree.MemberExpression | null {
    if (seen.has(method)) return null;
    seen.add(method);
    for (const read of this.#reads.get(method) ?? []) {
      if (getStaticPropertyName(read) === field && flattens(read)) return read;
    }
    for (const callee of this.#calls.get(method) ?? []) {
      const read = this.findFieldRead(callee, field, flattens, seen);
      if (read) return read;
    }
    return null;
  }
}

/** `this.x = …` (not `+=`): replaces the value without reading it. */
export function isPlainWrite(member: TSESTree.MemberExpression): boolean {
  return (
    member.parent.type === AST_NODE_TYPES.AssignmentExpression &&
    member.parent.left === member &&
    member.parent.operator === '='
  );
}

/** The class whose instance `this` is at `node`, and the method that `this` belongs to. */
export function getThisContext(node: TSESTree.Node): { classNode: ClassNode; method: string | null } | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) {
      if (current.static) return null;
      const method = current.value && isFunction(current.value) && contains(current.value, node)
        ? keyName(current.key, current.computed)
        : null;
      return { classNode: current.parent.parent, method };
    }
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const definition = current.parent;
      if (definition?.type === AST_NODE_TYPES.MethodDefinition && !definition.static) {
        return { classNode: definition.parent.parent, method: definition.kind === 'method' ? keyName(definition.key, definition.computed) : null };
      }
      return null;
    }
  }
  return null;
}
