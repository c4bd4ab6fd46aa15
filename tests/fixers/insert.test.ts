import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  claimStatementList,
  getFreeName,
  insertBeforeWithComments,
  insertStatementAfter,
  insertStatementBefore,
  needsLeadingSemicolon,
} from '../../src/fixers/index.js';
import { expectSameBehaviour } from '../helpers/execute.js';
import { applyFixes, fixer, fixInPasses } from '../helpers/fix.js';
import { withTypedContext } from '../helpers/lint.js';
import { inspect, nodeByText } from '../helpers/nodes.js';

describe('needsLeadingSemicolon', () => {
  it('guards statements that would join the previous line under ASI', () => {
    withTypedContext('const a = 1\nlet b = 2;\nlet c = 3\nlet d = 4', (context, program) => {
      const [, second, , fourth] = program.body;
      expect(needsLeadingSemicolon(context.sourceCode, second!, '[b] = [2]')).toBe(true);
      expect(needsLeadingSemicolon(context.sourceCode, second!, 'b = 2')).toBe(false);
      expect(needsLeadingSemicolon(context.sourceCode, fourth!, '(d)')).toBe(true);
      const afterSemicolon = program.body[2]!;
      expect(needsLeadingSemicolon(context.sourceCode, afterSemicolon, '(c)')).toBe(false);
    });
  });

  it('is needed: without the semicolon the program changes meaning', async () => {
    await expect(expectSameBehaviour('const a = [1]\n;[0].forEach((x) => console.log(x));', 'const a = [1]\n[0].forEach((x) => console.log(x));')).rejects.toThrow();
  });

  it('knows every hazardous first character, and that a block or the start of the file ends nothing', () => {
    inspect('const a = 1\nuse(a)\nfunction f() {}\nuse(f)\n{\n  use(a)\n}', (context, program) => {
      const [first, second, , fourth, block] = program.body;
      for (const text of ['(x)', '[x]', '`x`', '+x', '-x', '/x/.test(s)']) {
        expect(needsLeadingSemicolon(context.sourceCode, second!, text)).toBe(true);
      }
      expect(needsLeadingSemicolon(context.sourceCode, first!, '(x)')).toBe(false);
      expect(needsLeadingSemicolon(context.sourceCode, fourth!, '(x)')).toBe(false);
      expect(needsLeadingSemicolon(context.sourceCode, (block as TSESTree.BlockStatement).body[0]!, '(x)')).toBe(false);
    });
  });

  // Bug: `}` is taken to end a statement, but it also ends an object literal or a function or class
  // expression: `const o = {}` + newline + `(0)` is `const o = {}(0)`.
  it('guards after a `}` that closes an expression', async () => {
    const code = 'const o = {}\nconst f = function () { return 1; }\nconst result = 1;';
    const guarded = inspect(code, (context, program) => [
      needsLeadingSemicolon(context.sourceCode, program.body[1]!, '(0)'),
      needsLeadingSemicolon(context.sourceCode, program.body[2]!, '(0)'),
    ]);
    await expect(expectSameBehaviour(code, 'const o = {}\n(0)\nconst f = function () { return 1; }\nconst result = 1;')).rejects.toThrow();
    expect(guarded).toEqual([true, true]);
  });
});

describe('claimStatementList', () => {
  it('is an empty edit at the start of the list that holds the statement', () => {
    const code = 'a();\nfunction f() {\n  b();\n}\nswitch (x) {\n  case 1:\n    c();\n}';
    inspect(code, (context, program) => {
      const statement = (text: string) => nodeByText(context.sourceCode, program, 'ExpressionStatement', text);
      expect(claimStatementList(fixer, statement('b();'))).toEqual({ range: [code.indexOf('{'), code.indexOf('{')], text: '' });
      expect(claimStatementList(fixer, statement('c();'))).toEqual({ range: [code.indexOf('case'), code.indexOf('case')], text: '' });
      expect(claimStatementList(fixer, statement('a();'))).toEqual({ range: [program.range[0], program.range[0]], text: '' });
    });
  });

  /** Hoists the literal argument of every `use(<literal>)` in `code` into a `const` named by getFreeName. */
  const hoistLiterals = (code: string, claim: boolean): string =>
    fixInPasses(code, (context, program) =>
      program.body
        .flatMap((statement) => (statement.type === 'FunctionDeclaration' ? statement.body.body : [statement]))
        .filter((statement): statement is TSESTree.ExpressionStatement => statement.type === 'ExpressionStatement')
        .flatMap((statement) => {
          const call = statement.expression;
          if (call.type !== 'CallExpression' || call.arguments[0]?.type !== 'Literal') return [];
          const literal = call.arguments[0];
          const name = getFreeName(context.sourceCode, statement, statement, ['value']);
          const declaration = `const ${name} = ${context.sourceCode.getText(literal)};`;
          return [
            (fix) => [
              ...(claim ? insertStatementBefore(fix, context.sourceCode, statement, declaration) : [fix.insertTextBefore(statement, `${declaration}\n  `)]),
              fix.replaceText(literal, name),
            ],
          ];
        }),
    );

  const code = 'const use = (v: number) => console.log(v);\nfunction f() {\n  use(1);\n  use(2);\n}\nf();';

  it('two declaring fixes in one list land in separate passes: the second sees the first name', async () => {
    const fixed = hoistLiterals(code, true);
    expect(fixed).toBe(
      'const use = (v: number) => console.log(v);\nfunction f() {\n  const value = 1;\n  use(value);\n  const value2 = 2;\n  use(value2);\n}\nf();',
    );
    await expectSameBehaviour(code, fixed);
  });

  it('is needed: without the claim both fixes land in one pass and declare the same name', async () => {
    const fixed = hoistLiterals(code, false);
    expect(fixed).toBe('const use = (v: number) => console.log(v);\nfunction f() {\n  const value = 1;\n  use(value);\n  const value = 2;\n  use(value);\n}\nf();');
    await expect(expectSameBehaviour(code, fixed)).rejects.toThrow();
  });
});

