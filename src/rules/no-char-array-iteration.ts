import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { contains, findNode, findVariable, getStaticPropertyName, isDeclaredIn, isFunction, isGlobalReference, mentions, nearestFunction, writesIdentifier } from '../ast/index.js';
import { constantString } from '../analysis/constants.js';
import type { FrequencyOptions, RepeatingLoop } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS, whereItRepeats } from '../analysis/frequency.js';
import type { Loop } from '../analysis/loops.js';
import { isStringLikeType } from '../analysis/types.js';
import type { FixDecision } from '../fixers/index.js';
import { fix, fixOrSuggest, getFreeName, getIndent, noFix, suggest, textForSlot, usesSemicolons } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [Partial<FrequencyOptions>];
export type MessageIds = 'charArray' | 'suggestForOf' | 'suggestIndexLoop' | TypeInformationMessageId;

/** An array of a string's characters: `s.split('')` (UTF-16 units), `[...s]` or `Array.from(s)` (code points). */
interface CharArray {
  node: TSESTree.Expression;
  string: TSESTree.Expression;
  units: boolean;
}

/** A walk over the array: `for (const c of chars)`, or `chars.forEach((c) => …)` in statement position. */
interface Walk {
  loop: Loop;
  /** The element's binding. */
  element: TSESTree.Identifier;
  /** What runs per element: the loop body, or the callback's body. */
  body: TSESTree.Node;
  /** The `forEach` callback's index parameter. */
  index: TSESTree.Identifier | null;
}

