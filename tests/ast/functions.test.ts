import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { FunctionNode } from '../../src/ast/index.js';
import { functionName, hasAwaitOrYield, isFunction, isInsideFunction, nearestFunction, usesThisOrArguments } from '../../src/ast/index.js';
import { inSourceOrder, inspect, nodeByText } from '../helpers/nodes.js';

/** Every function in `code`, in source order. */
function functionsIn(program: TSESTree.Program): FunctionNode[] {
  return [
    ...inSourceOrder(program, 'ArrowFunctionExpression'),
    ...inSourceOrder(program, 'FunctionDeclaration'),
    ...inSourceOrder(program, 'FunctionExpression'),
  ].sort((a, b) => a.range[0] - b.range[0]);
}

describe('isFunction', () => {
  it('accepts arrows, declarations and expressions (a method is its function expression)', () => {
    inspect('function f() {}\nconst g = function () {};\nconst h = () => 1;\nclass C { m() {} }', (context, program) => {
      expect(functionsIn(program).map((fn) => isFunction(fn))).toEqual([true, true, true, true]);
      expect(isFunction(nodeByText(context.sourceCode, program, 'MethodDefinition', 'm() {}'))).toBe(false);
      expect(isFunction(nodeByText(context.sourceCode, program, 'ClassDeclaration', 'class C { m() {} }'))).toBe(false);
    });
  });
});

describe('nearestFunction', () => {
  it('is the innermost function, or null at module level', () => {
    inspect('a();\nfunction outer(p = b()) { const inner = () => c(); d(); }', (context, program) => {
      const call = (text: string) => nodeByText(context.sourceCode, program, 'CallExpression', text);
      const outer = program.body[1] as TSESTree.FunctionDeclaration;
      expect(nearestFunction(call('a()'))).toBeNull();
      expect(nearestFunction(call('b()'))).toBe(outer);
      expect(nearestFunction(call('c()'))).toBe(nodeByText(context.sourceCode, program, 'ArrowFunctionExpression', '() => c()'));
      expect(nearestFunction(call('d()'))).toBe(outer);
      expect(nearestFunction(outer)).toBeNull();
    });
  });
});

describe('isInsideFunction', () => {
  it('is true in a function or a static block, false at module level and in a class body', () => {
    inspect('a();\nfunction f() { b(); }\nclass C { static { c(); } static x = d(); }', (context, program) => {
      const call = (text: string) => nodeByText(context.sourceCode, program, 'CallExpression', text);
      expect(isInsideFunction(call('a()'))).toBe(false);
      expect(isInsideFunction(call('b()'))).toBe(true);
      expect(isInsideFunction(call('c()'))).toBe(true);
      expect(isInsideFunction(call('d()'))).toBe(false);
    });
  });
});

describe('functionName', () => {
  it.each([
    ['function f() {}', 'f'],
    ['const a = function b() {};', 'b'],
    ['const a = function () {};', 'a'],
    ['const a = () => 1;', 'a'],
    ['const [a] = [() => 1];', null],
    ['const o = { m() {} };', 'm'],
    ['const o = { p: () => 1 };', 'p'],
    ["const o = { 'a-b': () => 1 };", 'a-b'],
    ['const o = { 1: () => 1 };', '1'],
    ['class C { m() {} }', 'm'],
    ['class C { f = () => 1; }', 'f'],
    ['class C { #m() {} }', null],
    ['f(() => 1);', null],
    ['export default function () {}', null],
  ])('%s → %s', (code, name) => {
    inspect(code, (_, program) => {
      expect(functionName(functionsIn(program)[0]!)).toBe(name);
    });
  });

  // Bug: a computed key `[k]` is read as the name `k` (keyName cannot tell that it is computed).
  it.each([
    ['const k = "m";\nconst o = { [k]: function () {} };'],
    ['const k = "m";\nclass C { [k]() {} }'],
  ])('a computed key is no name: %s', (code) => {
    inspect(code, (_, program) => {
      expect(functionName(functionsIn(program)[0]!)).toBeNull();
    });
  });
});

describe('hasAwaitOrYield', () => {
  const suspends = (code: string): boolean =>
    inspect(code, (_, program) => hasAwaitOrYield(functionsIn(program)[0]!.body));

  it('finds `await` and `yield` (also `yield*`) in the body', () => {
    expect(suspends('async function f() { if (x) { await g(); } }')).toBe(true);
    expect(suspends('function* f() { const v = (yield 1) + 2; }')).toBe(true);
    expect(suspends('function* f() { yield* g(); }')).toBe(true);
    expect(suspends('async function f() { g(); }')).toBe(false);
  });

  it('ignores nested functions', () => {
    expect(suspends('async function f() { const g = async () => { await h(); }; }')).toBe(false);
    expect(suspends('function* f() { function* g() { yield 1; } }')).toBe(false);
    expect(suspends('async function f() { [1].map(async function (x) { await x; }); }')).toBe(false);
  });

  // Bug: `for await…of` suspends on every iteration, but it is a ForOfStatement with `await: true`,
  // not an AwaitExpression.
  it('finds `for await…of`', () => {
    expect(suspends('async function f(xs: AsyncIterable<number>) { for await (const x of xs) {} }')).toBe(true);
  });
});

describe('usesThisOrArguments', () => {
  const uses = (code: string): boolean =>
    inspect(code, (_, program) => usesThisOrArguments(inSourceOrder(program, 'FunctionExpression')[0]!));

  it('finds `this` and `arguments` in the function body', () => {
    expect(uses('const f = function () { return this.x; };')).toBe(true);
    expect(uses('const f = function () { return arguments.length; };')).toBe(true);
    expect(uses('const f = function (a: number) { return a; };')).toBe(false);
  });

  it('looks into nested arrows (they share `this` and `arguments`), not into nested functions', () => {
    expect(uses('const f = function () { return () => this.x; };')).toBe(true);
    expect(uses('const f = function () { return () => arguments[0]; };')).toBe(true);
    expect(uses('const f = function () { return function () { return this.x; }; };')).toBe(false);
    expect(uses('const f = function () { function g() { return arguments[0]; } return g; };')).toBe(false);
  });
});