describe('insertBeforeWithComments', () => {
  /** `code` with `text` inserted before its statement number `index`. */
  const insert = (code: string, text: string, index = 0): string =>
    inspect(code, (context, program) => applyFixes(code, insertBeforeWithComments(fixer, context.sourceCode, program.body[index]!, text)));

  it('inserts before the statement when no comment leads it', () => {
    expect(insert('use(1);\nuse(2);', 'const a = 0;\n', 1)).toBe('use(1);\nconst a = 0;\nuse(2);');
  });

  it('inserts before the leading comments: a JSDoc stays attached to its statement', async () => {
    const code = 'const a = 1;\n/** Doubles. */\n// really\nfunction double(x: number) { return 2 * x; }\nconst result = double(a);';
    const fixed = insert(code, 'const SCALE = 2;\n\n', 1);
    expect(fixed).toBe('const a = 1;\nconst SCALE = 2;\n\n/** Doubles. */\n// really\nfunction double(x: number) { return 2 * x; }\nconst result = double(a);');
    await expectSameBehaviour(code, fixed);
  });

  it('keeps a shebang first', () => {
    expect(insert('#!/usr/bin/env node\nuse(1);', 'const a = 0;\n')).toBe('#!/usr/bin/env node\nconst a = 0;\nuse(1);');
    expect(insert('#!/usr/bin/env node\n/** Doc. */\nuse(1);', 'const a = 0;\n')).toBe('#!/usr/bin/env node\nconst a = 0;\n/** Doc. */\nuse(1);');
  });

  // Bug: getCommentsBefore also returns a comment trailing the previous statement on its line, so
  // the text lands on that line and the comment moves to the inserted statement's side.
  it("leaves a comment that trails the previous statement on that statement's line", () => {
    expect(insert('use(0); // zero\nuse(1);', 'const a = 0;\n', 1)).toBe('use(0); // zero\nconst a = 0;\nuse(1);');
  });
});

describe('insertStatementBefore', () => {
  /** `code` with `text` inserted before the statement `use(1)` (with or without its semicolon). */
  const insert = (code: string, text: string): string =>
    inspect(code, (context, program) => {
      const statement = nodeByText(context.sourceCode, program, 'ExpressionStatement', code.includes('use(1);') ? 'use(1);' : 'use(1)');
      return applyFixes(code, insertStatementBefore(fixer, context.sourceCode, statement, text));
    });

  it("puts the statement on its own line at the statement's indentation", async () => {
    const code = 'const use = (v: unknown) => console.log(v);\nfunction f() {\n    if (true) {\n\tuse(1);\n    }\n}\nf();';
    const fixed = insert(code, 'console.log(0);');
    expect(fixed).toBe('const use = (v: unknown) => console.log(v);\nfunction f() {\n    if (true) {\n\tconsole.log(0);\n\tuse(1);\n    }\n}\nf();');
    await expectSameBehaviour('console.log(0);\nconsole.log(1);', fixed);
  });

  it('claims the statement list', () => {
    const code = 'function f() {\n  use(1);\n}';
    inspect(code, (context, program) => {
      const statement = nodeByText(context.sourceCode, program, 'ExpressionStatement', 'use(1);');
      const fixes = insertStatementBefore(fixer, context.sourceCode, statement, 'a();');
      expect(fixes).toContainEqual(claimStatementList(fixer, statement));
      expect(fixes).toHaveLength(2);
    });
  });

  it.each([['(console.log)(0);'], ['[0].forEach((v) => console.log(v));']])(
    'in a file without semicolons, adds the leading `;` ASI needs to %s and drops the trailing one',
    async (text) => {
      const code = 'const use = (v: unknown) => console.log(v)\nconst a = 1\nuse(1)';
      const fixed = insert(code, text);
      expect(fixed).toBe(`const use = (v: unknown) => console.log(v)\nconst a = 1\n;${text.slice(0, -1)}\nuse(1)`);
      await expectSameBehaviour('console.log(0);\nconsole.log(1);', fixed);
    },
  );

  it('adds no `;` after a line that ends with one, or for other text', () => {
    expect(insert('const a = 1;\nuse(1);', '(console.log)(0);')).toBe('const a = 1;\n(console.log)(0);\nuse(1);');
    expect(insert('const a = 1\nuse(1)', 'console.log(0);')).toBe('const a = 1\nconsole.log(0)\nuse(1)');
  });

  it('follows the majority: a file mostly with semicolons keeps them, one mostly without drops them', () => {
    expect(insert('const a = 1;\nconst b = 2;\nuse(1)', 'console.log(0);')).toBe('const a = 1;\nconst b = 2;\nconsole.log(0);\nuse(1)');
    expect(insert('const a = 1\nconst b = 2\nuse(1);', 'console.log(0);')).toBe('const a = 1\nconst b = 2\nconsole.log(0)\nuse(1);');
    // A for head's declaration and text without a trailing `;` do not count or change.
    expect(insert('for (let i = 0; i < 2; i++) use(i)\nuse(1)', 'console.log(0)')).toBe('for (let i = 0; i < 2; i++) use(i)\nconsole.log(0)\nuse(1)');
  });
});

