import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { getStaticPropertyName, isStatementList } from '../ast/index.js';
import { constantNumber, constantString } from '../analysis/constants.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS, whereItRepeats } from '../analysis/frequency.js';
import { isStringLikeType } from '../analysis/types.js';
import type { FixDecision } from '../fixers/index.js';
import { fix, fixOrSuggest, getFreeName, getParenthesizedRange, insertStatementBefore, noFix, suggest, textForSlot } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [Partial<FrequencyOptions>];
export type MessageIds = 'lastPart' | 'onePart' | 'suggestIndexOf' | 'suggestLastIndexOf' | 'suggestLimit' | TypeInformationMessageId;

type SplitCall = TSESTree.CallExpression & { callee: TSESTree.MemberExpression };

/** The largest limit `split` takes as given (it applies ToUint32). */
const MAX_LIMIT = 2 ** 32 - 1;

export default createRule<Options, MessageIds>({
  name: 'prefer-split-limit',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer a `split` limit, or `indexOf` and `slice`, over splitting a whole string to keep one part',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      lastPart:
        '`{{text}}` splits the whole string to keep its last part {{where}}: use `lastIndexOf` + `slice`.',
      onePart:
        '`{{text}}` splits the whole string but needs only {{parts}} {{where}}: pass the limit `{{limit}}`.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestIndexOf: 'Find the first separator with `indexOf` and `slice` up to it ({{reason}}).',
      suggestLastIndexOf: 'Take the last part with `lastIndexOf` and `slice` ({{reason}}).',
      suggestLimit: 'Pass the limit `{{limit}}` ({{reason}}).',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: { ...FREQUENCY_SCHEMA } }],
    defaultOptions: [{ ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [options]) {
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, services, sourceCode } = typed;
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };

    /** The node is a string (for `s?.split`, once `s` is not nullish). */
    function isString(node: TSESTree.Node, optional = false): boolean {
      const type = services.getTypeAtLocation(node);
      return isStringLikeType(checker, optional ? checker.getNonNullableType(type) : type);
    }

    /** `s.split(sep)` with one plain argument on a string receiver (not a lookalike `split`). */
    function isStringSplit(node: TSESTree.Node): node is SplitCall {
      return (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        getStaticPropertyName(node.callee) === 'split' &&
        node.arguments.length === 1 &&
        node.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement &&
        isString(node.callee.object, node.callee.optional)
      );
    }

    /** Whether the whole array is created again and again here (loops and hot code, per the frequency model). */
    function repeats(call: SplitCall): string | null {
      const verdict = decide(frequency, call, frequencyOptions, { hot: true, kind: 'constant' });
      return verdict.report ? whereItRepeats(verdict) : null;
    }

    /**
     * A limit keeps the first `limit` parts exactly as they are (both `split` algorithms stop pushing
     * parts once the array has `limit` elements; capture groups included). Only a separator with its
     * own `Symbol.split` (a RegExp subclass, a user object) could do something else with it: an
     * autofix for a string or a regex literal, a suggestion otherwise.
     */
    function limitDecision(call: SplitCall, limit: number): FixDecision {
      const separator = call.arguments[0]!;
      const apply: TSESLint.ReportFixFunction = (fixer) => fixer.insertTextAfterRange(getParenthesizedRange(sourceCode, separator), `, ${limit}`);
      if ((separator.type === AST_NODE_TYPES.Literal && 'regex' in separator) || isString(separator)) return fix(apply);
      return suggest(apply, 'a separator with its own `Symbol.split` may ignore the limit');
    }

    function report(call: SplitCall, reported: TSESTree.Node, index: number, extra: TSESLint.ReportSuggestionArray<MessageIds> = []): void {
      const where = repeats(call);
      if (where === null) return;
      const limit = index + 1;
      const offer = fixOrSuggest(limitDecision(call, limit), { data: { limit }, messageId: 'suggestLimit' });
      context.report({
        data: { limit, parts: limit === 1 ? 'the first part' : `the first ${limit} parts`, text: shorten(sourceCode.getText(reported)), where },
        fix: offer.fix,
        messageId: 'onePart',
        node: reported,
        suggest: [...offer.suggest, ...extra],
      });
    }

    /** `s.split(sep)` → the last part, for a one-character constant separator and a plain name: `s.slice(s.lastIndexOf(sep) + 1)`. */
    function reportLast(call: SplitCall, reported: TSESTree.Node): void {
      const where = repeats(call);
      if (where === null) return;
      const receiver = call.callee.object;
      const separator = call.arguments[0]!;
      const value = constantString(sourceCode, separator);
      const decision =
        receiver.type === AST_NODE_TYPES.Identifier && value !== null && value.length === 1
          ? suggest(
              (fixer) => fixer.replaceText(reported, `${receiver.name}.slice(${receiver.name}.lastIndexOf(${sourceCode.getText(separator)}) + 1)`),
              'the result is a `string`, never `undefined`',
            )
          : noFix('the separator is not one constant character, or the receiver is not a plain name');
      const offer = fixOrSuggest(decision, { messageId: 'suggestLastIndexOf' });
      context.report({
        data: { text: shorten(sourceCode.getText(reported)), where },
        messageId: 'lastPart',
        node: reported,
        suggest: offer.suggest,
      });
    }

    /**
     * For the first part bound by a declaration of its own, `const x = s.split(sep)[0]` (or
     * `const [x] = …`), with a plain name as receiver and a non-empty constant separator:
     * `const end = s.indexOf(sep); const x = end === -1 ? s : s.slice(0, end);`.
     */
    function indexOfSuggestion(call: SplitCall, value: TSESTree.Node): TSESLint.ReportSuggestionArray<MessageIds> {
      const declarator = value.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== value) return [];
      const declaration = declarator.parent;
      if (declaration.declarations.length !== 1 || !isStatementList(declaration.parent)) return [];
      const receiver = call.callee.object;
      const separator = call.arguments[0]!;
      const text = constantString(sourceCode, separator);
      if (receiver.type !== AST_NODE_TYPES.Identifier || text === null || text === '') return [];
      const name = getFreeName(sourceCode, declaration, declaration, ['end', 'cut', 'at']);
      const s = receiver.name;
      const target = declarator.id.type === AST_NODE_TYPES.ArrayPattern && !declarator.id.typeAnnotation ? declarator.id.elements[0] : declarator.id;
      if (target?.type !== AST_NODE_TYPES.Identifier || !['const', 'let', 'var'].includes(declaration.kind)) return [];
      const init = `${name} === -1 ? ${s} : ${s}.slice(0, ${name})`;
      const replacement = `${declaration.kind} ${sourceCode.getText(target)} = ${init}${sourceCode.getLastToken(declaration)?.value === ';' ? ';' : ''}`;
      return [
        {
          data: { reason: 'the same string: the part before the first separator, or the whole string' },
          fix: (fixer) => [
            ...insertStatementBefore(fixer, sourceCode, declaration, `const ${name} = ${s}.indexOf(${textForSlot(sourceCode, separator, 1)});`),
            fixer.replaceText(declaration, replacement),
          ],
          messageId: 'suggestIndexOf',
        },
      ];
    }

    return {
      'CallExpression[arguments.length=1] > MemberExpression.callee[property.name="split"]'(member: TSESTree.MemberExpression): void {
        const call = member.parent as TSESTree.CallExpression;
        const user = call.parent;
        // `s.split(sep)[k]`, `s.split(sep).at(k)`, `.shift()`, `.pop()`.
        if (user?.type === AST_NODE_TYPES.MemberExpression && user.object === call) {
          const name = user.computed ? null : getStaticPropertyName(user);
          if (user.computed) {
            if (isAssignmentTarget(user)) return;
            const index = constantNumber(sourceCode, user.property);
            if (index === null || !Number.isInteger(index) || index < 0 || index >= MAX_LIMIT - 1 || !isStringSplit(call)) return;
            report(call, user, index, index === 0 ? indexOfSuggestion(call, user) : []);
            return;
          }
          const method = user.parent;
          if (method?.type !== AST_NODE_TYPES.CallExpression || method.callee !== user) return;
          if (name === 'at' && method.arguments.length === 1) {
            const argument = method.arguments[0]!;
            const index = isMinusOne(argument) ? -1 : constantNumber(sourceCode, argument);
            if (index === null || !Number.isInteger(index) || index >= MAX_LIMIT - 1 || !isStringSplit(call)) return;
            if (index >= 0) report(call, method, index);
            else if (index === -1) reportLast(call, method);
          } else if (name === 'shift' && method.arguments.length === 0 && isStringSplit(call)) {
            report(call, method, 0);
          } else if (name === 'pop' && method.arguments.length === 0 && isStringSplit(call)) {
            reportLast(call, method);
          }
          return;
        }
        // `const [a, b] = s.split(sep)` (no rest element): the first parts only.
        if (user?.type === AST_NODE_TYPES.VariableDeclarator && user.init === call && user.id.type === AST_NODE_TYPES.ArrayPattern) {
          const { elements } = user.id;
          if (elements.length === 0 || elements.some((element) => element?.type === AST_NODE_TYPES.RestElement) || !isStringSplit(call)) return;
          report(call, call, elements.length - 1, elements.length === 1 ? indexOfSuggestion(call, call) : []);
        }
      },
    };
  },
});

/** The target of an assignment, an update or a `delete`: not a read of the part. */
function isAssignmentTarget(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  return (
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/** `-1`, written as a unary minus on the literal `1`. */
function isMinusOne(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '-' && node.argument.type === AST_NODE_TYPES.Literal && node.argument.value === 1;
}
