import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { findEscape } from '../../src/analysis/escapes.js';
import { isReadBetween, isWrittenBetween, referencesWithin } from '../../src/analysis/fix-safety.js';
import { findAll, withTypedContext } from '../helpers/lint.js';

/** Runs `check` with the variable `out` declared in `code` and the range of the `/*from*\/…/*to*\/` markers. */
function withOut(code: string, check: (variable: TSESLint.Scope.Variable, from: number, to: number) => void): void {
  withTypedContext(code, (context, program) => {
    const declarator = findAll(program, AST_NODE_TYPES.VariableDeclarator).find(
      (node) => node.id.type === AST_NODE_TYPES.Identifier && node.id.name === 'out',
    )!;
    const variable = ASTUtils.findVariable(context.sourceCode.getScope(declarator), 'out')!;
    check(variable, code.indexOf('/*from*/'), code.indexOf('/*to*/'));
  });
}

describe('reads and writes between two points', () => {
  it('finds the references in a range', () => {
    withOut('let out: number[] = [];\n/*from*/ out.push(1); out = []; /*to*/ out.length;', (variable, from, to) => {
      expect(referencesWithin(variable, from, to)).toHaveLength(2);
      expect(isReadBetween(variable, from, to)).toBe(true);
      expect(isWrittenBetween(variable, from, to)).toBe(true);
      expect(isWrittenBetween(variable, to, Infinity)).toBe(false);
    });
  });
});

describe('findEscape', () => {
  it.each([
    ['const out: number[] = [];\nout.push(1);\nout[0] = 2;\nconsole.log(out.length, out[0]);', null],
    ['const out: number[] = [];\nconsole.log(out);', 'argument'],
    ['const out: number[] = [];\nconst alias = out;', 'stored'],
    ['const out: number[] = [];\nconst holder = { out };', 'stored'],
    ['const out: number[] = [];\nconst list = [out];', 'stored'],
    ['function f() { const out: number[] = []; return out; }', 'returned'],
    ['const out: number[] = [];\nconst get = () => out.length;', 'captured'],
    ['export const out: number[] = [];', 'exported'],
    ['function* g() { const out: number[] = []; yield out; }', 'yielded'],
    ['const out: number[] = [];\nconst copy = [...out];', null],
    ['const out: number[] = [];\nconst alias = (out as number[])!;', 'stored'],
  ])('%s → %s', (code, kind) => {
    withOut(code, (variable) => {
      expect(findEscape(variable)?.kind ?? null).toBe(kind);
    });
  });
});
