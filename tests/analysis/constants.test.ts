import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { constantNumber, constantString } from '../../src/analysis/constants.js';
import { inspect } from '../helpers/nodes.js';

/** Applies `read` to the argument of the last statement `use(…)` of `code`. */
function onUse<T>(code: string, read: (sourceCode: Parameters<typeof constantNumber>[0], node: TSESTree.Node) => T): T {
  return inspect(code, (context, program) => {
    const statement = program.body.at(-1)!;
    if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'CallExpression') throw new Error('the last statement must be use(…)');
    return read(context.sourceCode, statement.expression.arguments[0]!);
  });
}

describe('constantNumber', () => {
  it.each([
    ['use(4);', 4],
    ['use(2 * 3 + 1);', 7],
    ['use(10 - 4);', 6],
    ['use(1 << 4);', 16],
    ['const N = 4;\nuse(N);', 4],
    ['const N = 4;\nconst M = N * 2;\nuse(M + 1);', 9],
    ['let N = 4;\nuse(N);', null],
    ['use(8 / 2);', null],
    ["use('4');", null],
    ['use(n);', null],
    ['const N = f();\nuse(N);', null],
    ['const { N } = { N: 4 };\nuse(N);', null],
  ])('%s → %s', (code, value) => {
    expect(onUse(code, (sourceCode, node) => constantNumber(sourceCode, node))).toBe(value);
  });

  it('is null for nothing, and stops at a self-reference', () => {
    expect(onUse('use(1);', (sourceCode) => constantNumber(sourceCode, undefined))).toBeNull();
    expect(onUse('const N: number = N + 1;\nuse(N);', (sourceCode, node) => constantNumber(sourceCode, node))).toBeNull();
  });

  it('follows the binding the name refers to where it stands', () => {
    expect(onUse('const N = 1;\nfunction f() { const N = 2; use(N); }\nuse(N);', (sourceCode, node) => constantNumber(sourceCode, node))).toBe(1);
  });
});

describe('constantString', () => {
  it.each([
    ["use('a');", 'a'],
    ['use(`a`);', 'a'],
    ["const S = 'a';\nuse(S);", 'a'],
    ['const S = `a`;\nuse(S);', 'a'],
    ["const S = 'a';\nconst T = S;\nuse(T);", null],
    ["let S = 'a';\nuse(S);", null],
    ['use(`a${b}`);', null],
    ["use('a' + 'b');", null],
    ['use(1);', null],
  ])('%s → %s', (code, value) => {
    expect(onUse(code, (sourceCode, node) => constantString(sourceCode, node))).toBe(value);
  });
});
