import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  getParenthesizedText,
  hasCommentsInside,
  needsLeadingSemicolon,
  textForSlot,
} from '../../src/fixers/index.js';
import { expectSameBehaviour } from '../helpers/execute.js';
import { findAll, withTypedContext } from '../helpers/lint.js';

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
});

describe('hasCommentsInside', () => {
  it('sees comments inside a node only', () => {
    withTypedContext('// before\nconst x = [1, /* inside */ 2];\nconst y = [3];', (context, program) => {
      const [first, second] = findAll(program, AST_NODE_TYPES.ArrayExpression);
      expect(hasCommentsInside(context.sourceCode, first!.range)).toBe(true);
      expect(hasCommentsInside(context.sourceCode, second!.range)).toBe(false);
    });
  });
});

describe('needsLeadingSemicolon', () => {
  it('guards statements that would join the previous line under ASI', () => {
    withTypedContext('const a = 1\nlet b = 2;\nlet c = 3\nlet d = 4', (context, program) => {
      const [, second, , fourth] = program.body;
      expect(needsLeadingSemicolon(context.sourceCode, second!, '[b] = [2]')).toBe(true);
      expect(needsLeadingSemicolon(context.sourceCode, second!, 'b = 2')).toBe(false);
      expect(needsLeadingSemicolon(context.sourceCode, fourth!, '(d)')).toBe(true);
      const afterSemicolon = program.body[2]!;
      expect(needsLeadingSemicolon(context.sourceCode, afterSemicolon, '(c)')).toBe(false);
    });
  });

  it('is needed: without the semicolon the program changes meaning', async () => {
    await expect(expectSameBehaviour('const a = [1]\n;[0].forEach((x) => console.log(x));', 'const a = [1]\n[0].forEach((x) => console.log(x));')).rejects.toThrow();
  });
});
