import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { ClassSummary, getThisContext, isPlainWrite } from '../../src/analysis/classes.js';
import { inSourceOrder, inspect } from '../helpers/nodes.js';

const thisMembers = (program: TSESTree.Program): TSESTree.MemberExpression[] =>
  inSourceOrder(program, 'MemberExpression').filter((member) => member.object.type === 'ThisExpression');

describe('getThisContext', () => {
  /** The class name and method of the first `this` in `code`. */
  const contextOf = (code: string): { className: string | null; method: string | null } | null =>
    inspect(code, (_, program) => {
      const found = getThisContext(inSourceOrder(program, 'ThisExpression')[0]!);
      return found && { className: found.classNode.id?.name ?? null, method: found.method };
    });

  it.each([
    ['class C { m() { this.x; } }', 'm'],
    ['class C { m() { const f = () => this.x; } }', 'm'],
    ["class C { 'quoted'() { this.x; } }", 'quoted'],
    ['class C { f = () => this.x; }', 'f'],
    ['class C { constructor() { this.x = 1; } }', null],
    ['class C { get g() { return this.x; } }', null],
    ['class C { x = this.y; }', null],
  ])('%s → C, method %s', (code, method) => {
    expect(contextOf(code)).toEqual({ className: 'C', method });
  });

  it('names a class expression by its own name', () => {
    expect(contextOf('const K = class Named { m() { this.x; } };')).toEqual({ className: 'Named', method: 'm' });
  });

  it.each([
    ['class C { static m() { this.x; } }'],
    ['class C { static f = () => this.x; }'],
    ['class C { m() { function g(this: unknown) { return this; } } }'],
    ['function f(this: unknown) { return this; }'],
    ['const o = { m() { return this; } };'],
    ['this;'],
  ])('is null where `this` is no instance of a class: %s', (code) => {
    expect(contextOf(code)).toBeNull();
  });
});

describe('isPlainWrite', () => {
  it('is true for `this.x = …` only', () => {
    inspect('class C { m() { this.a = 1; this.b += 1; const y = this.c; this.d.e = 1; } }', (context, program) => {
      expect(thisMembers(program).map((member) => [context.sourceCode.getText(member), isPlainWrite(member)])).toEqual([
        ['this.a', true],
        ['this.b', false],
        ['this.c', false],
        ['this.d', false],
      ]);
    });
  });
});

describe('ClassSummary', () => {
  const code = [
    'class C {',
    '  a() { this.items.length; this.b(); }',
    '  b() { this.c(); }',
    '  c() { return this.items[0]; }',
    '  d() { this.items = []; }',
    '  e() { this.e(); }',
    '}',
  ].join('\n');

  /** The text around the read `findFieldRead` finds, or null. */
  const readOf = (method: string, field: string, flattens: (read: TSESTree.MemberExpression) => boolean) =>
    inspect(code, (context, program) => {
      const read = new ClassSummary(thisMembers(program)).findFieldRead(method, field, flattens);
      return read && context.sourceCode.getText(read.parent);
    });

  it("finds a read of the field in the method or, transitively, in the methods it calls", () => {
    expect(readOf('a', 'items', () => true)).toBe('this.items.length');
    const indexed = (read: TSESTree.MemberExpression) => read.parent.type === 'MemberExpression' && read.parent.computed;
    expect(readOf('a', 'items', indexed)).toBe('this.items[0]');
    expect(readOf('b', 'items', indexed)).toBe('this.items[0]');
  });

  it('does not count plain writes or other fields, and stops at call cycles', () => {
    expect(readOf('d', 'items', () => true)).toBeNull();
    expect(readOf('a', 'other', () => true)).toBeNull();
    expect(readOf('e', 'items', () => true)).toBeNull();
    expect(readOf('missing', 'items', () => true)).toBeNull();
  });
});