describe('insertStatementAfter', () => {
  /** `code` with `text` inserted after the statement `s += 1` (with its semicolon, if it has one). */
  const insert = (code: string, text: string): string =>
    inspect(code, (context, program) => {
      const statement = nodeByText(context.sourceCode, program, 'ExpressionStatement', code.includes('s += 1;') ? 's += 1;' : 's += 1');
      return applyFixes(code, insertStatementAfter(fixer, context.sourceCode, statement, text));
    });

  it("puts the statement on the next line at the statement's indentation", async () => {
    const code = 'let s = 0;\nfunction f() {\n    if (s < 9) {\n\ts += 1;\n    }\n}\nf();\nconst result = s;';
    const fixed = insert(code, 's *= 10;');
    expect(fixed).toBe('let s = 0;\nfunction f() {\n    if (s < 9) {\n\ts += 1;\n\ts *= 10;\n    }\n}\nf();\nconst result = s;');
    await expectSameBehaviour('let s = 0;\ns += 1;\ns *= 10;\nconst result = s;', fixed);
  });

  it('keeps a line that goes on: `;` on both sides, or before a closing `}` as the file writes it', async () => {
    const code = 'let s = 0;\nfor (const x of [1, 2]) { s += 1; s += x; }\nconst result = s;';
    const fixed = insert(code, 's *= 10;');
    expect(fixed).toBe('let s = 0;\nfor (const x of [1, 2]) { s += 1; s *= 10; s += x; }\nconst result = s;');
    await expectSameBehaviour('let s = 0;\nfor (const x of [1, 2]) { s = (s + 1) * 10 + x; }\nconst result = s;', fixed);
    expect(insert('let s = 0;\nif (s < 1) { s += 1; }', 's *= 10;')).toBe('let s = 0;\nif (s < 1) { s += 1; s *= 10; }');
    expect(insert('let s = 0\nlet t = 0\nif (s < 1) { s += 1 }', 's *= 10;')).toBe('let s = 0\nlet t = 0\nif (s < 1) { s += 1; s *= 10 }');
    expect(insert('let s = 0;\ns += 1; // one\nlet t = 0;', 's *= 10;')).toBe('let s = 0;\ns += 1; s *= 10; // one\nlet t = 0;');
  });

  it('wraps the single body of an `if`, a loop or a label in braces with the new statement', async () => {
    const code = 'let s = 1;\nfor (const x of [1, 2]) {\n  if (x > 1) s += 1;\n}\nconst result = s;';
    const fixed = insert(code, 's *= 10;');
    expect(fixed).toBe('let s = 1;\nfor (const x of [1, 2]) {\n  if (x > 1) { s += 1; s *= 10; }\n}\nconst result = s;');
    await expectSameBehaviour('const result = 20;', fixed);
    expect(insert('let s = 0\nlet t = 0\nwhile (s < 3) s += 1\n', 's *= 10;')).toBe('let s = 0\nlet t = 0\nwhile (s < 3) { s += 1; s *= 10 }\n');
  });

  it('is needed: without the braces the statement would run outside the `if`', async () => {
    await expect(expectSameBehaviour('const result = 20;', 'let s = 1;\nfor (const x of [1, 2]) {\n  if (x > 1) s += 1;\n  s *= 10;\n}\nconst result = s;')).rejects.toThrow();
  });

  it('in a file without semicolons, drops the trailing `;` and adds the leading one ASI needs', async () => {
    expect(insert('let s = 0\nlet t = 0\ns += 1\nt = s', 't = 2;')).toBe('let s = 0\nlet t = 0\ns += 1\nt = 2\nt = s');
    const code = 'let s = 0\nlet t = [0]\ns += 1\nconst result = t';
    const fixed = insert(code, '[t] = [[s]];');
    expect(fixed).toBe('let s = 0\nlet t = [0]\ns += 1\n;[t] = [[s]]\nconst result = t');
    await expectSameBehaviour('const result = [1];', fixed);
  });
});
