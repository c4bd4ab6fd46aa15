import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { AST_NODE_TYPES, isTypeFlagSet, typescript } from '../util/deps.js';

import { findNode, findVariable, isFunction, isGlobalMember, usesThisOrArguments, writesIdentifier } from '../ast/index.js';
import { findEscape } from '../analysis/escapes.js';
import { findImpureNode } from '../analysis/fix-safety.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS, whereItRepeats } from '../analysis/frequency.js';
import { constrainedConstituents, getSizedCollectionKind, isPrimitiveType, isStringLikeType } from '../analysis/types.js';
import type { FixDecision } from '../fixers/index.js';
import { fix, fixOrSuggest, getFreeName, getIndent, hasCommentsInside, noFix, suggest, usesSemicolons } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [{ checkEveryCall?: boolean } & Partial<FrequencyOptions>];
export type MessageIds = 'entriesIteration' | 'suggestKeys' | TypeInformationMessageId;

/** Methods of the built-in collections and strings that run no user code on their own. */
const SAFE_METHODS = new Set(['add', 'at', 'endsWith', 'get', 'has', 'includes', 'indexOf', 'push', 'set', 'slice', 'startsWith', 'toLowerCase', 'toUpperCase', 'trim', 'unshift']);

/** What the rewrite needs: the `Object.entries(o)` call, the destructured pattern and the body it runs. */
interface Candidate {
  entries: TSESTree.CallExpression;
  pattern: TSESTree.ArrayPattern;
  body: TSESTree.Node;
  /** The statement the rewrite replaces a part of. */
  statement: TSESTree.ForOfStatement | TSESTree.ExpressionStatement;
}

