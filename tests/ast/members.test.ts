import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { calleeName, getStaticPropertyName, isMethodCall, keyName } from '../../src/ast/index.js';
import { inSourceOrder, inspect } from '../helpers/nodes.js';

describe('getStaticPropertyName', () => {
  it.each([
    ['a.b', 'b'],
    ["a['b']", 'b'],
    ['a?.b', 'b'],
    ['a[b]', null],
    ['a[0]', null],
    ['a[`b`]', null],
    ['a["b" + c]', null],
  ])('%s → %s', (code, name) => {
    inspect(`${code};`, (_, program) => {
      expect(getStaticPropertyName(inSourceOrder(program, 'MemberExpression')[0]!)).toBe(name);
    });
  });

  it('is null for a private name', () => {
    inspect('class C { #p = 1; m() { return this.#p; } }', (_, program) => {
      expect(getStaticPropertyName(inSourceOrder(program, 'MemberExpression')[0]!)).toBeNull();
    });
  });
});

describe('keyName', () => {
  const firstKey = (code: string): string | null =>
    inspect(code, (_, program) => {
      const property = (inSourceOrder(program, 'Property')[0] ?? inSourceOrder(program, 'MethodDefinition')[0])!;
      return keyName(property.key, property.computed);
    });

  it.each([
    ['({ a: 1 });', 'a'],
    ["({ 'a-b': 1 });", 'a-b'],
    ['({ 1: 1 });', '1'],
    ['({ 1.5: 1 });', '1.5'],
    ['({ 0x10: 1 });', '16'],
    ['({ 1e3: 1 });', '1000'],
    ["({ ['a']: 1 });", 'a'],
    ['({ [a + b]: 1 });', null],
    ['class C { #m() {} }', null],
  ])('%s → %s', (code, name) => {
    expect(firstKey(code)).toBe(name);
  });

  // Bug: the identifier of a computed key `[k]` is read as the name `k` ("null if computed from code").
  it('is null for a computed identifier key', () => {
    expect(firstKey('const k = "x";\n({ [k]: 1 });')).toBeNull();
  });
});

describe('isMethodCall', () => {
  const calls = (code: string): TSESTree.CallExpression[] => inspect(code, (_, program) => inSourceOrder(program, 'CallExpression'));

  it('matches by method name, with a set of names, and with an argument count', () => {
    const [push, computed, optional, other] = calls("xs.push(1);\nxs['push'](1, 2);\nxs?.push();\nxs.pop();");
    expect(isMethodCall(push, 'push')).toBe(true);
    expect(isMethodCall(computed, 'push')).toBe(true);
    expect(isMethodCall(optional, 'push')).toBe(true);
    expect(isMethodCall(other, 'push')).toBe(false);
    expect(isMethodCall(other, new Set(['pop', 'shift']))).toBe(true);
    expect(isMethodCall(push, 'push', 1)).toBe(true);
    expect(isMethodCall(computed, 'push', 1)).toBe(false);
    expect(isMethodCall(optional, 'push', 0)).toBe(true);
  });

  it('is false for plain calls, computed names, other nodes and nothing', () => {
    const [plain, dynamic] = calls('push(1);\nxs[name](1);');
    expect(isMethodCall(plain, 'push')).toBe(false);
    expect(isMethodCall(dynamic, 'name')).toBe(false);
    inspect('xs.push;', (_, program) => {
      expect(isMethodCall(inSourceOrder(program, 'MemberExpression')[0], 'push')).toBe(false);
    });
    expect(isMethodCall(null, 'push')).toBe(false);
    expect(isMethodCall(undefined, 'push')).toBe(false);
  });
});

describe('calleeName', () => {
  it.each([
    ['f(x);', 'f'],
    ['o.m(x);', 'm'],
    ["o['m'](x);", 'm'],
    ['new Foo();', 'Foo'],
    ['new ns.Foo();', 'Foo'],
    ['o[k](x);', null],
    ['f()(x);', null],
    ['(() => 1)();', null],
  ])('%s → %s', (code, name) => {
    inspect(code, (_, program) => {
      const call = [...inSourceOrder(program, 'CallExpression'), ...inSourceOrder(program, 'NewExpression')].sort(
        (a, b) => a.range[0] - b.range[0] || b.range[1] - a.range[1],
      )[0]!;
      expect(calleeName(call)).toBe(name);
    });
  });
});
