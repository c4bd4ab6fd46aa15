import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { conditionalBranches, hasOptionalChain, plusOperands } from '../../src/ast/index.js';
import { inspect } from '../helpers/nodes.js';

/** Runs `read` on the initialiser of `const value = <code>;` and its source text. */
function onValue<T>(code: string, read: (node: TSESTree.Expression, text: (node: TSESTree.Node) => string) => T): T {
  return inspect(`const value = ${code};`, (context, program) => {
    const declaration = program.body[0]!;
    if (declaration.type !== 'VariableDeclaration') throw new Error('not a declaration');
    return read(declaration.declarations[0]!.init!, (node) => context.sourceCode.getText(node));
  });
}

describe('plusOperands', () => {
  it.each([
    ['a + (b + c) + d', ['a', 'b', 'c', 'd']],
    ["'x' + n", ["'x'", 'n']],
    ['a + b * c', ['a', 'b * c']],
    ['a - b', ['a - b']],
    ['a', ['a']],
  ])('%s → %j', (code, operands) => {
    expect(onValue(code, (node, text) => plusOperands(node).map(text))).toEqual(operands);
  });
});

describe('conditionalBranches', () => {
  it.each([
    ['c ? a : b', ['a', 'b']],
    ['c ? a : d ? e : f', ['a', 'd ? e : f', 'e', 'f']],
    ['(c ? a : b) as T', ['a', 'b']],
    ['c ? (d ? e : f)! : b', ['(d ? e : f)!', 'e', 'f', 'b']],
    ['a || b', []],
  ])('%s → %j', (code, branches) => {
    expect(onValue(code, (node, text) => conditionalBranches(node).map(text))).toEqual(branches);
  });
});

describe('hasOptionalChain', () => {
  it.each([
    ['a?.b', true],
    ['f?.()', true],
    ['a?.b.c', true],
    ['g(a?.b)', true],
    ['a.b', false],
    ['f()', false],
    ['a ?? b', false],
  ])('%s → %s', (code, expected) => {
    expect(onValue(code, (node) => hasOptionalChain(node))).toBe(expected);
  });

  it('is true for a member in the middle of a chain', () => {
    inspect('const value = a?.b.c.d;', (context, program) => {
      const declaration = program.body[0]!;
      if (declaration.type !== 'VariableDeclaration') throw new Error('not a declaration');
      const chain = declaration.declarations[0]!.init!;
      expect(chain.type).toBe('ChainExpression');
      if (chain.type !== 'ChainExpression') return;
      expect(context.sourceCode.getText(chain.expression)).toBe('a?.b.c.d');
      expect(hasOptionalChain(chain.expression)).toBe(true);
    });
  });

  // Bug: an optional parameter (`x?: number`) is an Identifier with `optional: true`, which the
  // `'optional' in n` test takes for an optional chain.
  it('is false for an optional parameter or property, which is no chain', () => {
    expect(onValue('(x?: number) => x', (node) => hasOptionalChain(node))).toBe(false);
  });
});
