import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getParenthesizedRange, getParenthesizedText, getPrecedence, textForSlot } from '../../src/fixers/index.js';
import { expectSameBehaviour } from '../helpers/execute.js';
import { findAll, withTypedContext } from '../helpers/lint.js';
import { inspect } from '../helpers/nodes.js';

describe('getParenthesizedText', () => {
  it("keeps the author's parentheses but not a call's", () => {
    withTypedContext('const a = 1, b = 2;\nconst x = ((a + b));\nconsole.log(a);', (context, program) => {
      const sum = findAll(program, AST_NODE_TYPES.BinaryExpression)[0]!;
      expect(getParenthesizedText(context.sourceCode, sum)).toBe('((a + b))');
      const argument = findAll(program, AST_NODE_TYPES.CallExpression)[0]!.arguments[0]!;
      expect(getParenthesizedText(context.sourceCode, argument)).toBe('a');
    });
  });
});

describe('getParenthesizedRange', () => {
  it("covers the author's parentheses, and is the node's range without them", () => {
    const code = 'const x = ((a + b));\nconst y = a + b;\nf((a));';
    inspect(code, (context, program) => {
      const [wrapped, bare] = findAll(program, AST_NODE_TYPES.BinaryExpression).sort((m, n) => m.range[0] - n.range[0]);
      expect(getParenthesizedRange(context.sourceCode, wrapped!)).toEqual([code.indexOf('(('), code.indexOf('))') + 2]);
      expect(getParenthesizedRange(context.sourceCode, bare!)).toEqual(bare!.range);
      const argument = findAll(program, AST_NODE_TYPES.CallExpression)[0]!.arguments[0]!;
      expect(code.slice(...getParenthesizedRange(context.sourceCode, argument))).toBe('(a)');
    });
  });
});

describe('getPrecedence', () => {
  it.each([
    ['a, b', 0],
    ['x = 1', 1],
    ['() => 1', 1],
    ['c ? a : b', 2],
    ['a ?? b', 3],
    ['a || b', 3],
    ['a && b', 4],
    ['a | b', 5],
    ['a ^ b', 6],
    ['a & b', 7],
    ['a === b', 8],
    ['a < b', 9],
    ['a in b', 9],
    ['a instanceof b', 9],
    ['a << b', 10],
    ['a as number', 11],
    ['a satisfies number', 11],
    ['a + b', 12],
    ['a - b', 12],
    ['a * b', 13],
    ['a % b', 13],
    ['a ** b', 14],
    ['!a', 15],
    ['<number>a', 15],
    ['x++', 16],
    ['new Foo', 17],
    ['new Foo()', 18],
    ['a.b', 20],
    ['f(a)', 20],
    ['`t`', 20],
  ])('%s → %i', (code, precedence) => {
    inspect(`(${code});`, (_, program) => {
      const statement = program.body[0] as TSESTree.ExpressionStatement;
      expect(getPrecedence(statement.expression)).toBe(precedence);
    });
  });

  it('await and yield', () => {
    inspect('async function f() { (await a); }\nfunction* g() { (yield a); }', (_, program) => {
      const [awaited] = findAll(program, AST_NODE_TYPES.AwaitExpression);
      const [yielded] = findAll(program, AST_NODE_TYPES.YieldExpression);
      expect(getPrecedence(awaited!)).toBe(15);
      expect(getPrecedence(yielded!)).toBe(1);
    });
  });
});

describe('textForSlot', () => {
  // Moving `init` into `x * <slot>` (multiplication binds at 13) must keep the value.
  it.each([
    ['a + b', '(a + b)'],
    ['a ? b : 1', '(a ? b : 1)'],
    ['a * b', 'a * b'],
    ['a ** b', 'a ** b'],
    ['f(a)', 'f(a)'],
  ])('%s in a multiplication becomes %s, and behaves the same', async (init, expected) => {
    const before = `const a = 2, b = 3; const f = (v: number) => v + 1;\nconst y = ${init};\nconst result = 10 * y;`;
    let text = '';
    withTypedContext(before, (context, program) => {
      const declarator = findAll(program, AST_NODE_TYPES.VariableDeclarator).find(
        (node) => (node.id as TSESTree.Identifier).name === 'y',
      )!;
      text = textForSlot(context.sourceCode, declarator.init!, 13);
    });
    expect(text).toBe(expected);
    await expectSameBehaviour(before, `const a = 2, b = 3; const f = (v: number) => v + 1;\nconst result = 10 * ${text};`);
  });

  it.each([
    ['(a * b)', 13, '(a * b)'],
    ['((a + b))', 13, '((a + b))'],
    ['(a)', 20, '(a)'],
    ['(a, b)', 1, '(a, b)'],
  ])("keeps the author's parentheses: %s at %i → %s, and behaves the same", async (init, slot, expected) => {
    const before = `const a = 2, b = 3;\nconst y = ${init};\nconst result = 10 * y;`;
    const text = inspect(before, (context, program) => {
      const declarator = findAll(program, AST_NODE_TYPES.VariableDeclarator).find((node) => (node.id as TSESTree.Identifier).name === 'y')!;
      return textForSlot(context.sourceCode, declarator.init!, slot);
    });
    expect(text).toBe(expected);
    await expectSameBehaviour(before, `const a = 2, b = 3;\nconst result = 10 * ${text};`);
  });

  it('adds parentheses only for a looser expression', () => {
    inspect('a, b;\na + b;', (context, program) => {
      const [sequence, sum] = program.body.map((statement) => (statement as TSESTree.ExpressionStatement).expression);
      expect(textForSlot(context.sourceCode, sequence!, 1)).toBe('(a, b)');
      expect(textForSlot(context.sourceCode, sum!, 1)).toBe('a + b');
      expect(textForSlot(context.sourceCode, sum!, 12)).toBe('a + b');
      expect(textForSlot(context.sourceCode, sum!, 13)).toBe('(a + b)');
    });
  });
});
