import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getFreeName, insertStatementBefore } from '../../src/fixers/index.js';
import { expectSameBehaviour } from '../helpers/execute.js';
import { applyFixes, fixer } from '../helpers/fix.js';
import { inspect, nodeByText } from '../helpers/nodes.js';

describe('getFreeName', () => {
  /** getFreeName at the statement `mark();` of `code`, with that statement as the region. */
  const freeName = (code: string, candidates: readonly string[]): string =>
    inspect(code, (context, program) => {
      const statement = nodeByText(context.sourceCode, program, 'ExpressionStatement', 'mark();');
      return getFreeName(context.sourceCode, statement, statement, candidates);
    });

  it('takes the first candidate nothing uses', () => {
    expect(freeName('function f() { mark(); }', ['item', 'element'])).toBe('item');
  });

  it('skips names visible at the node: outer bindings, parameters, later declarations, types', () => {
    expect(freeName('const item = 1;\nfunction f() { mark(); }', ['item', 'element'])).toBe('element');
    expect(freeName('function f(item: number) { mark(); }', ['item', 'element'])).toBe('element');
    expect(freeName('function f() { mark(); const item = 1; }', ['item', 'element'])).toBe('element');
    expect(freeName('type item = number;\nfunction f() { mark(); }', ['item', 'element'])).toBe('element');
  });

  it('skips globals that code in scope refers to: a declaration would capture them', () => {
    expect(freeName('function f() { mark(); const g = () => item; }', ['item', 'element'])).toBe('element');
  });

  it('does not skip names of scopes that cannot see the node', () => {
    expect(freeName('function g() { const item = 1; }\nfunction f() { mark(); }', ['item'])).toBe('item');
  });

  it('skips every identifier used inside the region, property names included', () => {
    inspect('function f() { const o = { item: 1 }; use(o.item, (element: number) => element); }', (context, program) => {
      const region = nodeByText(context.sourceCode, program, 'ExpressionStatement', 'use(o.item, (element: number) => element);');
      expect(getFreeName(context.sourceCode, region, region, ['item', 'element', 'value'])).toBe('value');
    });
  });

  it('falls back to the first candidate with a number, from 2', () => {
    expect(freeName('const item = 1, element = 2;\nfunction f() { mark(); }', ['item', 'element'])).toBe('item2');
    expect(freeName('const item = 1, item2 = 2, item3 = 3;\nfunction f() { mark(); }', ['item'])).toBe('item4');
  });

  it('keeps behaviour when the new declaration is inserted: it shadows nothing the region reads', async () => {
    const code = "const cache = 'outer';\nfunction f() {\n  return [cache, 1 + 1];\n}\nconst result = f();";
    const fixed = inspect(code, (context, program) => {
      const statement = nodeByText(context.sourceCode, program, 'ReturnStatement', 'return [cache, 1 + 1];');
      const sum = nodeByText(context.sourceCode, program, 'BinaryExpression', '1 + 1');
      const name = getFreeName(context.sourceCode, statement, statement, ['cache']);
      return applyFixes(code, [...insertStatementBefore(fixer, context.sourceCode, statement, `const ${name} = 1 + 1;`), fixer.replaceText(sum as TSESTree.Node, name)]);
    });
    expect(fixed).toBe("const cache = 'outer';\nfunction f() {\n  const cache2 = 1 + 1;\n  return [cache, cache2];\n}\nconst result = f();");
    await expectSameBehaviour(code, fixed);
    // The name it avoided would have changed the result.
    await expect(expectSameBehaviour(code, fixed.replaceAll('cache2', 'cache'))).rejects.toThrow();
  });
});
