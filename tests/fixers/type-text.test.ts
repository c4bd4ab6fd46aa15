import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { typeTextAt } from '../../src/fixers/index.js';
import { identifiersNamed, inspect } from '../helpers/nodes.js';

const declarations = [
  'interface Point { x: number }',
  'declare const point: Point;',
  'declare const list: number[];',
  'declare const frozen: readonly string[];',
  'declare const table: Map<string, Point>;',
  'declare const pair: { a: string; b?: number };',
  'declare const anything: any;',
  'function make() {',
  '  interface Local { y: number }',
  '  const local: Local = { y: 1 };',
  '  return local;',
  '}',
  'const made = make();',
  'export {};',
].join('\n');

/** The text typeTextAt gives for the type of the last `name` in the code, at the statement `at`. */
function textOf(name: string, at = 'export {};', code = declarations): string | null {
  return inspect(
    code,
    (context, program) => {
      const services = ESLintUtils.getParserServices(context);
      const type = services.getTypeAtLocation(identifiersNamed(program, name).at(-1)!);
      const statement = [...program.body, ...program.body.flatMap((node) => (node.type === 'FunctionDeclaration' ? node.body.body : []))].find(
        (node) => context.sourceCode.getText(node) === at,
      )!;
      return typeTextAt(services.program.getTypeChecker(), type, services.esTreeNodeToTSNodeMap.get(statement));
    },
    { typed: true },
  );
}

describe('typeTextAt', () => {
  it.each([
    ['point', 'Point'],
    ['list', 'number[]'],
    ['frozen', 'readonly string[]'],
    ['table', 'Map<string, Point>'],
    ['pair', '{ a: string; b?: number | undefined; }'],
  ])('writes out the type of %s as %s', (name, text) => {
    expect(textOf(name)).toBe(text);
  });

  it('is null for `any`', () => {
    expect(textOf('anything')).toBeNull();
  });

  it('is null for a type that is not in scope where the text would go, and the text where it is', () => {
    expect(textOf('made')).toBeNull();
    expect(textOf('local', 'return local;')).toBe('Local');
  });

  // Bug: the name scan also reads the inside of string literal types: `"circle"` is taken for a
  // type named `circle`, which is not in scope, so a type that can be written out gets `null`.
  it('writes out a type with a string literal in it', () => {
    expect(textOf('shape', 'export {};', "declare const shape: { kind: 'circle' };\nexport {};")).toBe('{ kind: "circle"; }');
  });
});
