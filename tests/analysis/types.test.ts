import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getSizedCollectionKind, isStringLikeType } from '../../src/analysis/types.js';
import { findAll, withTypedContext } from '../helpers/lint.js';

/** Applies `check` to the declared type of `value` in `declarations` (which must declare `value`). */
function typeOf<T>(declarations: string, check: (typeOf: Parameters<Parameters<typeof withTypedContext>[1]>[0]) => T): T {
  let result: T | undefined;
  withTypedContext(`${declarations}\nvalue;`, (context) => {
    result = check(context);
  });
  return result!;
}

function isString(declarations: string): boolean {
  let result = false;
  const code = declarations.includes('value;') ? declarations : `${declarations}\nvalue;`;
  withTypedContext(code, (context, program) => {
    const services = ESLintUtils.getParserServices(context);
    const use = findAll(program, AST_NODE_TYPES.ExpressionStatement).at(-1)!.expression;
    result = isStringLikeType(services.program.getTypeChecker(), services.getTypeAtLocation(use));
  });
  return result;
}

function kindOf(declarations: string): string | null {
  return typeOf(declarations, (context) => {
    const services = ESLintUtils.getParserServices(context);
    const use = findAll(context.sourceCode.ast, AST_NODE_TYPES.ExpressionStatement).at(-1)!.expression;
    return getSizedCollectionKind(services.program, services.getTypeAtLocation(use));
  });
}

describe('isStringLikeType', () => {
  it.each([
    ['declare const value: string;'],
    ["declare const value: 'a' | 'b';"],
    ['declare const value: `id-${number}`;'],
    ["declare const value: string & { __brand: 'Id' };"],
    ["enum E { A = 'a', B = 'b' }\ndeclare const value: E;"],
    ['declare const value: Uppercase<string>;'],
    ['function f<T extends string>(value: T) { value; }'],
  ])('accepts %s', (declarations) => {
    expect(isString(declarations)).toBe(true);
  });

  it.each([
    ['declare const value: number;'],
    ['declare const value: bigint;'],
    ['declare const value: any;'],
    ['declare const value: unknown;'],
    ['declare const value: never;'],
    ['declare const value: string | number;'],
    ['declare const value: string | undefined;'],
    ['declare const value: String;'],
    ['function f<T>(value: T) { value; }'],
    ['declare const value: { length: number };'],
  ])('rejects %s', (declarations) => {
    expect(isString(declarations)).toBe(false);
  });
});

describe('getSizedCollectionKind', () => {
  it.each([
    ['declare const value: number[];', 'array'],
    ['declare const value: readonly string[];', 'array'],
    ['declare const value: [number, string];', 'tuple'],
    ['declare const value: Float64Array;', 'typed-array'],
    ['declare const value: Set<number>;', 'set'],
    ['declare const value: ReadonlyMap<string, number>;', 'map'],
    ['declare const value: number[] | string[];', 'array'],
    ['class MySet extends Set<number> {}\ndeclare const value: MySet;', 'set'],
    ['declare const value: Iterable<number>;', null],
    ['declare const value: Generator<number>;', null],
    ['declare const value: number[] | Set<number>;', null],
    ['declare const value: { size: number; forEach(f: () => void): void };', null],
    ['declare const value: any;', null],
    ['declare const value: string;', null],
  ])('%s → %s', (declarations, kind) => {
    expect(kindOf(declarations)).toBe(kind);
  });
});
