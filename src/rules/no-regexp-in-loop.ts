import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import { getStaticPropertyName, isGlobalReference, isModuleLevelBinding, topLevelStatement } from '../ast/index.js';
import { constantString } from '../analysis/constants.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS } from '../analysis/frequency.js';
import { isInvariantIn, isSettledBefore } from '../analysis/invariance.js';
import type { Loop } from '../analysis/loops.js';
import { statementBeforeLoop } from '../analysis/loops.js';
import { isStringLikeType } from '../analysis/types.js';
import type { FixDecision } from '../fixers/index.js';
import { fix, fixOrSuggest, getFreeName, insertStatementBefore, noFix, suggest } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [{ checkLiterals?: boolean } & Partial<FrequencyOptions>];
export type MessageIds = 'constructorInLoop' | 'literalInLoop' | TypeInformationMessageId | 'suggestHoist' | 'suggestHoistToModule';

type RegExpNode = TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.RegExpLiteral;

const STRING_METHODS = new Set(['match', 'matchAll', 'replace', 'replaceAll', 'search', 'split']);
const REGEXP_METHODS = new Set(['exec', 'test']);

export default createRule<Options, MessageIds>({
  name: 'no-regexp-in-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow building the same regular expression on every iteration of a loop',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      constructorInLoop:
        '`{{text}}` compiles the same pattern on every iteration of the {{loop}}: build it once outside the loop.',
      literalInLoop:
        'This regex literal creates a new RegExp object on every iteration of the {{loop}}: create it once outside the loop.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestHoist: 'Create it once before the loop as `{{name}}` ({{reason}}).',
      suggestHoistToModule: 'Create it once at module level as `{{name}}` ({{reason}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkLiterals: {
            type: 'boolean',
            description: 'Also report regex literals in loop bodies and tests (each evaluation allocates a RegExp object).',
          },
          ...FREQUENCY_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ checkLiterals: true, ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [{ checkLiterals, ...options }]) {
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, loops, services, sourceCode } = typed;
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };

    /** The enclosing loops (innermost first) across which `node` does not change: where to hoist. */
    function invariantLoops(node: RegExpNode): Loop[] {
      const enclosing = loops.enclosingLoops(node);
      if (node.type === AST_NODE_TYPES.Literal) return enclosing;
      const args = node.arguments;
      if (args.length === 0 || args.length > 2 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return [];
      const invariant: Loop[] = [];
      for (const loop of enclosing) {
        if (!args.every((argument) => isInvariantIn(sourceCode, argument, loop.node, { concatenation: true }))) break;
        invariant.push(loop);
      }
      return invariant;
    }

    /** Whether the RegExp object is only handed to `test`/`exec` or a string's `match`/`replace`/…. */
    function isUsedInPlace(node: RegExpNode): boolean {
      const parent = node.parent;
      if (
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === node &&
        REGEXP_METHODS.has(getStaticPropertyName(parent) ?? '') &&
        parent.parent.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent
      ) {
        return true;
      }
      if (
        parent?.type === AST_NODE_TYPES.CallExpression &&
        parent.arguments[0] === node &&
        parent.callee.type === AST_NODE_TYPES.MemberExpression &&
        STRING_METHODS.has(getStaticPropertyName(parent.callee) ?? '')
      ) {
        // Only a string's methods: a lookalike `replace` could keep the object.
        return isStringLikeType(checker, services.getTypeAtLocation(parent.callee.object));
      }
      return false;
    }

    function check(node: RegExpNode): void {
      const hoistable = invariantLoops(node);
      if (hoistable.length === 0) return;
      // Only the loops that evaluate it again: a block that always leaves a loop runs once per entry.
      const repeating = frequency.repeatingLoops(node).filter(({ loop }) => hoistable.includes(loop));
      const verdict = decide(frequency, node, frequencyOptions, { kind: 'constant', loops: repeating });
      if (!verdict.report) return;
      const named = verdict.loop!;
      const outermost = hoistable.at(-1)!;
      // Evaluated on some iterations only (or not on every run of an inner loop it leaves): before the
      // loop it would run when the original does not. Module level runs it once per process instead.
      const everyIteration = hoistable.every((loop) => repeating.some((r) => r.loop === loop && !r.conditional));
      const isLiteral = node.type === AST_NODE_TYPES.Literal;
      const data = {
        loop: named.loop.description,
        text: shorten(sourceCode.getText(node)),
      };
      const messageId = isLiteral ? 'literalInLoop' : 'constructorInLoop';
      const point = everyIteration ? statementBeforeLoop(outermost) : moduleLevelPoint(node);
      const name = point ? getFreeName(sourceCode, point, everyIteration ? point : sourceCode.ast, ['re', 'pattern', 'regex']) : 're';
      const decision = point
        ? decideFix(node, point, (fixer) => [
            ...insertStatementBefore(fixer, sourceCode, point, `const ${name} = ${sourceCode.getText(node)};`),
            fixer.replaceText(node, name),
          ])
        : noFix(everyIteration ? 'no statement before the loop to hoist to' : 'it runs on some iterations only, and its pattern is not a module-level constant');
      const offer = fixOrSuggest(decision, { data: { name }, messageId: everyIteration ? 'suggestHoist' : 'suggestHoistToModule' });
      context.report({ data, fix: offer.fix, messageId, node, suggest: offer.suggest });
    }

    /**
     * Before the module-level statement that holds `node`, when its pattern and flags need no name
     * that is not a module-level binding declared before that statement.
     */
    function moduleLevelPoint(node: RegExpNode): TSESTree.Statement | null {
      const point = topLevelStatement(node) as TSESTree.Statement;
      if (node.type === AST_NODE_TYPES.Literal) return point;
      const moduleLevel = node.arguments.every(
        (argument) =>
          argument.type === AST_NODE_TYPES.Literal ||
          (argument.type === AST_NODE_TYPES.TemplateLiteral && argument.expressions.length === 0) ||
          (argument.type === AST_NODE_TYPES.Identifier && isModuleLevelBinding(sourceCode, argument) && isSettledBefore(sourceCode, argument, point)),
      );
      return moduleLevel ? point : null;
    }

    /**
     * Hoisting is an autofix only when sharing one RegExp object cannot be observed: no `g`/`y` flag
     * (their `lastIndex` would carry over between iterations), the object goes only to
     * `test`/`exec`/a string method, and building it cannot throw (a literal, or constant valid
     * pattern and flags — otherwise hoisting would throw before a loop that runs zero times).
     */
    function decideFix(node: RegExpNode, point: TSESTree.Statement, apply: TSESLint.ReportFixFunction): FixDecision {
      // Every name in the pattern must already hold its final value where the declaration goes:
      // declared before that statement, and not assigned anywhere inside it.
      if (node.type !== AST_NODE_TYPES.Literal && !node.arguments.every((argument) => isSettledBefore(sourceCode, argument, point))) {
        return noFix('a name in the pattern is not settled before the loop');
      }
      let flags: string | null;
      let canThrow = false;
      if (node.type === AST_NODE_TYPES.Literal) {
        flags = node.regex.flags;
      } else {
        const [pattern, flagArgument] = node.arguments;
        const patternText = constantString(sourceCode, pattern);
        flags = flagArgument === undefined ? '' : constantString(sourceCode, flagArgument);
        if (patternText === null || flags === null) {
          canThrow = true;
        } else {
          try {
            new RegExp(patternText, flags);
          } catch {
            return noFix('the pattern is invalid');
          }
        }
      }
      if (flags === null) return suggest(apply, 'check that the flags have no `g` or `y`: one object would share its `lastIndex`');
      if (/[gy]/u.test(flags)) return suggest(apply, 'it has a `g` or `y` flag: reset `lastIndex` where the loop depends on it');
      if (!isUsedInPlace(node)) return suggest(apply, 'every iteration would get the same RegExp object');
      if (canThrow) return suggest(apply, 'an invalid pattern would now throw before the loop');
      return fix(apply);
    }

    return {
      'CallExpression[callee.name="RegExp"], NewExpression[callee.name="RegExp"]'(
        node: TSESTree.CallExpression | TSESTree.NewExpression,
      ): void {
        if (isGlobalReference(sourceCode, node.callee, 'RegExp')) check(node);
      },
      'Literal[regex]'(node: TSESTree.RegExpLiteral): void {
        if (checkLiterals) check(node);
      },
    };
  },
});