export default createRule<Options, MessageIds>({
  name: 'no-char-array-iteration',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Disallow building an array of a string's characters (`split('')`, `[...s]`, `Array.from(s)`) only to walk it",
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      charArray:
        '`{{text}}` allocates an array of every character to walk it {{where}}: walk the string itself.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestForOf: 'Walk the string with `for…of` ({{reason}}).',
      suggestIndexLoop: 'Walk the string by index ({{reason}}).',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...FREQUENCY_SCHEMA } }],
    defaultOptions: [{ ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [options]) {
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, loops, program, services, sourceCode } = typed;
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };
    const semicolon = (): string => (usesSemicolons(sourceCode) ? ';' : '');

    const isString = (node: TSESTree.Node): boolean => isStringLikeType(checker, services.getTypeAtLocation(node));

    /** `node` is one of the three character arrays of a string (type-checked: not a lookalike `split`, not an array spread). */
    function charArray(node: TSESTree.Expression): CharArray | null {
      if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1) {
        const { callee } = node;
        const [argument] = node.arguments as [TSESTree.CallExpressionArgument];
        if (argument.type === AST_NODE_TYPES.SpreadElement) return null;
        if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.optional && getStaticPropertyName(callee) === 'split') {
          return constantString(sourceCode, argument) === '' && isString(callee.object) ? { node, string: callee.object, units: true } : null;
        }
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          getStaticPropertyName(callee) === 'from' &&
          isGlobalReference(sourceCode, callee.object, 'Array') &&
          isString(argument)
        ) {
          return { node, string: argument, units: false };
        }
        return null;
      }
      if (node.type === AST_NODE_TYPES.ArrayExpression && node.elements.length === 1) {
        const [element] = node.elements;
        if (element?.type === AST_NODE_TYPES.SpreadElement && isString(element.argument)) return { node, string: element.argument, units: false };
      }
      return null;
    }

    /** The walk that consumes `node` directly, or `null` (the array is kept, indexed or passed on). */
    function walkOf(node: TSESTree.Expression): Walk | null {
      const parent = node.parent;
      if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === node && !parent.await) {
        const loop = loops.loopStatement(parent);
        const { left } = parent;
        const declarator = left.type === AST_NODE_TYPES.VariableDeclaration && left.kind !== 'var' && left.declarations.length === 1 ? left.declarations[0]! : null;
        if (!loop || declarator?.id.type !== AST_NODE_TYPES.Identifier || declarator.id.typeAnnotation) return null;
        return { body: parent.body, element: declarator.id, index: null, loop };
      }
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node && getStaticPropertyName(parent) === 'forEach') {
        const call = parent.parent;
        if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent || call.arguments.length !== 1) return null;
        const callback = call.arguments[0]!;
        if (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression || callback.async) return null;
        const loop = loops.iterationCallback(callback);
        const [element, index, ...rest] = callback.params;
        if (!loop || element?.type !== AST_NODE_TYPES.Identifier || element.typeAnnotation || rest.length > 0) return null;
        if (index !== undefined && (index.type !== AST_NODE_TYPES.Identifier || index.typeAnnotation)) return null;
        return { body: callback.body, element, index: index ?? null, loop };
      }
      return null;
    }

    function check(node: TSESTree.Expression): void {
      const chars = charArray(node);
      if (!chars) return;
      const walk = walkOf(node);
      if (!walk) return;
      // The array holds one element per character: the walk's own iterations repeat the allocation,
      // and so do the loops around it.
      const repeating: RepeatingLoop[] = [{ conditional: false, loop: walk.loop }, ...frequency.repeatingLoops(node)];
      const verdict = decide(frequency, node, frequencyOptions, { hot: true, kind: 'constant', loops: repeating });
      if (!verdict.report) return;
      const decision = decideFix(chars, walk);
      const offer = fixOrSuggest(decision.decision, { messageId: decision.messageId });
      context.report({
        data: {
          text: shorten(sourceCode.getText(node)),
          where: whereItRepeats(verdict),
        },
        fix: offer.fix,
        messageId: 'charArray',
        node,
        suggest: offer.suggest,
      });
    }

    /**
     * - `[...s]` / `Array.from(s)` walk the string's iterator, as `for (const c of s)` does: the same
     *   code points, and `s` evaluated once — an autofix. When the body acts only on matches of
     *   one-unit literals (below) and `s` is a name the loop leaves alone, the faster index loop.
     * - `s.split('')` gives UTF-16 units, as `s[i]` does: an index loop is exact when `s` is a name the
     *   loop does not assign (it is read on every iteration) — an autofix. `for…of s` walks code
     *   points instead (a surrogate pair is one element): an autofix only when the body acts only on
     *   matches of one-unit literals (`if (c === '_' || c === '-') …`, no `else`), where the halves
     *   of a pair and the pair itself all match nothing; a suggestion otherwise.
     */
    function decideFix(chars: CharArray, walk: Walk): { decision: FixDecision; messageId: 'suggestForOf' | 'suggestIndexLoop' } {
      const forEach = walk.loop.kind === 'callback';
      if (forEach && !isForEachStatement(walk)) return { decision: noFix('the `forEach` call is not a statement of its own'), messageId: 'suggestForOf' };
      if (forEach && findNode(walk.body, (node) => node.type === AST_NODE_TYPES.ReturnStatement, isFunction)) {
        return { decision: noFix('the callback returns'), messageId: 'suggestForOf' };
      }
      const stringName = chars.string.type === AST_NODE_TYPES.Identifier ? chars.string.name : null;
      // Read on every iteration: a name the loop does not assign, and that the body or the callback's
      // parameters do not shadow.
      const stable =
        stringName !== null &&
        isSettledName(chars.string as TSESTree.Identifier) &&
        !isDeclaredIn(chars.string as TSESTree.Identifier, walk.body) &&
        walk.element.name !== stringName &&
        walk.index?.name !== stringName;
      const agrees = matchesOnlyUnits(walk);
      // Code points, but a body on which units and code points agree: the index loop is the faster walk.
      if (!chars.units && stable && agrees && !walk.index) {
        return { decision: fix((fixer) => indexLoop(fixer, chars, walk, stringName)), messageId: 'suggestIndexLoop' };
      }
      if (chars.units && (stable || walk.index)) {
        if (!stable) return { decision: noFix('the string is not a name the loop leaves alone'), messageId: 'suggestIndexLoop' };
        return { decision: fix((fixer) => indexLoop(fixer, chars, walk, stringName)), messageId: 'suggestIndexLoop' };
      }
      if (walk.index) return { decision: noFix('the index counts code points'), messageId: 'suggestForOf' };
      const apply: TSESLint.ReportFixFunction = (fixer) => forOfLoop(fixer, chars, walk);
      if (!chars.units || agrees) return { decision: fix(apply), messageId: 'suggestForOf' };
      return { decision: suggest(apply, '`for…of` walks code points: a surrogate pair becomes one element'), messageId: 'suggestForOf' };
    }

    /**
     * A name whose value cannot change while the walk reads it: a `const`, or a parameter or local of
     * the function around it that nothing in that function (closures included) assigns.
     */
    function isSettledName(identifier: TSESTree.Identifier): boolean {
      const variable = findVariable(sourceCode, identifier);
      const def = variable?.defs[0];
      if (!variable || !def) return false;
      if (def.type === 'Variable' && def.parent.kind === 'const') return true;
      const fn = nearestFunction(identifier);
      return fn !== null && (def.type === 'Parameter' || def.type === 'Variable') && contains(fn, def.name) && !writesIdentifier(fn, identifier.name);
    }

    /** The callback's call is an expression statement of its own (its `undefined` value unused). */
    function isForEachStatement(walk: Walk): boolean {
      return walk.loop.node.parent?.parent?.type === AST_NODE_TYPES.ExpressionStatement;
    }

    /** The statement the walk is: the `for…of` loop, or the `forEach` call's statement. */
    function walkStatement(walk: Walk): TSESTree.Node {
      return walk.loop.kind === 'callback' ? walk.loop.node.parent!.parent! : walk.loop.node;
    }

    /** The body's statements as text for a new block whose first line declares `declaration`. */
    function blockWith(walk: Walk, statement: TSESTree.Node, declaration: string | null): string {
      const indent = getIndent(sourceCode, statement);
      const body = walk.body;
      if (body.type === AST_NODE_TYPES.BlockStatement) {
        const text = sourceCode.getText(body);
        if (declaration === null) return text;
        const first = body.body[0];
        const inner = first ? getIndent(sourceCode, first) : `${indent}  `;
        const sameLine = first !== undefined && first.loc.start.line === body.loc.start.line;
        return sameLine ? `{ ${declaration} ${text.slice(1).trimStart()}` : `{\n${inner}${declaration}${text.slice(1)}`;
      }
      // An arrow's expression body becomes a statement: with its parentheses (`({ … })` is no block).
      const statementText = walk.loop.kind !== 'callback' ? sourceCode.getText(body) : `${textForSlot(sourceCode, body, 1)}${semicolon()}`;
      const lines = declaration === null ? [statementText] : [declaration, statementText];
      return `{\n${lines.map((line) => `${indent}  ${line}`).join('\n')}\n${indent}}`;
    }

    function indexLoop(fixer: TSESLint.RuleFixer, chars: CharArray, walk: Walk, s: string): TSESLint.RuleFix {
      const statement = walkStatement(walk);
      const i = walk.index?.name ?? getFreeName(sourceCode, walk.body, statement, ['i', 'index']);
      const kind = walk.loop.node.type === AST_NODE_TYPES.ForOfStatement ? (walk.loop.node.left as TSESTree.VariableDeclaration).kind : 'const';
      // Under `noUncheckedIndexedAccess`, `s[i]` is typed `string | undefined`; `charAt` is the same unit, typed `string`.
      const unit = program.getCompilerOptions().noUncheckedIndexedAccess ? `${s}.charAt(${i})` : `${s}[${i}]`;
      const declaration = mentions(walk.body, walk.element.name) ? `${kind} ${walk.element.name} = ${unit}${semicolon()}` : null;
      const head = `for (let ${i} = 0; ${i} < ${s}.length; ${i}++) `;
      return fixer.replaceText(statement, `${head}${blockWith(walk, statement, declaration)}`);
    }

    function forOfLoop(fixer: TSESLint.RuleFixer, chars: CharArray, walk: Walk): TSESLint.RuleFix {
      const statement = walkStatement(walk);
      const kind = walk.loop.node.type === AST_NODE_TYPES.ForOfStatement ? (walk.loop.node.left as TSESTree.VariableDeclaration).kind : 'const';
      const head = `for (${kind} ${walk.element.name} of ${textForSlot(sourceCode, chars.string, 2)}) `;
      if (walk.loop.kind !== 'callback') {
        // Only the iterated expression changes.
        return fixer.replaceText(chars.node, textForSlot(sourceCode, chars.string, 2));
      }
      return fixer.replaceText(statement, `${head}${blockWith(walk, statement, null)}`);
    }

    /**
     * `const chars = s.split('')` read only as `chars.length` and `chars[…]` inside one `for` loop
     * after it: an index loop over the array. For UTF-16 units, reading `s` in its place is exact
     * when `s` is a name nothing in the function assigns and the loop does not shadow: an autofix
     * that drops the declaration. Over code points (`[...s]`), the index counts code points: no fix.
     */
    function checkIndexed(declarator: TSESTree.VariableDeclarator): void {
      const init = declarator.init!;
      if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.parent.kind !== 'const' || declarator.parent.declarations.length !== 1) return;
      const chars = charArray(init);
      if (!chars) return;
      const variable = sourceCode.getDeclaredVariables(declarator)[0];
      const uses = variable?.references.filter((reference) => reference.identifier !== declarator.id) ?? [];
      if (uses.length === 0) return;
      let loop: TSESTree.ForStatement | null = null;
      for (const { identifier } of uses) {
        const member = identifier.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return;
        if (member.computed ? isWrittenOrCalled(member) : getStaticPropertyName(member) !== 'length') return;
        let around: TSESTree.Node | undefined = member.parent;
        while (around && around.type !== AST_NODE_TYPES.ForStatement && !isFunction(around)) around = around.parent;
        if (around?.type !== AST_NODE_TYPES.ForStatement || (loop !== null && around !== loop)) return;
        loop = around;
      }
      const walkLoop = loop ? loops.loopStatement(loop) : null;
      if (!walkLoop) return;
      const repeating: RepeatingLoop[] = [{ conditional: false, loop: walkLoop }, ...frequency.repeatingLoops(init)];
      const verdict = decide(frequency, init, frequencyOptions, { hot: true, kind: 'constant', loops: repeating });
      if (!verdict.report) return;
      const statement = declarator.parent;
      const name = chars.string.type === AST_NODE_TYPES.Identifier ? chars.string.name : null;
      const exact =
        chars.units &&
        name !== null &&
        statement.parent.type === AST_NODE_TYPES.BlockStatement &&
        isSettledName(chars.string as TSESTree.Identifier) &&
        !isDeclaredIn(chars.string as TSESTree.Identifier, loop!);
      const decision: FixDecision = exact
        ? fix((fixer) => {
            const lineStart = sourceCode.getIndexFromLoc({ column: 0, line: statement.loc.start.line });
            const after = sourceCode.text[statement.range[1]] === '\n' ? statement.range[1] + 1 : statement.range[1];
            return [fixer.removeRange([lineStart, after]), ...uses.map(({ identifier }) => fixer.replaceText(identifier, name))];
          })
        : noFix(chars.units ? 'the string is not a name the function leaves alone' : 'the index counts code points');
      const offer = fixOrSuggest(decision, { messageId: 'suggestIndexLoop' });
      context.report({
        data: { text: shorten(sourceCode.getText(init)), where: whereItRepeats(verdict) },
        fix: offer.fix,
        messageId: 'charArray',
        node: init,
        suggest: offer.suggest,
      });
    }

    return {
      'VariableDeclarator > CallExpression.init, VariableDeclarator > ArrayExpression.init'(node: TSESTree.Expression): void {
        checkIndexed(node.parent as TSESTree.VariableDeclarator);
      },
      'ForOfStatement > CallExpression.right, ForOfStatement > ArrayExpression.right'(node: TSESTree.Expression): void {
        check(node);
      },
      'MemberExpression[property.name="forEach"] > CallExpression.object, MemberExpression[property.name="forEach"] > ArrayExpression.object'(node: TSESTree.Expression): void {
        check(node);
      },
    };
  },
});

