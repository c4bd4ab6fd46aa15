import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES, ASTUtils } from '@typescript-eslint/utils';

import { skipTypeWrappers, topLevelStatement } from '../analysis/ast.js';
import { functionName } from '../analysis/ast.js';
import { getHotPathModel } from '../analysis/hot-path.js';
import type { Loop } from '../analysis/loops.js';
import { contains, getLoopAnalysis, getStaticPropertyName, isFunction, nearestFunction, statementBeforeLoop } from '../analysis/loops.js';
import { claimStatementList, getFreeName, getIndent, insertBeforeWithComments } from '../fixers/index.js';
import { figure } from '../generated/bench-figures.js';
import { createRule } from '../util/create-rule.js';
import { constantCase } from '../util/text.js';

export type Options = [{ checkDynamic?: boolean }];
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
      strictOptions: { checkDynamic: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      constantStringify:
        'This `JSON.stringify` of a constant runs {{hot}} and builds the same string every time ({{cost}} and {{bytes}} per call, measured on Node {{node}}): compute it once at module level.{{profile}}',
      deepCloneViaJson:
        '`JSON.parse(JSON.stringify(…))` {{hot}} serializes and re-parses the whole value on every call: copy only the shape you need (a shape-specific copy took {{copy}} of the time; `structuredClone` took {{clone}}, measured on Node {{node}}).{{profile}}',
      dynamicStringify:
        '`JSON.stringify` {{hot}} rediscovers the shape of the value on every call: a schema-compiled serializer (fast-json-stringify, Fastify response schemas) does not (reported because `checkDynamic` is on).{{profile}}',
      invariantInLoop:
        '`JSON.stringify({{name}})` runs {{hot}}, but `{{name}}` does not change there: stringify it once before the loop.{{profile}}',
      repeatedStringify:
        '`{{name}}` was already stringified at line {{line}} and has not changed since: reuse that string (stringifying once took {{figure}} of the time, measured on Node {{node}}).{{profile}}',
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
        },
      },
    ],
    defaultOptions: [{ checkDynamic: false }],
  },
  create(context, [{ checkDynamic }]) {
    const { sourceCode } = context;
    const loops = getLoopAnalysis(sourceCode);
    const model = getHotPathModel(context, loops);

    /** `JSON.stringify(…)` / `JSON.parse(…)` on the global JSON. */
    function isJsonCall(node: TSESTree.Node, method: 'parse' | 'stringify'): node is Call {
      if (
        node.type !== AST_NODE_TYPES.CallExpression ||
        node.callee.type !== AST_NODE_TYPES.MemberExpression ||
        node.callee.object.type !== AST_NODE_TYPES.Identifier ||
        node.callee.object.name !== 'JSON' ||
        getStaticPropertyName(node.callee) !== method
      ) {
        return false;
      }
      const variable = ASTUtils.findVariable(sourceCode.getScope(node), node.callee.object);
      return !variable || variable.defs.length === 0;
    }

    /** The replacer and space are absent or constant, so the output depends on the value only. */
    function hasConstantOptions(call: Call): boolean {
      const [, replacer, space] = call.arguments;
      const replacerOk = !replacer || (replacer.type === AST_NODE_TYPES.Literal && replacer.value === null) || isUndefined(replacer);
      const spaceOk = !space || (space.type === AST_NODE_TYPES.Literal && (typeof space.value === 'number' || typeof space.value === 'string'));
      return replacerOk && spaceOk && call.arguments.length <= 3 && !call.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement);
    }

    /**
     * A `const` initialised with a constant literal, never written through, passed on, or exported:
     * every other reference is a plain property read or another `JSON.stringify` of it.
     */
    function constantBinding(identifier: TSESTree.Identifier): { init: TSESTree.Expression; variable: TSESLint.Scope.Variable } | null {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (!variable || def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return null;
      // A module-level constant is referred to by name, so type wrappers around it may stay; a
      // local one is copied to module level, where a local type it names would not exist.
      const atModuleLevel = def.parent.parent?.type === AST_NODE_TYPES.Program;
      if (!isConstantLiteral(atModuleLevel ? skipTypeWrappers(def.node.init) : def.node.init)) return null;
      if (def.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return null;
      const untouched = variable.references.every((reference) => {
        if (reference.init) return true;
        const { identifier: id } = reference;
        const parent = id.parent;
        if (parent.type === AST_NODE_TYPES.CallExpression && isJsonCall(parent, 'stringify') && parent.arguments[0] === id) return true;
        return isPlainRead(id);
      });
      return untouched ? { init: def.node.init, variable } : null;
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
        data: {
          bytes: figure('no-json-stringify-in-hot-path.constantBytes'),
          cost: figure('no-json-stringify-in-hot-path.constantPerCall'),
          hot,
          node: figure('node'),
        },
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
      const variable = ASTUtils.findVariable(sourceCode.getScope(argument), argument);
      if (!variable || variable.defs.length === 0) return false;
      if (variable.defs.some((def) => contains(loop.node, def.name))) return false;
      const touched = variable.references.some(
        (reference) =>
          contains(loop.node, reference.identifier) &&
          reference.identifier !== argument &&
          !(isPlainRead(reference.identifier) || isStringifyArgument(reference.identifier)),
      );
      if (touched) return false;
      const point = statementBeforeLoop(loop);
      const name = argument.name;
      const variableName = point ? getFreeName(sourceCode, point, point, [`${name}Json`]) : `${name}Json`;
      context.report({
        data: { hot, name },
        messageId: 'invariantInLoop',
        node: call,
        suggest: point
          ? [
              {
                data: { name, variable: variableName },
                // A suggestion, not a fix: a function called in the loop could still change the
                // object through another reference.
                fix: (fixer) => [
                  fixer.insertTextBefore(point, `const ${variableName} = ${sourceCode.getText(call)};\n${getIndent(sourceCode, point)}`),
                  fixer.replaceText(call, variableName),
                  claimStatementList(fixer, point),
                ],
                messageId: 'suggestBeforeLoop',
              },
            ]
          : [],
      });
      return true;
    }

    /** The same binding stringified earlier in the same block, with no reference to it in between. */
    function reportRepeated(call: Call, argument: TSESTree.Identifier): boolean {
      const variable = ASTUtils.findVariable(sourceCode.getScope(argument), argument);
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
      context.report({
        data: { figure: figure('no-json-stringify-in-hot-path.onceRatio'), line: first.loc.start.line, name: argument.name, node: figure('node') },
        messageId: 'repeatedStringify',
        node: call,
        suggest:
          reuse === null
            ? []
            : [
                {
                  data: { line: first.loc.start.line, variable: reuse },
                  // A suggestion: a call between the two could change the value through an alias.
                  fix: (fixer) => fixer.replaceText(call, reuse),
                  messageId: 'suggestReuse',
                },
              ],
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
        const reason = model.hotness(call);
        if (!reason) return;
        const hot = reason.description;
        const parent = call.parent;
        if (isJsonCall(parent, 'parse') && parent.arguments[0] === call) {
          context.report({
            data: {
              clone: figure('no-json-stringify-in-hot-path.structuredCloneRatio'),
              copy: figure('no-json-stringify-in-hot-path.shapeCopyRatio'),
              hot,
              node: figure('node'),
            },
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
          const loop = loops.enclosingLoops(call)[0];
          if (loop && reason.kind === 'loop' && reportInvariant(call, loop, argument, hot)) return;
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

function isUndefined(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined';
}

/**
 * `v.a.b` read where the value cannot be changed or kept: compared, tested, computed with, put in a
 * template, or stringified. Anything else — an assignment or destructuring target, a call (as
 * receiver or argument), an alias, an iteration — might mutate the object, so it does not count.
 */
function isPlainRead(id: TSESTree.Node): boolean {
  let node: TSESTree.Node = id;
  let member = false;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      member = true;
      node = parent;
    } else if (
      parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent?.type === AST_NODE_TYPES.TSAsExpression ||
      parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent?.type === AST_NODE_TYPES.TSTypeAssertion
    ) {
      node = parent;
    } else {
      break;
    }
  }
  const parent = node.parent;
  if (!member || !parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.ExpressionStatement:
      return true;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator !== 'delete';
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === node;
    case AST_NODE_TYPES.CallExpression:
      return (
        parent.arguments[0] === node &&
        parent.callee.type === AST_NODE_TYPES.MemberExpression &&
        parent.callee.object.type === AST_NODE_TYPES.Identifier &&
        parent.callee.object.name === 'JSON' &&
        getStaticPropertyName(parent.callee) === 'stringify'
      );
    default:
      return false;
  }
}

/** The statement holding `node` directly in a block (not crossing a function). */
function statementInBlock(node: TSESTree.Node): TSESTree.Node | null {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.BlockStatement && current.parent.type !== AST_NODE_TYPES.Program) {
    if (isFunction(current.parent)) return null;
    current = current.parent;
  }
  return current.parent ? current : null;
}

