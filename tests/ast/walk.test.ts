import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { contains, findNode, forEachChild, isFunction, isIdentifierNamed, mentions } from '../../src/ast/index.js';
import { inspect, nodeByText } from '../helpers/nodes.js';

const childTypes = (node: TSESTree.Node): string[] => {
  const types: string[] = [];
  forEachChild(node, (child) => types.push(child.type));
  return types.sort();
};

describe('forEachChild', () => {
  it('visits each direct child node once, not the parent and not grandchildren', () => {
    inspect('f(a, b + c);', (context, program) => {
      const call = nodeByText(context.sourceCode, program, 'CallExpression', 'f(a, b + c)');
      const children: string[] = [];
      forEachChild(call, (child) => children.push(context.sourceCode.getText(child)));
      expect(children.sort()).toEqual(['a', 'b + c', 'f']);
    });
  });

  it('skips empty slots: array holes, a missing `else`, a bare `return`', () => {
    inspect('const xs = [a, , b];\nfunction f() { if (x) return; }', (context, program) => {
      expect(childTypes(nodeByText(context.sourceCode, program, 'ArrayExpression', '[a, , b]'))).toEqual(['Identifier', 'Identifier']);
      expect(childTypes(nodeByText(context.sourceCode, program, 'IfStatement', 'if (x) return;'))).toEqual(['Identifier', 'ReturnStatement']);
      expect(childTypes(nodeByText(context.sourceCode, program, 'ReturnStatement', 'return;'))).toEqual([]);
    });
  });

  it('visits type annotations too', () => {
    inspect('let n: number = 1;', (context, program) => {
      expect(childTypes(nodeByText(context.sourceCode, program, 'Identifier', 'n: number'))).toEqual(['TSTypeAnnotation']);
    });
  });

  // Bug: the Program node that ESLint hands to rules also holds `tokens` and `comments` arrays, whose
  // entries have a string `type` and are visited as if they were child nodes.
  it('visits only the statements of a Program, not its tokens and comments', () => {
    inspect('const a = 1; // note\nf();', (_, program) => {
      expect(childTypes(program)).toEqual(['ExpressionStatement', 'VariableDeclaration']);
    });
  });
});

describe('findNode', () => {
  it('returns the root itself when the test accepts it', () => {
    inspect('f();', (context, program) => {
      const call = nodeByText(context.sourceCode, program, 'CallExpression', 'f()');
      expect(findNode(call, (node) => node.type === 'CallExpression')).toBe(call);
    });
  });

  it('finds a node deep in the subtree, and returns null when none matches', () => {
    inspect('if (a) { while (b) { g(c); } }', (context, program) => {
      const statement = program.body[0]!;
      expect(findNode(statement, (node) => isIdentifierNamed(node, 'c'))).toBe(nodeByText(context.sourceCode, program, 'Identifier', 'c'));
      expect(findNode(statement, (node) => node.type === 'ReturnStatement')).toBeNull();
    });
  });

  it('does not enter what `skip` rejects, but never skips the root', () => {
    inspect('function f() { const g = () => h(); }', (context, program) => {
      const fn = program.body[0]!;
      const isCall = (node: TSESTree.Node) => node.type === 'CallExpression';
      expect(findNode(fn, isCall, isFunction)).toBeNull();
      expect(findNode(fn, isCall)).toBe(nodeByText(context.sourceCode, program, 'CallExpression', 'h()'));
      const arrow = nodeByText(context.sourceCode, program, 'ArrowFunctionExpression', '() => h()');
      expect(findNode(arrow, isCall, isFunction)).toBe(nodeByText(context.sourceCode, program, 'CallExpression', 'h()'));
    });
  });
});

describe('contains', () => {
  it('compares source ranges', () => {
    inspect('f(a, b);', (context, program) => {
      const call = nodeByText(context.sourceCode, program, 'CallExpression', 'f(a, b)');
      const a = nodeByText(context.sourceCode, program, 'Identifier', 'a');
      const b = nodeByText(context.sourceCode, program, 'Identifier', 'b');
      expect(contains(call, a)).toBe(true);
      expect(contains(call, call)).toBe(true);
      expect(contains(a, call)).toBe(false);
      expect(contains(a, b)).toBe(false);
    });
  });
});

describe('mentions', () => {
  it('finds the name as any identifier, closures and property names included', () => {
    inspect('f(() => x);\ng(o.y);\nh("z");', (_, program) => {
      const [first, second, third] = program.body;
      expect(mentions(first!, 'x')).toBe(true);
      expect(mentions(second!, 'y')).toBe(true);
      expect(mentions(third!, 'z')).toBe(false);
      expect(mentions(first!, 'f')).toBe(true);
      expect(mentions(first!, 'g')).toBe(false);
    });
  });
});

describe('isIdentifierNamed', () => {
  it('is true for that identifier only', () => {
    inspect('x + "x";', (context, program) => {
      const x = nodeByText(context.sourceCode, program, 'Identifier', 'x');
      expect(isIdentifierNamed(x, 'x')).toBe(true);
      expect(isIdentifierNamed(x, 'y')).toBe(false);
      expect(isIdentifierNamed(nodeByText(context.sourceCode, program, 'Literal', '"x"'), 'x')).toBe(false);
      expect(isIdentifierNamed(null, 'x')).toBe(false);
      expect(isIdentifierNamed(undefined, 'x')).toBe(false);
    });
  });
});
