import { describe, expect, it } from 'vitest';

import { findVariable, isDeclaredIn, isGlobalMember, isGlobalReference, isModuleLevelBinding, writesIdentifier } from '../../src/ast/index.js';
import { identifiersNamed, inSourceOrder, inspect, nodeByText } from '../helpers/nodes.js';

describe('findVariable', () => {
  it('is the binding the identifier refers to where it stands', () => {
    inspect('const x = 1;\nfunction f(x: number) { return x; }\nuse(x, undeclared);', (context, program) => {
      const [declared, parameter, inner, outer] = identifiersNamed(program, 'x');
      expect(findVariable(context.sourceCode, inner!)?.defs[0]?.name).toBe(parameter);
      expect(findVariable(context.sourceCode, outer!)?.defs[0]?.name).toBe(declared);
    });
  });

  it('is null for an undeclared name; a built-in has a variable without definitions', () => {
    inspect('use(undeclared, Math);', (context, program) => {
      expect(findVariable(context.sourceCode, identifiersNamed(program, 'undeclared')[0]!)).toBeNull();
      expect(findVariable(context.sourceCode, identifiersNamed(program, 'Math')[0]!)?.defs).toEqual([]);
    });
  });
});

describe('isModuleLevelBinding', () => {
  it('is a binding the file declares at its top level, not a local, a parameter, a built-in or an undeclared name', () => {
    inspect('let cache = 1;\nfunction f(p: number) { let local = p; return cache + local + p + Math.PI + (undeclared as number); }', (context, program) => {
      const is = (name: string) => isModuleLevelBinding(context.sourceCode, identifiersNamed(program, name).at(-1)!);
      expect([is('cache'), is('local'), is('p'), is('Math'), is('undeclared'), is('f')]).toEqual([true, false, false, false, false, true]);
    });
  });
});

describe('isGlobalReference', () => {
  it('is true for a global nothing in the file declares, with or without a name to match', () => {
    inspect('new RegExp("a");\nJSON.stringify(1);\nBuffer.alloc(1);', (context, program) => {
      const regexp = identifiersNamed(program, 'RegExp')[0]!;
      expect(isGlobalReference(context.sourceCode, regexp, 'RegExp')).toBe(true);
      expect(isGlobalReference(context.sourceCode, regexp)).toBe(true);
      expect(isGlobalReference(context.sourceCode, regexp, 'Array')).toBe(false);
      expect(isGlobalReference(context.sourceCode, identifiersNamed(program, 'JSON')[0]!, 'JSON')).toBe(true);
      expect(isGlobalReference(context.sourceCode, identifiersNamed(program, 'Buffer')[0]!, 'Buffer')).toBe(true);
    });
  });

  it('is false for a shadowing declaration: a parameter, a local function (even declared later), a `declare`', () => {
    inspect(
      'function f(RegExp: any) { return new RegExp("a"); }\nconst xs = new Array();\nfunction Array() {}\ndeclare const Buffer: any;\nBuffer.alloc(1);',
      (context, program) => {
        expect(isGlobalReference(context.sourceCode, identifiersNamed(program, 'RegExp')[1]!, 'RegExp')).toBe(false);
        expect(isGlobalReference(context.sourceCode, identifiersNamed(program, 'Array')[0]!, 'Array')).toBe(false);
        expect(isGlobalReference(context.sourceCode, identifiersNamed(program, 'Buffer')[1]!, 'Buffer')).toBe(false);
      },
    );
  });

  it('shadows only inside the declaring scope', () => {
    inspect('function f(RegExp: any) { return RegExp; }\nnew RegExp("a");', (context, program) => {
      expect(isGlobalReference(context.sourceCode, identifiersNamed(program, 'RegExp').at(-1)!, 'RegExp')).toBe(true);
    });
  });

  it('is false for anything but an identifier', () => {
    inspect('globalThis.RegExp;', (context, program) => {
      expect(isGlobalReference(context.sourceCode, inSourceOrder(program, 'MemberExpression')[0]!, 'RegExp')).toBe(false);
    });
  });
});

describe('isGlobalMember', () => {
  it('matches the member of the global, by name or by set, dotted or quoted', () => {
    inspect("JSON.stringify(a);\nJSON['parse'](b);\nJSON?.stringify(c);", (context, program) => {
      const [stringify, parse, optional] = inSourceOrder(program, 'MemberExpression');
      expect(isGlobalMember(context.sourceCode, stringify!, 'JSON', 'stringify')).toBe(true);
      expect(isGlobalMember(context.sourceCode, parse!, 'JSON', 'parse')).toBe(true);
      expect(isGlobalMember(context.sourceCode, parse!, 'JSON', new Set(['parse', 'stringify']))).toBe(true);
      expect(isGlobalMember(context.sourceCode, optional!, 'JSON', 'stringify')).toBe(true);
      expect(isGlobalMember(context.sourceCode, stringify!, 'JSON', 'parse')).toBe(false);
      expect(isGlobalMember(context.sourceCode, stringify!, 'Reflect', 'stringify')).toBe(false);
    });
  });

  it('is false for a computed member, a local of that name and other nodes', () => {
    inspect('JSON[method](a);\nfunction f(JSON: any) { return JSON.stringify(1); }', (context, program) => {
      const [computed, local] = inSourceOrder(program, 'MemberExpression');
      expect(isGlobalMember(context.sourceCode, computed!, 'JSON', 'method')).toBe(false);
      expect(isGlobalMember(context.sourceCode, local!, 'JSON', 'stringify')).toBe(false);
      expect(isGlobalMember(context.sourceCode, inSourceOrder(program, 'CallExpression')[0]!, 'JSON', 'stringify')).toBe(false);
    });
  });
});

describe('isDeclaredIn', () => {
  it('is true when a variable declarator in the region declares the name', () => {
    inspect('let total = 0;\nfor (const x of xs) { let sum = x; total += sum; }', (context, program) => {
      const loop = program.body[1]!;
      expect(isDeclaredIn(nodeByText(context.sourceCode, program, 'Identifier', 'sum', 1), loop)).toBe(true);
      expect(isDeclaredIn(nodeByText(context.sourceCode, program, 'Identifier', 'x', 1), loop)).toBe(true);
      expect(isDeclaredIn(nodeByText(context.sourceCode, program, 'Identifier', 'total', 1), loop)).toBe(false);
    });
  });

  it('does not count parameters', () => {
    inspect('function f(p: number) { return p; }', (context, program) => {
      // The parameter's own text is `p: number`: this is the `p` of `return p`.
      expect(isDeclaredIn(nodeByText(context.sourceCode, program, 'Identifier', 'p'), program.body[0]!)).toBe(false);
    });
  });
});

describe('writesIdentifier', () => {
  it.each([
    ['x = 1;', true],
    ['x += 1;', true],
    ['x ??= 1;', true],
    ['x++;', true],
    ['--x;', true],
    ['const f = () => { x = 2; };', true],
    ['x.y = 1;', false],
    ['y = x;', false],
    ['y++;', false],
    ['f(x);', false],
  ])('%s → %s', (code, expected) => {
    inspect(code, (_, program) => {
      expect(writesIdentifier(program.body[0]!, 'x')).toBe(expected);
    });
  });
});
