import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  bodyStatements,
  directlyPrecedes,
  isInsideTry,
  isLoopStatement,
  isStatementList,
  loopBodyOf,
  nextStatement,
  statementInBlock,
  statementsOf,
  topLevelStatement,
} from '../../src/ast/index.js';
import { inSourceOrder, inspect, nodeByText } from '../helpers/nodes.js';

describe('isLoopStatement', () => {
  it('accepts the five loop statements only', () => {
    inspect('for (;;) {}\nfor (const k in o) {}\nfor (const x of xs) {}\nwhile (a) {}\ndo {} while (a);\nl: for (;;) {}\nif (a) {}\nxs.forEach(f);', (_, program) => {
      expect(program.body.map((statement) => isLoopStatement(statement))).toEqual([true, true, true, true, true, false, false, false]);
      expect(isLoopStatement(null)).toBe(false);
      expect(isLoopStatement(undefined)).toBe(false);
    });
  });
});

describe('statementsOf and isStatementList', () => {
  it('lists the statements of a block, the module and a case clause', () => {
    inspect('a();\n{ b(); c(); }\nswitch (x) { case 1: d(); break; }', (context, program) => {
      const text = (nodes: readonly TSESTree.Node[] | null) => nodes?.map((node) => context.sourceCode.getText(node)) ?? null;
      expect(text(statementsOf(program))).toEqual(['a();', '{ b(); c(); }', 'switch (x) { case 1: d(); break; }']);
      expect(text(statementsOf(program.body[1]!))).toEqual(['b();', 'c();']);
      expect(text(statementsOf(inSourceOrder(program, 'SwitchCase')[0]!))).toEqual(['d();', 'break;']);
      expect(statementsOf(inSourceOrder(program, 'SwitchStatement')[0]!)).toBeNull();
      expect(statementsOf(program.body[0]!)).toBeNull();
    });
  });

  it('knows where a statement can be inserted: also static blocks and namespaces', () => {
    inspect('{ }\nswitch (x) { case 1: }\nclass C { static { a(); } }\nnamespace N { b(); }\nif (x) a();\nl: a();', (_, program) => {
      const lists = [
        inSourceOrder(program, 'BlockStatement')[0]!,
        program,
        inSourceOrder(program, 'SwitchCase')[0]!,
        inSourceOrder(program, 'StaticBlock')[0]!,
        inSourceOrder(program, 'TSModuleBlock')[0]!,
      ];
      expect(lists.map((node) => isStatementList(node))).toEqual([true, true, true, true, true]);
      const others = [inSourceOrder(program, 'SwitchStatement')[0]!, inSourceOrder(program, 'IfStatement')[0]!, inSourceOrder(program, 'LabeledStatement')[0]!];
      expect(others.map((node) => isStatementList(node))).toEqual([false, false, false]);
    });
  });
});

describe('bodyStatements and loopBodyOf', () => {
  it("gives a block's statements, or the single statement or expression", () => {
    inspect('for (;;) { a(); b(); }\nwhile (x) c();\nconst f = () => d();', (context, program) => {
      const [forLoop, whileLoop] = program.body as [TSESTree.ForStatement, TSESTree.WhileStatement];
      const arrow = inSourceOrder(program, 'ArrowFunctionExpression')[0]!;
      const text = (nodes: readonly TSESTree.Node[]) => nodes.map((node) => context.sourceCode.getText(node));
      expect(text(bodyStatements(forLoop.body))).toEqual(['a();', 'b();']);
      expect(text(bodyStatements(whileLoop.body))).toEqual(['c();']);
      expect(text(bodyStatements(arrow.body))).toEqual(['d()']);
    });
  });

  it("is a loop's or function's body, or the node itself when it has none (or a list)", () => {
    inspect('for (const x of xs) a();\nfunction f() { b(); }\nc();', (_, program) => {
      const [loop, fn, statement] = program.body as [TSESTree.ForOfStatement, TSESTree.FunctionDeclaration, TSESTree.ExpressionStatement];
      expect(loopBodyOf(loop)).toBe(loop.body);
      expect(loopBodyOf(fn)).toBe(fn.body);
      expect(loopBodyOf(statement)).toBe(statement);
      expect(loopBodyOf(program)).toBe(program);
    });
  });
});

