/** Member access and known method calls: `a.b`, `a['b']`, `x.push(y)`. */
import type { TSESTree } from '@typescript-eslint/utils';

/** `a.b` → `'b'`, `a['b']` → `'b'`, anything computed from a non-literal → `null`. */
export function getStaticPropertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed) {
    return member.property.type === 'Identifier' ? member.property.name : null;
  }
  if (member.property.type === 'Literal' && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return null;
}

/**
 * A property key's name: an identifier's, or a string or number literal's (`1` → `'1'`); `null` if
 * computed from code. Pass `computed` for a property's key: `[k]` names no property `k`.
 */
export function keyName(key: TSESTree.Node, computed = false): string | null {
  if (key.type === 'Identifier') return computed ? null : key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  return null;
}

export type MethodCall = TSESTree.CallExpression & { callee: TSESTree.MemberExpression };

/**
 * A call of a method named in `names` (`x.push(…)`, `x['push'](…)`), optionally with exactly
 * `argumentCount` arguments: syntax only, the receiver's type is the caller's question.
 */
export function isMethodCall(
  node: TSESTree.Node | null | undefined,
  names: string | ReadonlySet<string>,
  argumentCount?: number,
): node is MethodCall {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'MemberExpression') return false;
  if (argumentCount !== undefined && node.arguments.length !== argumentCount) return false;
  const name = getStaticPropertyName(node.callee);
  return name !== null && (typeof names === 'string' ? name === names : names.has(name));
}

/** The name a call's callee is known by: `f` in `f(x)`, `m` in `o.m(x)`; `null` otherwise. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const { callee } = call;
  if (callee.type === 'Identifier') return callee.name;
  if (callee.type === 'MemberExpression') return getStaticPropertyName(callee);
  return null;
}
