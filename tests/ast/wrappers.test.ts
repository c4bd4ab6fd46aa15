import { describe, expect, it } from 'vitest';

import { isTypeWrapper, outermostTypeWrapper, skipTypeWrappers } from '../../src/ast/index.js';
import { inspect, nodeByText } from '../helpers/nodes.js';

describe('isTypeWrapper', () => {
  it.each([
    ['x as T', true],
    ['x!', true],
    ['x satisfies T', true],
    ['<T>x', true],
    ['x', false],
    ['f(x)', false],
  ])('%s → %s', (code, expected) => {
    inspect(`const y = ${code};`, (_, program) => {
      const declaration = program.body[0]!;
      expect(declaration.type === 'VariableDeclaration' && isTypeWrapper(declaration.declarations[0]!.init)).toBe(expected);
    });
  });

  it('is false for nothing', () => {
    expect(isTypeWrapper(null)).toBe(false);
    expect(isTypeWrapper(undefined)).toBe(false);
  });
});

describe('skipTypeWrappers', () => {
  it('goes down through every wrapper, parentheses included', () => {
    inspect('const y = (<T>(x as U)!) satisfies V;\nconst z = f(x)!;', (context, program) => {
      const outer = nodeByText(context.sourceCode, program, 'TSSatisfiesExpression', '(<T>(x as U)!) satisfies V');
      expect(skipTypeWrappers(outer)).toBe(nodeByText(context.sourceCode, program, 'Identifier', 'x'));
      const call = nodeByText(context.sourceCode, program, 'CallExpression', 'f(x)');
      expect(skipTypeWrappers(call.parent)).toBe(call);
      expect(skipTypeWrappers(call)).toBe(call);
    });
  });
});

describe('outermostTypeWrapper', () => {
  it('goes up through wrappers and stops at the first other parent', () => {
    inspect('g((x as T)!);\ng(y);', (context, program) => {
      const x = nodeByText(context.sourceCode, program, 'Identifier', 'x');
      expect(outermostTypeWrapper(x)).toBe(nodeByText(context.sourceCode, program, 'TSNonNullExpression', '(x as T)!'));
      const y = nodeByText(context.sourceCode, program, 'Identifier', 'y');
      expect(outermostTypeWrapper(y)).toBe(y);
    });
  });
});