describe('nextStatement', () => {
  it('is the following statement of the same list, or null', () => {
    inspect('a();\nb();\nif (x) c();\nswitch (x) { case 1: d(); e(); }', (context, program) => {
      const statement = (text: string) => nodeByText(context.sourceCode, program, 'ExpressionStatement', text);
      expect(nextStatement(statement('a();'))).toBe(statement('b();'));
      expect(nextStatement(statement('d();'))).toBe(statement('e();'));
      expect(nextStatement(statement('e();'))).toBeNull();
      expect(nextStatement(program.body.at(-1)!)).toBeNull();
      // The body of an `if` is in no list.
      expect(nextStatement(statement('c();'))).toBeNull();
      expect(nextStatement(program)).toBeNull();
    });
  });
});

describe('directlyPrecedes', () => {
  it('is true for the next statement, or for a label on it', () => {
    inspect('const a = [];\nfor (;;) {}\nconst b = [];\nouter: for (;;) {}\nconst c = [];\nf();\nfor (;;) {}', (context, program) => {
      const [a, first, b, labelled, c, , third] = program.body;
      const second = (labelled as TSESTree.LabeledStatement).body;
      expect(directlyPrecedes(a!, first!)).toBe(true);
      expect(directlyPrecedes(b!, second)).toBe(true);
      expect(directlyPrecedes(b!, labelled!)).toBe(true);
      expect(directlyPrecedes(c!, third!)).toBe(false);
      expect(directlyPrecedes(a!, second)).toBe(false);
      expect(directlyPrecedes(first!, a!)).toBe(false);
      expect(context.sourceCode.getText(second)).toBe('for (;;) {}');
    });
  });
});

describe('topLevelStatement', () => {
  it('is the module-level statement around a node, or the node itself', () => {
    inspect('a();\nfunction f() { if (x) { g(); } }', (context, program) => {
      expect(topLevelStatement(nodeByText(context.sourceCode, program, 'CallExpression', 'g()'))).toBe(program.body[1]);
      expect(topLevelStatement(program.body[0]!)).toBe(program.body[0]);
      expect(topLevelStatement(nodeByText(context.sourceCode, program, 'CallExpression', 'a()'))).toBe(program.body[0]);
    });
  });
});

describe('statementInBlock', () => {
  it('is the statement holding the node directly in a block or the module', () => {
    inspect('a(1);\nfunction f() { const y = b(2); if (x) c(3); switch (x) { case 1: d(4); } }', (context, program) => {
      const call = (text: string) => nodeByText(context.sourceCode, program, 'CallExpression', text);
      expect(statementInBlock(call('a(1)'))).toBe(program.body[0]);
      expect(context.sourceCode.getText(statementInBlock(call('b(2)'))!)).toBe('const y = b(2);');
      expect(context.sourceCode.getText(statementInBlock(call('c(3)'))!)).toBe('if (x) c(3);');
      // A case clause is not a block: the switch is the statement.
      expect(context.sourceCode.getText(statementInBlock(call('d(4)'))!)).toBe('switch (x) { case 1: d(4); }');
    });
  });

  it('is null when reaching a block would leave a function, or for the module itself', () => {
    inspect('const f = () => g();\nconst h = function () { return k(); };', (context, program) => {
      expect(statementInBlock(nodeByText(context.sourceCode, program, 'CallExpression', 'g()'))).toBeNull();
      expect(context.sourceCode.getText(statementInBlock(nodeByText(context.sourceCode, program, 'CallExpression', 'k()'))!)).toBe('return k();');
      expect(statementInBlock(program)).toBeNull();
    });
  });
});

describe('isInsideTry', () => {
  it('is true in the block, catch and finally of a try of the same function', () => {
    inspect('try { a(); } catch { b(); } finally { c(); }\nd();\nfunction f() { try { if (x) { e(); } } finally {} }', (context, program) => {
      const call = (text: string) => nodeByText(context.sourceCode, program, 'CallExpression', text);
      expect(['a()', 'b()', 'c()', 'e()'].map((text) => isInsideTry(call(text)))).toEqual([true, true, true, true]);
      expect(isInsideTry(call('d()'))).toBe(false);
    });
  });

  it('stops at a function boundary: a try around the function does not count', () => {
    inspect('try { const f = () => { g(); }; function h() { k(); } } finally {}', (context, program) => {
      expect(isInsideTry(nodeByText(context.sourceCode, program, 'CallExpression', 'g()'))).toBe(false);
      expect(isInsideTry(nodeByText(context.sourceCode, program, 'CallExpression', 'k()'))).toBe(false);
    });
  });
});
