import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { hasCommentsInside } from '../../src/fixers/index.js';
import { findAll, withTypedContext } from '../helpers/lint.js';
import { inspect } from '../helpers/nodes.js';

describe('hasCommentsInside', () => {
  it('sees comments inside a node only', () => {
    withTypedContext('// before\nconst x = [1, /* inside */ 2];\nconst y = [3];', (context, program) => {
      const [first, second] = findAll(program, AST_NODE_TYPES.ArrayExpression);
      expect(hasCommentsInside(context.sourceCode, first!.range)).toBe(true);
      expect(hasCommentsInside(context.sourceCode, second!.range)).toBe(false);
    });
  });

  it('counts a comment that only starts or only ends inside the range, not one that touches it', () => {
    const code = 'f(/* a */x/* b */);';
    inspect(code, (context) => {
      const at = (text: string) => code.indexOf(text);
      const range = (start: number, end: number): TSESTree.Range => [start, end];
      // `x` alone: the comments end where it starts and start where it ends.
      expect(hasCommentsInside(context.sourceCode, range(at('x'), at('x') + 1))).toBe(false);
      // From the middle of `/* a */` to `x`.
      expect(hasCommentsInside(context.sourceCode, range(at('a'), at('x') + 1))).toBe(true);
      // From `x` into the middle of `/* b */`.
      expect(hasCommentsInside(context.sourceCode, range(at('x'), at('b')))).toBe(true);
      expect(hasCommentsInside(context.sourceCode, range(0, 0))).toBe(false);
    });
  });
});