export default createRule<Options, MessageIds>({
  name: 'no-object-entries-iteration',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow iterating `Object.entries()` of a record where it repeats, which allocates a `[key, value]` array per key',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS, checkEveryCall: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      entriesIteration:
        '`{{text}}` allocates a [key, value] array per key {{where}}: iterate `Object.keys()` and read the value.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestKeys: 'Iterate `Object.keys({{object}})` and read `{{object}}[{{key}}]` ({{reason}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkEveryCall: {
            type: 'boolean',
            description: 'Also report an iteration that runs once per call of a function not known to be hot (its per-key arrays repeat with the iteration itself).',
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

    /** `Object.entries(o)` of the global `Object`, with one plain argument. */
    function isEntriesCall(node: TSESTree.Node): node is TSESTree.CallExpression {
      return (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.arguments.length === 1 &&
        node.arguments[0]!.type !== AST_NODE_TYPES.SpreadElement &&
        isGlobalMember(sourceCode, node.callee, 'Object', 'entries')
      );
    }

    /**
     * A record: every member of the type has a string index signature (`Record<string, T>`,
     * `{ [key: string]: T }`, `NodeJS.Dict<T>`) and is no function, array, Map or primitive. Types
     * with only declared properties are left alone: `o[key]` with a `string` key would not type-check.
     */
    function isRecordType(type: ts.Type): boolean {
      const parts = constrainedConstituents(checker, type);
      return (
        parts.length > 0 &&
        parts.every(
          (part) =>
            !isTypeFlagSet(part, typescript.TypeFlags.Any | typescript.TypeFlags.Unknown) &&
            !isPrimitiveType(checker, part) &&
            getSizedCollectionKind(program, part) === null &&
            part.getCallSignatures().length === 0 &&
            checker.getIndexInfoOfType(part, typescript.IndexKind.String) !== undefined,
        )
      );
    }

    /** A property of the type is an accessor: `Object.entries` reads it once up front, `o[key]` in the body. */
    function hasAccessors(type: ts.Type): boolean {
      return constrainedConstituents(checker, type).some((part) =>
        part.getProperties().some((property) => (property.flags & typescript.SymbolFlags.Accessor) !== 0),
      );
    }

    function check(candidate: Candidate): void {
      const { entries } = candidate;
      const object = entries.arguments[0] as TSESTree.Expression;
      if (!isRecordType(services.getTypeAtLocation(object))) return;
      const verdict = decide(frequency, entries, frequencyOptions, { everyCall: checkEveryCall, hot: true, kind: 'constant', loops: frequency.repeatingLoops(entries) });
      if (!verdict.report) return;
      const objectText = sourceCode.getText(object);
      const [keyElement] = candidate.pattern.elements;
      const key = keyElement?.type === AST_NODE_TYPES.Identifier ? keyElement.name : getFreeName(sourceCode, candidate.body, candidate.statement, ['key', 'k']);
      const offer = fixOrSuggest(decideFix(candidate, object, key), { data: { key, object: shorten(objectText) }, messageId: 'suggestKeys' });
      context.report({
        data: { text: shorten(sourceCode.getText(entries)), where: whereItRepeats(verdict) },
        fix: offer.fix,
        messageId: 'entriesIteration',
        node: entries,
        suggest: offer.suggest,
      });
    }

    /**
     * The rewrite is an autofix when it provably reads what `Object.entries` would have read: the
     * object is a name the loop does not reassign, its type has no accessors, and the body changes
     * no property of any object that could be it (entries took a snapshot of the values; `o[key]`
     * reads them as the loop goes).
     */
    function decideFix(candidate: Candidate, object: TSESTree.Expression, key: string): FixDecision {
      const { body, pattern, statement } = candidate;
      const [keyElement, valueElement, ...rest] = pattern.elements;
      if (rest.length > 0) return noFix('more than two elements');
      if (keyElement && keyElement.type !== AST_NODE_TYPES.Identifier) return noFix('the key is not a plain name');
      if (valueElement && (valueElement.type === AST_NODE_TYPES.AssignmentPattern || valueElement.type === AST_NODE_TYPES.RestElement)) {
        return noFix('the value has a default or rest element');
      }
      if (pattern.typeAnnotation || hasCommentsInside(sourceCode, pattern.range)) return noFix('the pattern has a type annotation or a comment');
      // A callback's `return` would have to become `continue`, which means something else inside an inner loop;
      // its `var`s would move to the function around it, shared by every iteration's closures.
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
        if (findNode(body, (node) => node.type === AST_NODE_TYPES.ReturnStatement, isFunction)) return noFix('the callback returns');
        if (findNode(body, (node) => node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var', isFunction)) return noFix('the callback declares a `var`');
      }
      const apply = rewrite(candidate, object, key);
      if (!apply) return noFix('the statement has comments where the rewrite goes');
      // Keys only: `Object.keys` takes the same snapshot of the same keys, and the object is evaluated once either way.
      if (!valueElement) return fix(apply);
      const simple = object.type === AST_NODE_TYPES.Identifier;
      if (!simple && !isPlainMemberChain(object)) return noFix('the object is computed by a call');
      if (simple && writesIdentifier(body, object.name)) return noFix('the body reassigns the object');
      if (shadows(body, [object, key])) return noFix('the body declares a name the value read needs');
      if (!simple) return suggest(apply, `\`${shorten(sourceCode.getText(object))}\` is read again on every iteration`);
      if (hasAccessors(services.getTypeAtLocation(object))) return suggest(apply, 'its type has accessors: the value is read later');
      // Anything that might change a key or value of the object: a call other than a built-in string or
      // collection method, or a write to the object's name or to a member of anything but a fresh local.
      const risk = findImpureNode(sourceCode, body, (identifier) => identifier.name !== object.name, {
        isLocalMember: (member) => isFreshLocalMember(member, statement),
        isSafeCall,
      });
      if (risk) return suggest(apply, 'check that the body changes no key or value of the object: entries took a snapshot');
      return fix(apply);
    }

    /** The text edits, or `null` when they would drop a comment. */
    function rewrite(candidate: Candidate, object: TSESTree.Expression, key: string): TSESLint.ReportFixFunction | null {
      const { body, pattern, statement } = candidate;
      const valueElement = pattern.elements[1] ?? null;
      const semicolon = usesSemicolons(sourceCode) ? ';' : '';
      const objectText = sourceCode.getText(object);
      const bang = isTypeScriptFile && program.getCompilerOptions().noUncheckedIndexedAccess ? '!' : '';
      const kind = statement.type === AST_NODE_TYPES.ForOfStatement ? (statement.left as TSESTree.VariableDeclaration).kind : forEachKind(body, pattern);
      const declaration = valueElement ? `${kind} ${sourceCode.getText(valueElement)} = ${objectText}[${key}]${bang}${semicolon}` : '';
      const head = `${kind} ${key} of Object.keys(${objectText})`;
      const indent = getIndent(sourceCode, statement);
      const inner = body.type === AST_NODE_TYPES.BlockStatement && body.body.length > 0 ? getIndent(sourceCode, body.body[0]!) : `${indent}  `;
      if (statement.type === AST_NODE_TYPES.ForOfStatement) {
        const left = statement.left;
        const headRange: TSESTree.Range = [left.range[0], statement.right.range[1]];
        if (hasCommentsInside(sourceCode, headRange)) return null;
        return (fixer) => {
          const edits = [fixer.replaceTextRange(headRange, head)];
          if (!declaration) return edits;
          if (body.type === AST_NODE_TYPES.BlockStatement) {
            edits.push(fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `\n${inner}${declaration}`));
          } else {
            edits.push(fixer.replaceText(body, `{ ${declaration} ${sourceCode.getText(body)} }`));
          }
          return edits;
        };
      }
      // `Object.entries(o).forEach(cb);` → `for (… of Object.keys(o)) { … }`, keeping the callback's body text.
      const callback = (statement.expression as TSESTree.CallExpression).arguments[0] as TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
      if (hasCommentsInside(sourceCode, [statement.range[0], body.range[0]]) || hasCommentsInside(sourceCode, [body.range[1], statement.range[1]])) return null;
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) {
        const text = `for (${head}) { ${declaration ? `${declaration} ` : ''}${sourceCode.getText(callback.body)}${semicolon || ';'} }`;
        return (fixer) => fixer.replaceText(statement, text);
      }
      const block = callback.body;
      return (fixer) => [
        fixer.replaceTextRange([statement.range[0], block.range[0] + 1], `for (${head}) {${declaration ? `\n${inner}${declaration}` : ''}`),
        fixer.replaceTextRange([block.range[1] - 1, statement.range[1]], '}'),
      ];
    }

    /** `const` unless the callback reassigns a parameter. */
    function forEachKind(body: TSESTree.Node, pattern: TSESTree.ArrayPattern): string {
      const names = pattern.elements.flatMap((element) => (element?.type === AST_NODE_TYPES.Identifier ? [element.name] : []));
      return names.some((name) => writesIdentifier(body, name)) ? 'let' : 'const';
    }

    /**
     * `x.p` / `x[k]` where `x` is a `const` initialised with a fresh literal or `new` object that does
     * not escape before the loop ends: it cannot be the object being iterated.
     */
    function isFreshLocalMember(node: TSESTree.Node, statement: TSESTree.Node): boolean {
      if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
      let root: TSESTree.Node = node;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = findVariable(sourceCode, root);
      const def = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const') return false;
      const init = def.node.init;
      const fresh =
        init?.type === AST_NODE_TYPES.ObjectExpression || init?.type === AST_NODE_TYPES.ArrayExpression || init?.type === AST_NODE_TYPES.NewExpression;
      return fresh && def.node.id.type === AST_NODE_TYPES.Identifier && findEscape(variable, { before: statement.range[1], exports: true }) === null;
    }

    /**
     * A built-in string or collection method that runs no user code able to change the object (the
     * pure globals and `Math.*` are findImpureNode's own).
     */
    function isSafeCall(call: TSESTree.CallExpression): boolean {
      if (call.arguments.some((argument) => isFunction(argument))) return false;
      const { callee } = call;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return false;
      if (!SAFE_METHODS.has(callee.property.name)) return false;
      const receiver = services.getTypeAtLocation(callee.object);
      return isStringLikeType(checker, receiver) || getSizedCollectionKind(program, receiver) !== null;
    }

    /** `a.b.c` or `this.a`: no call, no computed part. */
    function isPlainMemberChain(node: TSESTree.Node): boolean {
      if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Identifier) return true;
      return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isPlainMemberChain(node.object);
    }

    /** The body's own block declares one of `names` (the read at its top would hit the temporal dead zone). */
    function shadows(body: TSESTree.Node, names: (TSESTree.Expression | string)[]): boolean {
      if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
      const wanted = new Set(names.flatMap((name) => (typeof name === 'string' ? [name] : name.type === AST_NODE_TYPES.Identifier ? [name.name] : [])));
      // A callback's body block is its function's scope: its parameters are the pair itself.
      return sourceCode.getScope(body).variables.some((variable) => wanted.has(variable.name) && !variable.defs.every((def) => def.type === 'Parameter'));
    }

    /** A `forEach` callback the loop can replace: one destructured parameter, no `this`/`arguments`/`return`, not async. */
    function forEachCallback(call: TSESTree.CallExpression): (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression) | null {
      const [callback, ...rest] = call.arguments;
      if (rest.length > 0 || !callback) return null;
      if (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression) return null;
      if (callback.async || callback.generator || callback.params.length !== 1 || callback.params[0]!.type !== AST_NODE_TYPES.ArrayPattern) return null;
      if (callback.type === AST_NODE_TYPES.FunctionExpression && usesThisOrArguments(callback)) return null;
      return callback;
    }

    return {
      'ForOfStatement[await=false] > CallExpression.right'(node: TSESTree.CallExpression): void {
        const statement = node.parent as TSESTree.ForOfStatement;
        const { left } = statement;
        // Only a destructured pair: a pair kept whole may be collected or passed on.
        if (left.type !== AST_NODE_TYPES.VariableDeclaration || left.declarations.length !== 1) return;
        const pattern = left.declarations[0]!.id;
        if (pattern.type !== AST_NODE_TYPES.ArrayPattern || !isEntriesCall(node)) return;
        check({ body: statement.body, entries: node, pattern, statement });
      },
      'ExpressionStatement > CallExpression.expression[callee.type="MemberExpression"][callee.property.name="forEach"]'(node: TSESTree.CallExpression): void {
        const callee = node.callee as TSESTree.MemberExpression;
        if (callee.computed || callee.optional || !isEntriesCall(callee.object)) return;
        const callback = forEachCallback(node);
        if (!callback) return;
        check({ body: callback.body, entries: callee.object, pattern: callback.params[0] as TSESTree.ArrayPattern, statement: node.parent as TSESTree.ExpressionStatement });
      },
    };
  },
});
