import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { AST_NODE_TYPES, isTypeFlagSet, typescript } from '../util/deps.js';

import { isGlobalMember } from '../ast/index.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS, whereItRepeats } from '../analysis/frequency.js';
import { constrainedConstituents, getSizedCollectionKind, isPrimitiveType } from '../analysis/types.js';
import { fixOrSuggest, getFreeName, hasCommentsInside, noFix, suggest, textForSlot, usesSemicolons } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [{ checkEveryCall?: boolean } & Partial<FrequencyOptions>];
export type MessageIds = 'emptinessCheck' | 'suggestHelper' | TypeInformationMessageId;

const HELPER_NAME = 'isEmptyObject';

export default createRule<Options, MessageIds>({
  name: 'no-object-keys-emptiness-check',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow building the array of an object\'s keys only to test whether it has any, where the test repeats',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS, checkEveryCall: true },
    },
    hasSuggestions: true,
    messages: {
      emptinessCheck:
        '`{{text}}` builds an array of every key to test emptiness {{where}}: stop at the first own key.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestHelper: 'Use a `{{name}}()` helper (`for…in` + own-key check) ({{reason}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkEveryCall: {
            type: 'boolean',
            description: 'Also report a test that runs once per call of a function not known to be hot.',
          },
          ...FREQUENCY_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ checkEveryCall: false, ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [{ checkEveryCall, ...options }]) {
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, program, services, sourceCode } = typed;
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };
    const isTypeScriptFile = /\.[cm]?tsx?$/u.test(context.filename);

    /** A plain object type: not `any`/`unknown`, a primitive, a function, an array, a Map or Set (`.length`/`.size` say it there). */
    function isObjectType(type: ts.Type): boolean {
      const parts = constrainedConstituents(checker, type);
      return (
        parts.length > 0 &&
        parts.every(
          (part) =>
            !isTypeFlagSet(part, typescript.TypeFlags.Any | typescript.TypeFlags.Unknown | typescript.TypeFlags.Never) &&
            !isPrimitiveType(checker, part) &&
            getSizedCollectionKind(program, part) === null &&
            part.getCallSignatures().length === 0,
        )
      );
    }

    /**
     * The expression that tests emptiness, and whether it is true for an empty object: `length === 0`
     * (true when empty), `length > 0`, `!length`, or `length` itself where only its truth is read.
     */
    function emptinessTest(length: TSESTree.MemberExpression): { test: TSESTree.Node; empty: boolean } | null {
      const parent = length.parent;
      if (parent.type === AST_NODE_TYPES.BinaryExpression) {
        const other = parent.left === length ? parent.right : parent.left;
        const value = other.type === AST_NODE_TYPES.Literal && typeof other.value === 'number' ? other.value : null;
        if (value === null) return null;
        // Written as `length OP value`: mirror `value OP length`.
        const mirrored: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
        const operator = parent.left === length ? parent.operator : (mirrored[parent.operator] ?? parent.operator);
        if (value === 0 && (operator === '===' || operator === '==' || operator === '<=')) return { empty: true, test: parent };
        if (value === 0 && (operator === '!==' || operator === '!=' || operator === '>')) return { empty: false, test: parent };
        if (value === 1 && operator === '<') return { empty: true, test: parent };
        if (value === 1 && operator === '>=') return { empty: false, test: parent };
        return null;
      }
      if (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === '!') return { empty: true, test: parent };
      return isTruthTested(length) ? { empty: false, test: length } : null;
    }

    /** Only the truth of `node` is read: an `if`/loop/`?:` test, or an operand of `&&`/`||` read that way. */
    function isTruthTested(node: TSESTree.Node): boolean {
      const parent = node.parent;
      if (!parent) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.ForStatement:
          return parent.test === node;
        case AST_NODE_TYPES.LogicalExpression:
          // `a && b` is `a` when `a` is falsy: only a condition reads just its truth.
          return (parent.operator === '&&' || parent.operator === '||') && isTruthTested(parent);
        default:
          return false;
      }
    }

    /** An existing module-level `function isEmptyObject(…)` the suggestion can call instead of adding one. */
    function existingHelper(): boolean {
      const variable = sourceCode.scopeManager?.globalScope?.childScopes[0]?.set.get(HELPER_NAME) ?? sourceCode.scopeManager?.globalScope?.set.get(HELPER_NAME);
      return variable?.defs.length === 1 && variable.defs[0]!.node.type === AST_NODE_TYPES.FunctionDeclaration && variable.defs[0]!.node.params.length === 1;
    }

    function helperText(hasOwn: boolean): string {
      const semicolon = usesSemicolons(sourceCode) ? ';' : '';
      const unit = /^(\t| +)\S/mu.exec(sourceCode.text)?.[1] ?? '  ';
      const parameter = isTypeScriptFile ? 'o: object' : 'o';
      const own = hasOwn ? 'Object.hasOwn(o, key)' : 'Object.prototype.hasOwnProperty.call(o, key)';
      const text = `function ${HELPER_NAME}(${parameter})${isTypeScriptFile ? ': boolean' : ''} {\n${unit}for (const key in o) if (${own}) return false${semicolon}\n${unit}return true${semicolon}\n}`;
      // After the last line, with one blank line before it.
      return sourceCode.text.endsWith('\n') ? `\n${text}\n` : `\n\n${text}\n`;
    }

    function check(call: TSESTree.CallExpression, length: TSESTree.MemberExpression): void {
      const tested = emptinessTest(length);
      if (!tested) return;
      const object = call.arguments[0] as TSESTree.Expression;
      if (!isObjectType(services.getTypeAtLocation(object))) return;
      const verdict = decide(frequency, call, frequencyOptions, { everyCall: checkEveryCall, hot: true, kind: 'constant' });
      if (!verdict.report) return;
      const reuse = existingHelper();
      const name = reuse ? HELPER_NAME : getFreeName(sourceCode, sourceCode.ast, sourceCode.ast, [HELPER_NAME]);
      const hasOwn = services.getTypeAtLocation((call.callee as TSESTree.MemberExpression).object).getProperty('hasOwn') !== undefined;
      const replacement = `${tested.empty ? '' : '!'}${name}(${textForSlot(sourceCode, object, 1)})`;
      const apply: TSESLint.ReportFixFunction = (fixer) => {
        const edits = [fixer.replaceText(tested.test, replacement)];
        if (!reuse) edits.push(fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], helperText(hasOwn)));
        return edits;
      };
      // Not an autofix: `for…in` also walks enumerable keys of the prototype chain (the own-key
      // check skips them, at a cost when there are many), and `Object.keys(null)` throws where the
      // helper returns true.
      const decision = hasCommentsInside(sourceCode, tested.test.range)
        ? noFix('a comment inside the test')
        : suggest(apply, '`null` no longer throws; inherited enumerable keys are walked and skipped');
      const offer = fixOrSuggest(decision, { data: { name }, messageId: 'suggestHelper' });
      context.report({
        data: { text: shorten(sourceCode.getText(tested.test)), where: whereItRepeats(verdict) },
        messageId: 'emptinessCheck',
        node: tested.test,
        suggest: offer.suggest,
      });
    }

    return {
      'MemberExpression[computed=false][property.name="length"] > CallExpression.object[arguments.length=1]'(node: TSESTree.CallExpression): void {
        if (!isGlobalMember(sourceCode, node.callee, 'Object', 'keys') || node.arguments[0]!.type === AST_NODE_TYPES.SpreadElement) return;
        const length = node.parent as TSESTree.MemberExpression;
        if (length.optional) return;
        check(node, length);
      },
    };
  },
});
