import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import {
  contains,
  findVariable,
  functionName,
  isGlobalMember,
  isUndefinedIdentifier,
  nearestFunction,
  skipTypeWrappers,
  statementInBlock,
  topLevelStatement,
} from '../ast/index.js';
import { findEscape, isReadOnlyMemberUse } from '../analysis/escapes.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS, whereItRepeats } from '../analysis/frequency.js';
import { getHotPathModel } from '../analysis/hot-path.js';
import type { Loop } from '../analysis/loops.js';
import { getLoopAnalysis, statementBeforeLoop } from '../analysis/loops.js';
import { claimStatementList, fixOrSuggest, getFreeName, insertBeforeWithComments, insertStatementBefore, noFix, suggest } from '../fixers/index.js';
import { createRule } from '../kit/index.js';
import { constantCase } from '../util/text.js';

export type Options = [{ checkDynamic?: boolean } & Partial<FrequencyOptions>];
export type MessageIds =
  | 'constantStringify'
  | 'deepCloneViaJson'
  | 'dynamicStringify'
  | 'invariantInLoop'
  | 'repeatedStringify'
  | 'suggestBeforeLoop'
  | 'suggestReuse';

type Call = TSESTree.CallExpression;

export default createRule<Options, MessageIds>({
  name: 'no-json-stringify-in-hot-path',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow serializing the same value again on every request or iteration',
      recommended: 'recommended',
      requiresTypeChecking: false,
      strictOptions: { checkDynamic: true, ...STRICT_FREQUENCY_OPTIONS },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      constantStringify:
        'This `JSON.stringify` of a constant runs {{hot}} and builds the same string every time: compute it once at module level.',
      deepCloneViaJson:
        '`JSON.parse(JSON.stringify(…))` {{hot}} serializes and re-parses the whole value every time: copy only the fields you need.',
      dynamicStringify:
        '`JSON.stringify` {{hot}} rediscovers the value\'s shape each call: a schema-compiled serializer (fast-json-stringify) does not.',
      invariantInLoop:
        '`JSON.stringify({{name}})` runs {{hot}}, but `{{name}}` does not change there: stringify it once before the loop.',
      repeatedStringify:
        '`{{name}}` was already stringified at line {{line}} and has not changed since: reuse that string.',
      suggestBeforeLoop: 'Stringify `{{name}}` once before the loop, as `{{variable}}`.',
      suggestReuse: 'Reuse `{{variable}}` from line {{line}}.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkDynamic: {
            type: 'boolean',
            description: 'Also report per-request stringification of dynamic values (suggesting a schema-compiled serializer).',
          },
          ...FREQUENCY_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ checkDynamic: false, ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [{ checkDynamic, ...options }]) {
    const { sourceCode } = context;
    const loops = getLoopAnalysis(sourceCode);
    const model = getHotPathModel(context, loops);
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };

    /** `JSON.stringify(…)` / `JSON.parse(…)` on the global JSON. */
    function isJsonCall(node: TSESTree.Node, method: 'parse' | 'stringify'): node is Call {
      return node.type === AST_NODE_TYPES.CallExpression && isGlobalMember(sourceCode, node.callee, 'JSON', method);
    }

    /** The replacer and space are absent or constant, so the output depends on the value only. */
    function hasConstantOptions(call: Call): boolean {
      const [, replacer, space] = call.arguments;
      const replacerOk = !replacer || (replacer.type === AST_NODE_TYPES.Literal && replacer.value === null) || isUndefinedIdentifier(replacer);
      const spaceOk = !space || (space.type === AST_NODE_TYPES.Literal && (typeof space.value === 'number' || typeof space.value === 'string'));
      return replacerOk && spaceOk && call.arguments.length <= 3 && !call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement);
    }

    /**
     * A `const` initialised with a constant literal, never written through, passed on, or exported:
     * every other reference is a plain property read or another `JSON.stringify` of it.
     */
    function constantBinding(identifier: TSESTree.Identifier): { init: TSESTree.Expression; variable: TSESLint.Scope.Variable } | null {
      const variable = findVariable(sourceCode, identifier);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!variable || def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return null;
      // A module-level constant is referred to by name, so type wrappers around it may stay; a
      // local one is copied to module level, where a local type it names would not exist.
      const atModuleLevel = def.parent.parent?.type === AST_NODE_TYPES.Program;
      if (!isConstantLiteral(atModuleLevel ? skipTypeWrappers(def.node.init) : def.node.init)) return null;
      // Not exported, and every use reads it (closures included) or stringifies it.
      const escape = findEscape(variable, {
        allowCapturesIn: 'anywhere',
        classify: ({ identifier: id }) => (isStringifyArgument(id) || isReadOnlyMemberUse(id) ? 'contained' : 'used'),
      });
      return escape ? null : { init: def.node.init, variable };
    }

    function reportConstant(call: Call, hot: string): void {
      const argument = call.arguments[0] as TSESTree.Expression;
      const binding = argument.type === AST_NODE_TYPES.Identifier ? constantBinding(argument) : null;
      const literal = binding ? null : isConstantLiteral(argument) ? argument : null;
      if (!binding && !literal) return;
      const program = sourceCode.ast;
      const bindingDeclaration = binding?.variable.defs[0]?.parent;
      const atModuleLevel = bindingDeclaration?.parent?.type === AST_NODE_TYPES.Program;
      // Insert after a module-level binding, or before the top-level statement holding the call
      // (a literal has no names, so it can run earlier without a temporal dead zone).
      const anchor = atModuleLevel ? bindingDeclaration! : topLevelStatement(call);
      const enclosing = nearestFunction(call);
      const base = binding ? binding.variable.name : ((enclosing && functionName(enclosing)) ?? 'static');
      const name = getFreeName(sourceCode, program, program, [`${constantCase(base)}_JSON`]);
      const source = binding && !atModuleLevel ? sourceCode.getText(binding.init) : sourceCode.getText(argument);
      const rest = call.arguments.slice(1).map((a) => `, ${sourceCode.getText(a)}`).join('');
      const declaration = `const ${name} = JSON.stringify(${source}${rest});`;
      context.report({
        data: { hot },
        // Always a fix: the value is a constant literal nothing changes, so one string serves every call.
        fix: (fixer) => [
          atModuleLevel
            ? fixer.insertTextAfter(anchor, `\n${declaration}`)
            : insertBeforeWithComments(fixer, sourceCode, anchor, `${declaration}\n\n`),
          fixer.replaceText(call, name),
          claimStatementList(fixer, anchor),
        ],
        messageId: 'constantStringify',
        node: call,
      });
    }

    /** `JSON.stringify(v)` in a loop where `v` is declared before the loop and untouched in it. */
    function reportInvariant(call: Call, loop: Loop, argument: TSESTree.Identifier, hot: string): boolean {
      const variable = findVariable(sourceCode, argument);
      if (!variable || variable.defs.length === 0) return false;
      if (variable.defs.some((def) => contains(loop.node, def.name))) return false;
      // Inside the loop, every other use only reads it: no write, call, alias or mutation.
      const touched = findEscape(variable, {
        allowCapturesIn: 'anywhere',
        classify: ({ identifier: id }) => (id === argument || isReadOnlyMemberUse(id) || isStringifyArgument(id) ? 'contained' : 'used'),
        exports: false,
        within: loop.node,
      });
      if (touched) return false;
      const point = statementBeforeLoop(loop);
      const name = argument.name;
      const variableName = point ? getFreeName(sourceCode, point, point, [`${name}Json`]) : `${name}Json`;
      const decision = point
        ? suggest(
            (fixer) => [
              ...insertStatementBefore(fixer, sourceCode, point, `const ${variableName} = ${sourceCode.getText(call)};`),
              fixer.replaceText(call, variableName),
            ],
            // Not a fix: a function called in the loop could still change the object through another reference.
            'a call in the loop could change it through another reference',
          )
        : noFix('no statement before the loop');
      const offer = fixOrSuggest(decision, { data: { name, variable: variableName }, messageId: 'suggestBeforeLoop' });
      context.report({
        data: { hot, name },
        messageId: 'invariantInLoop',
        node: call,
        suggest: offer.suggest,
      });
      return true;
    }

    /** The same binding stringified earlier in the same block, with no reference to it in between. */
    function reportRepeated(call: Call, argument: TSESTree.Identifier): boolean {
      const variable = findVariable(sourceCode, argument);
      if (!variable) return false;
      const statement = statementInBlock(call);
      if (!statement) return false;
      const earlier = variable.references
        .map((reference) => reference.identifier)
        .filter((id) => id.range[1] <= call.range[0] && isStringifyArgument(id))
        .at(-1);
      if (!earlier) return false;
      const first = earlier.parent as Call;
      const firstStatement = statementInBlock(first);
      if (!firstStatement || firstStatement.parent !== statement.parent || sourceCode.getText(first) !== sourceCode.getText(call)) return false;
      // Nothing may touch the value between the two: no reference at all, and no write.
      const between = variable.references.some(
        (reference) => reference.identifier.range[0] > first.range[1] && reference.identifier.range[1] < call.range[0],
      );
      if (between) return false;
      const declarator = first.parent;
      const reuse =
        declarator.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init === first &&
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        declarator.parent.kind === 'const'
          ? declarator.id.name
          : null;
      const decision =
        reuse === null
          ? noFix('the first string is not kept in a `const`')
          : // A suggestion: a call between the two could change the value through an alias.
            suggest((fixer) => fixer.replaceText(call, reuse), 'a call between the two could change the value through an alias');
      const offer = fixOrSuggest(decision, { data: { line: first.loc.start.line, variable: reuse }, messageId: 'suggestReuse' });
      context.report({
        data: { line: first.loc.start.line, name: argument.name },
        messageId: 'repeatedStringify',
        node: call,
        suggest: offer.suggest,
      });
      return true;
    }

    function isStringifyArgument(id: TSESTree.Node): boolean {
      const parent = id.parent;
      return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === id && isJsonCall(parent, 'stringify');
    }

    return {
      'CallExpression[callee.property.name="stringify"]'(call: Call): void {
        if (!isJsonCall(call, 'stringify') || call.arguments.length === 0) return;
        if (!model.hotness(call)) return;
        // Hot, and repeating there: not on an error path, in a small loop, in once-code or an awaiting iteration.
        const verdict = decide(frequency, call, frequencyOptions, { hot: true, kind: 'constant' });
        if (!verdict.report) return;
        const hot = whereItRepeats(verdict);
        const parent = call.parent;
        if (isJsonCall(parent, 'parse') && parent.arguments[0] === call) {
          context.report({
            data: { hot },
            messageId: 'deepCloneViaJson',
            node: parent,
          });
          return;
        }
        const argument = call.arguments[0]!;
        if (hasConstantOptions(call) && (isConstantLiteral(argument) || (argument.type === AST_NODE_TYPES.Identifier && constantBinding(argument)))) {
          reportConstant(call, hot);
          return;
        }
        // A replacer or space that varies would make "the same value" print differently.
        if (argument.type === AST_NODE_TYPES.Identifier && call.arguments.length === 1) {
          const loop = verdict.loop?.loop;
          if (loop && reportInvariant(call, loop, argument, hot)) return;
          if (reportRepeated(call, argument)) return;
        }
        if (checkDynamic) context.report({ data: { hot }, messageId: 'dynamicStringify', node: call });
      },
    };
  },
});

/** A JSON-safe literal with no names and no code: `{ ok: true, tags: ['a'] }`, `'x'`, `-1`, `null`. */
function isConstantLiteral(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return !('regex' in node && node.regex) && !('bigint' in node && node.bigint);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return (node.operator === '-' || node.operator === '+') && node.argument.type === AST_NODE_TYPES.Literal && typeof node.argument.value === 'number';
    case AST_NODE_TYPES.ArrayExpression:
      return node.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isConstantLiteral(element));
    case AST_NODE_TYPES.ObjectExpression:
      return node.properties.every(
        (property) =>
          property.type === AST_NODE_TYPES.Property &&
          property.kind === 'init' &&
          !property.method &&
          !property.computed &&
          !(property.key.type === AST_NODE_TYPES.Identifier && (property.key.name === '__proto__' || property.key.name === 'toJSON')) &&
          isConstantLiteral(property.value),
      );
    case AST_NODE_TYPES.TSAsExpression:
      // Only `as const`: another type could be local to the function and missing at module level.
      return (
        node.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
        node.typeAnnotation.typeName.type === AST_NODE_TYPES.Identifier &&
        node.typeAnnotation.typeName.name === 'const' &&
        isConstantLiteral(node.expression)
      );
    default:
      return false;
  }
}