/** `chars[i] = …`, `chars[i]++`, `delete chars[i]`, `chars[i]()`: not a plain read of an element. */
function isWrittenOrCalled(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') ||
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === member)
  );
}

/**
 * The body acts only when the element equals a literal of one UTF-16 unit that is not a surrogate:
 * `if (c === '_' || c === '-') …` with no `else`, or the arrow's expression `c === 'x' && f()`.
 * Walking units or code points then runs the same actions: a surrogate pair and its halves match
 * none of the literals.
 */
function matchesOnlyUnits(walk: Walk): boolean {
  let body = walk.body;
  while (body.type === AST_NODE_TYPES.BlockStatement && body.body.length === 1) body = body.body[0]!;
  if (body.type !== AST_NODE_TYPES.IfStatement || body.alternate) return false;
  return isUnitMatch(body.test, walk.element.name);
}

function isUnitMatch(test: TSESTree.Node, name: string): boolean {
  if (test.type === AST_NODE_TYPES.LogicalExpression && test.operator === '||') return isUnitMatch(test.left, name) && isUnitMatch(test.right, name);
  if (test.type !== AST_NODE_TYPES.BinaryExpression || (test.operator !== '===' && test.operator !== '==')) return false;
  const [element, literal] = test.left.type === AST_NODE_TYPES.Identifier ? [test.left, test.right] : [test.right, test.left];
  return (
    element.type === AST_NODE_TYPES.Identifier &&
    element.name === name &&
    literal.type === AST_NODE_TYPES.Literal &&
    typeof literal.value === 'string' &&
    literal.value.length === 1 &&
    (literal.value.charCodeAt(0) < 0xd800 || literal.value.charCodeAt(0) > 0xdfff)
  );
}
