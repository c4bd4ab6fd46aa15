import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isEmptyArrayLiteral, isEmptyObjectLiteral, isEmptyStringOrNullish, isNewEmptyArray, isUndefinedIdentifier } from '../../src/ast/index.js';
import { inspect } from '../helpers/nodes.js';

/** The initialiser of the last declared `value` in `code`. */
const valueOf = (program: TSESTree.Program): TSESTree.Expression => {
  const declaration = program.body.at(-1)!;
  if (declaration.type !== 'VariableDeclaration') throw new Error('the last statement must declare `value`');
  return declaration.declarations[0]!.init!;
};

describe('isEmptyArrayLiteral and isEmptyObjectLiteral', () => {
  it.each([
    ['[]', true, false],
    ['[1]', false, false],
    ['[,]', false, false],
    ['[...xs]', false, false],
    ['{}', false, true],
    ['{ a: 1 }', false, false],
    ['{ ...o }', false, false],
    ['new Array()', false, false],
  ])('%s → array %s, object %s', (code, array, object) => {
    inspect(`const value = ${code};`, (_, program) => {
      expect(isEmptyArrayLiteral(valueOf(program))).toBe(array);
      expect(isEmptyObjectLiteral(valueOf(program))).toBe(object);
    });
  });
});

describe('isNewEmptyArray', () => {
  it.each([
    ['[]', true],
    ['new Array()', true],
    ['new Array', true],
    ['Array()', true],
    ['Array.of()', true],
    ["Array['of']()", true],
    ['new Array<number>()', true],
    ['Array.of<number>()', true],
    ['new Array(3)', false],
    ['Array(3)', false],
    ['Array.of(1)', false],
    ['Array.from([])', false],
    ['[1]', false],
    ['new Foo()', false],
    ['new (Array.of)()', false],
  ])('%s → %s', (code, expected) => {
    inspect(`const value = ${code};`, (context, program) => {
      expect(isNewEmptyArray(context.sourceCode, valueOf(program))).toBe(expected);
    });
  });

  it.each([
    ['a local `function Array() {}`', 'function Array(): number[] { return [1]; }\nconst value = new Array();'],
    ['a local `function Array() {}`, called', 'function Array(): number[] { return [1]; }\nconst value = Array();'],
    ['a local `Array` with an `of`', 'const Array = { of: () => [1] };\nconst value = Array.of();'],
  ])('is false when `Array` is %s', (_, code) => {
    inspect(code, (context, program) => {
      expect(isNewEmptyArray(context.sourceCode, valueOf(program))).toBe(false);
    });
  });

  it('is false when `Array` is a parameter', () => {
    inspect('function f(Array: ArrayConstructor) { return new Array(); }', (context, program) => {
      const fn = program.body[0] as TSESTree.FunctionDeclaration;
      const statement = fn.body.body[0] as TSESTree.ReturnStatement;
      expect(isNewEmptyArray(context.sourceCode, statement.argument!)).toBe(false);
    });
  });
});

describe('isUndefinedIdentifier', () => {
  it.each([
    ['undefined', true],
    ['void 0', false],
    ['null', false],
    ['"undefined"', false],
  ])('%s → %s', (code, expected) => {
    inspect(`const value = ${code};`, (_, program) => {
      expect(isUndefinedIdentifier(valueOf(program))).toBe(expected);
    });
  });
});

describe('isEmptyStringOrNullish', () => {
  it.each([
    ["''", true],
    ['""', true],
    ['``', true],
    ['null', true],
    ['undefined', true],
    ["' '", false],
    ["'a'", false],
    ['`a`', false],
    ["`${''}`", false],
    ['0', false],
    ['false', false],
    ['void 0', false],
  ])('%s → %s', (code, expected) => {
    inspect(`const value = ${code};`, (_, program) => {
      expect(isEmptyStringOrNullish(valueOf(program))).toBe(expected);
    });
  });
});
