import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { exitsLoopAfter, getLoopAnalysis } from '../../src/analysis/loops.js';
import { findAll, withTypedContext } from '../helpers/lint.js';

/** The descriptions of the loops around the call to `mark()` in `code`. */
function loopsAroundMark(code: string): string[] {
  let descriptions: string[] = [];
  withTypedContext(code, (context, program) => {
    const analysis = getLoopAnalysis(context.sourceCode);
    const mark = findAll(program, AST_NODE_TYPES.CallExpression).find(
      (call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'mark',
    )!;
    descriptions = analysis.enclosingLoops(mark).map((loop) => loop.description);
  });
  return descriptions;
}

const prelude = 'declare function mark(): void;\ndeclare const xs: number[];\n';

describe('LoopAnalysis.enclosingLoops', () => {
  it('names every loop statement kind, innermost first', () => {
    expect(
      loopsAroundMark(`${prelude}for (;;) { for (const x of xs) { for (const k in xs) { while (true) { do { mark(); } while (false); } } } }`),
    ).toEqual([
      '`do…while` loop at line 3',
      '`while` loop at line 3',
      '`for…in` loop at line 3',
      '`for…of` loop at line 3',
      '`for` loop at line 3',
    ]);
  });

  it('counts the test and update of a `for` loop but not its init', () => {
    expect(loopsAroundMark(`${prelude}for (let i = 0; i < 3; mark(), i++) {}`)).toEqual(['`for` loop at line 3']);
    expect(loopsAroundMark(`${prelude}for (let i = (mark(), 0); i < 3; i++) {}`)).toEqual([]);
  });

  it('does not count the iterated expression of `for…of`', () => {
    expect(loopsAroundMark(`${prelude}for (const x of (mark(), xs)) {}`)).toEqual([]);
  });

  it('treats array iteration callbacks as loops, by type', () => {
    expect(loopsAroundMark(`${prelude}xs.forEach(() => { mark(); });`)).toEqual(['`forEach()` callback at line 3']);
    expect(loopsAroundMark(`${prelude}const t: [number, number] = [1, 2];\nt.map(function () { mark(); });`)).toEqual([
      '`map()` callback at line 4',
    ]);
  });

  it('does not treat lookalikes, non-callback arguments or other functions as loops', () => {
    expect(loopsAroundMark(`${prelude}declare const fake: { forEach(f: () => void): void };\nfake.forEach(() => mark());`)).toEqual([]);
    expect(loopsAroundMark(`${prelude}xs.reduce((a) => a, (mark(), 0));`)).toEqual([]);
    expect(loopsAroundMark(`${prelude}for (const x of xs) { const later = () => mark(); }`)).toEqual([]);
    expect(loopsAroundMark(`${prelude}xs.forEach(async () => { mark(); });`)).toEqual([]);
  });

  it('returns the same Loop object for the same loop', () => {
    withTypedContext(`${prelude}for (const x of xs) { mark(); mark(); }`, (context, program) => {
      const analysis = getLoopAnalysis(context.sourceCode);
      const [a, b] = findAll(program, AST_NODE_TYPES.CallExpression);
      expect(analysis.enclosingLoops(a!)[0]).toBe(analysis.enclosingLoops(b!)[0]);
    });
  });
});

describe('exitsLoopAfter', () => {
  function exits(code: string, which: 'innermost' | 'outermost' = 'outermost'): boolean {
    let result = false;
    withTypedContext(`${prelude}${code}`, (context, program) => {
      const analysis = getLoopAnalysis(context.sourceCode);
      const mark = findAll(program, AST_NODE_TYPES.CallExpression).find(
        (call) => call.callee.type === AST_NODE_TYPES.Identifier && call.callee.name === 'mark',
      )!;
      const loops = analysis.enclosingLoops(mark);
      result = exitsLoopAfter(mark, which === 'innermost' ? loops[0]! : loops.at(-1)!);
    });
    return result;
  }

  it('is true for return, throw and a block ending in break', () => {
    expect(exits('function f() { for (const x of xs) { if (x) return mark(); } }')).toBe(true);
    expect(exits('for (const x of xs) { if (x) throw mark(); }')).toBe(true);
    expect(exits('for (const x of xs) { if (x) { mark(); break; } }')).toBe(true);
    expect(exits('outer: for (const x of xs) { for (const y of xs) { mark(); break outer; } }')).toBe(true);
    // …and a labelled break of an outer loop also leaves the inner one.
    expect(exits('outer: for (const x of xs) { for (const y of xs) { mark(); break outer; } }', 'innermost')).toBe(true);
    expect(exits('for (const x of xs) { inner: for (const y of xs) { mark(); break inner; } }', 'outermost')).toBe(false);
  });

  it('is false when the loop goes on', () => {
    expect(exits('for (const x of xs) { mark(); }')).toBe(false);
    expect(exits('for (const x of xs) { if (x) { mark(); continue; } }')).toBe(false);
    // The break leaves the switch (or the inner loop), not the loop.
    expect(exits('for (const x of xs) { switch (x) { case 1: mark(); break; } }')).toBe(false);
    expect(exits('for (const x of xs) { for (const y of xs) { mark(); break; } }')).toBe(false);
    // A return in a callback ends one iteration.
    expect(exits('xs.forEach((x) => { if (x) return mark(); });')).toBe(false);
  });
});
