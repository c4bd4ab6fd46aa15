import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';
import type ts from 'typescript';

import {
  conditionalBranches,
  contains,
  findNode,
  findVariable,
  getStaticPropertyName,
  hasOptionalChain,
  isEmptyArrayLiteral,
  isEmptyObjectLiteral,
  isFunction,
  isGlobalReference,
  isIdentifierNamed,
  keyName,
  mentions,
  skipTypeWrappers,
  statementsOf,
} from '../ast/index.js';
import { escapeKindOf } from '../analysis/escapes.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS } from '../analysis/frequency.js';
import type { Loop } from '../analysis/loops.js';
import { getSizedCollectionKind, isArrayOrTupleType, isMutableArrayType, isPrimitiveType, isSafePropertyKeyType } from '../analysis/types.js';
import type { FixDecision } from '../fixers/index.js';
import { fix, fixOrSuggest, getFreeName, getIndent, getParenthesizedRange, hasCommentsInside, noFix, suggest } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [Partial<FrequencyOptions>];
export type MessageIds = 'accumulatingSpread' | TypeInformationMessageId | 'suggestMutate';

type Variable = TSESLint.Scope.Variable;

/** An expression that copies the accumulator and adds to it. */
interface Copy {
  kind: 'array-spread' | 'assign' | 'concat' | 'object-spread';
  node: TSESTree.Expression;
  /** The accumulator's own occurrence inside the copy (`acc` in `...acc`). */
  self: TSESTree.Identifier;
  /** Whether the accumulator comes first, so the copy appends (or, for objects, is overridden). */
  selfFirst: boolean;
}

const REMEDY: Record<Copy['kind'], string> = {
  'array-spread': '`{{name}}.push(…)`',
  assign: '`Object.assign({{name}}, …)`',
  concat: '`{{name}}.push(…)`',
  'object-spread': '`{{name}}[key] = value`',
};

export default createRule<Options, MessageIds>({
  name: 'no-accumulating-spread',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow copying an accumulator on every iteration (`[...acc, x]`, `{ ...acc, k: v }`, `acc.concat(x)`), which makes building it quadratic',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      accumulatingSpread:
        '`{{name}}` is copied in full on every {{where}} by `{{copy}}`, which makes building it quadratic: mutate it in place with {{remedy}}.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestMutate: 'Mutate `{{name}}` in place ({{reason}}).',
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

    /** Recognises a copy of the accumulator named `name`; syntax first, one type query for `concat`. */
    function asCopy(expression: TSESTree.Node, name: string): Copy | null {
      const node = skipTypeWrappers(expression.type === AST_NODE_TYPES.ChainExpression ? expression.expression : expression);
      const isSelf = (n: TSESTree.Node | null | undefined): n is TSESTree.Identifier =>
        n?.type === AST_NODE_TYPES.Identifier && n.name === name;
      if (node.type === AST_NODE_TYPES.ArrayExpression || node.type === AST_NODE_TYPES.ObjectExpression) {
        const elements: (TSESTree.Node | null)[] = node.type === AST_NODE_TYPES.ArrayExpression ? node.elements : node.properties;
        const index = elements.findIndex((e) => e?.type === AST_NODE_TYPES.SpreadElement && isSelf(e.argument));
        if (index < 0) return null;
        const self = (elements[index] as TSESTree.SpreadElement).argument as TSESTree.Identifier;
        return {
          kind: node.type === AST_NODE_TYPES.ArrayExpression ? 'array-spread' : 'object-spread',
          node,
          self,
          selfFirst: index === 0,
        };
      }
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return null;
      const method = getStaticPropertyName(node.callee);
      if (
        method === 'assign' &&
        isGlobalReference(sourceCode, node.callee.object, 'Object') &&
        node.arguments[0]?.type === AST_NODE_TYPES.ObjectExpression &&
        node.arguments[0].properties.length === 0
      ) {
        const index = node.arguments.findIndex((a) => isSelf(a));
        if (index < 0) return null;
        return { kind: 'assign', node, self: node.arguments[index] as TSESTree.Identifier, selfFirst: index === 1 };
      }
      if (method === 'concat' && isSelf(node.callee.object)) {
        // Only Array#concat: String#concat builds ropes and is not quadratic.
        if (!isArrayOrTupleType(program, services.getTypeAtLocation(node.callee.object))) return null;
        return { kind: 'concat', node, self: node.callee.object, selfFirst: true };
      }
      return null;
    }

    function reportCopy(copy: Copy, name: string, where: string, decision: FixDecision, loop: Loop | null): void {
      // Quadratic wherever the size is unbounded: not reported over a small fixed set or on an error path.
      if (loop && !decide(frequency, copy.node, frequencyOptions, { kind: 'quadratic', loop }).report) return;
      const data = {
        copy: shorten(sourceCode.getText(copy.node).replace(/\s+/gu, ' ')),
        name,
        remedy: REMEDY[copy.kind].replaceAll('{{name}}', name),
        where,
      };
      const offer = fixOrSuggest(decision, { data: { name }, messageId: 'suggestMutate' });
      context.report({ data, fix: offer.fix, messageId: 'accumulatingSpread', node: copy.node, suggest: offer.suggest });
    }

    /**
     * The in-place statements equivalent to `copy` for an accumulator that nobody else holds, or
     * `null` with the reason when no mechanical rewrite keeps behaviour.
     */
    function mutationStatements(copy: Copy, name: string, scopeNode: TSESTree.Node): { reason: string; statements: string[] | null } {
      if (!copy.selfFirst) {
        // `[x, ...acc]` prepends (unshift is as quadratic); `{ k: v, ...acc }` lets acc win.
        return { reason: 'the accumulator is not first', statements: null };
      }
      if (hasCommentsInside(sourceCode, copy.node.range)) return { reason: 'comments would be lost', statements: null };
      const node = skipTypeWrappers(copy.node);
      const text = (n: TSESTree.Node) => sourceCode.getText(n);
      switch (copy.kind) {
        case 'array-spread': {
          const rest = (node as TSESTree.ArrayExpression).elements.slice(1);
          if (rest.length === 0 || rest.some((e) => e === null)) return { reason: 'nothing is added', statements: null };
          // Every added value is evaluated before the copy exists, so `acc` must not appear in them
          // (in place, an earlier push would change what a later element sees).
          if (rest.some((e) => mentions(e!, name))) return { reason: `an added element reads \`${name}\``, statements: null };
          const statements: string[] = [];
          let pending: string[] = [];
          const flush = () => {
            if (pending.length > 0) statements.push(`${name}.push(${pending.join(', ')});`);
            pending = [];
          };
          for (const element of rest) {
            if (element!.type === AST_NODE_TYPES.SpreadElement) {
              // A spread element iterates like for…of (holes become undefined), never `push(...x)`,
              // which throws for large x.
              flush();
              const item = getFreeName(sourceCode, scopeNode, scopeNode, ['item', 'element', 'value']);
              statements.push(`for (const ${item} of ${text(element!.argument)}) ${name}.push(${item});`);
            } else {
              pending.push(text(element!));
            }
          }
          flush();
          return { reason: '', statements };
        }
        case 'object-spread': {
          const rest = (node as TSESTree.ObjectExpression).properties.slice(1);
          if (rest.length === 0) return { reason: 'nothing is added', statements: null };
          const statements: string[] = [];
          let reason = '';
          for (const [i, property] of rest.entries()) {
            // The first added value is evaluated before any write, but may only read members of
            // the accumulator (a bare `acc` or a closure over it would see the later writes).
            if (i === 0 ? !readsOnlyMembers(property, name) : mentions(property, name)) {
              return { reason: `an added value reads \`${name}\``, statements: null };
            }
            if (property.type === AST_NODE_TYPES.SpreadElement) {
              // A spread defines keys; Object.assign sets them, and an own `__proto__` key would set the prototype.
              reason ||= 'a spread object with an own `__proto__` key would set the prototype';
              statements.push(`Object.assign(${name}, ${text(property.argument)});`);
              continue;
            }
            if (property.kind !== 'init' || property.method) return { reason: 'a getter, setter or method is added', statements: null };
            if (!property.computed && keyName(property.key) === '__proto__') {
              return { reason: 'a `__proto__` key sets the prototype in a literal', statements: null };
            }
            if (property.computed && !isSafeComputedKey(property.key)) {
              reason ||= 'a computed key equal to `__proto__` would set the prototype';
            }
            const value = text(property.value);
            let target: string;
            if (property.computed) target = `${name}[${text(property.key)}]`;
            else if (property.key.type === AST_NODE_TYPES.Identifier) target = `${name}.${property.key.name}`;
            else target = `${name}[${text(property.key)}]`;
            statements.push(`${target} = ${value};`);
          }
          return { reason, statements };
        }
        case 'assign': {
          const call = node as TSESTree.CallExpression;
          if (call.arguments.slice(2).some((a) => mentions(a, name))) return { reason: `an added value reads \`${name}\``, statements: null };
          const rest = call.arguments.slice(2).map(text);
          return { reason: '', statements: [`Object.assign(${[name, ...rest].join(', ')});`] };
        }
        case 'concat': {
          const call = node as TSESTree.CallExpression;
          const statements: string[] = [];
          let reason = '';
          for (const argument of call.arguments) {
            if (argument.type === AST_NODE_TYPES.SpreadElement) return { reason: 'a spread argument', statements: null };
            if (mentions(argument, name)) return { reason: `an argument reads \`${name}\``, statements: null };
            const type = services.getTypeAtLocation(argument);
            const kind = getSizedCollectionKind(program, type);
            if (kind === 'array' || kind === 'tuple') {
              // concat copies the elements (keeping holes of a sparse array, where for…of reads
              // undefined), so the rewrite is a loop, offered as a suggestion.
              const item = getFreeName(sourceCode, scopeNode, scopeNode, ['item', 'element', 'value']);
              statements.push(`for (const ${item} of ${text(argument)}) ${name}.push(${item});`);
              reason = 'concat keeps the holes of a sparse array';
            } else if (kind === null && isPrimitiveType(checker, type)) {
              statements.push(`${name}.push(${text(argument)});`);
            } else {
              // May be an array (or spreadable) at run time: concat would flatten it, push would not.
              return { reason: 'the argument may be an array', statements: null };
            }
          }
          return { reason, statements };
        }
      }
    }

    /** Replaces `statement` (an expression statement or a return) by `lines`, adding braces where needed. */
    function replaceStatement(statement: TSESTree.Statement, lines: string[]): TSESLint.ReportFixFunction {
      const inList = statement.parent !== undefined && statementsOf(statement.parent) !== null;
      const indent = getIndent(sourceCode, statement);
      const text = inList || lines.length === 1 ? lines.join(`\n${indent}`) : `{ ${lines.join(' ')} }`;
      return (fixer) => fixer.replaceText(statement, text);
    }

    function checkReduce(call: TSESTree.CallExpression): void {
      const callee = call.callee as TSESTree.MemberExpression;
      const method = getStaticPropertyName(callee);
      if (method !== 'reduce' && method !== 'reduceRight') return;
      const callback = call.arguments[0];
      if (
        !callback ||
        (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression) ||
        callback.params[0]?.type !== AST_NODE_TYPES.Identifier
      ) {
        return;
      }
      const name = callback.params[0].name;
      // Every value the callback returns: the expression body, or each `return` argument.
      const returned: { site: TSESTree.Node; value: TSESTree.Node | null }[] = [];
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) {
        returned.push({ site: callback.body, value: callback.body });
      } else {
        findNode(
          callback.body,
          (node) => {
            if (node.type === AST_NODE_TYPES.ReturnStatement) returned.push({ site: node, value: node.argument });
            return false;
          },
          isFunction,
        );
      }
      const results: { copy: Copy; site: TSESTree.Node | null }[] = [];
      for (const { site, value } of returned) {
        if (!value) continue;
        const direct = asCopy(value, name);
        if (direct) {
          results.push({ copy: direct, site });
          continue;
        }
        // `x > 1 ? [...acc, x] : acc`: reported, but only a plain `return copy` is rewritten.
        for (const branch of conditionalBranches(value)) {
          const copy = asCopy(branch, name);
          if (copy) results.push({ copy, site: null });
        }
      }
      if (results.length === 0) return;
      // The type query comes last, after the syntax matched.
      if (!isArrayOrTupleType(program, services.getTypeAtLocation(callee.object))) return;
      const seed = call.arguments[1] ? skipTypeWrappers(call.arguments[1]) : null;
      const accumulator = findVariable(sourceCode, callback.params[0]);
      // The in-place rewrite is only sound when every call returns the accumulator itself or a copy of it.
      const onlyAccumulatorReturned = returned.every(
        ({ value }) => value !== null && (isIdentifierNamed(skipTypeWrappers(value), name) || asCopy(value, name) !== null),
      );
      for (const { copy, site } of results) {
        const decision =
          site && onlyAccumulatorReturned ? decideReduceFix(copy, site, seed, accumulator, callback, name) : noFix('not every call returns the accumulator');
        reportCopy(copy, name, `call of the \`${method}()\` callback`, decision, loops.iterationCallback(callback));
      }
    }

    /**
     * In a reducer, mutating in place is safe when the seed is a fresh `[]`/`{}` written in the call
     * (so no caller holds it) and no intermediate accumulator escapes the callback (stored, passed,
     * captured): then nothing can tell one object from a chain of copies.
     */
    function decideReduceFix(
      copy: Copy,
      site: TSESTree.Node,
      seed: TSESTree.Node | null,
      accumulator: Variable | null,
      callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression,
      name: string,
    ): FixDecision {
      const freshSeed =
        seed !== null &&
        ((isEmptyArrayLiteral(seed) && (copy.kind === 'array-spread' || copy.kind === 'concat')) ||
          (isEmptyObjectLiteral(seed) && (copy.kind === 'object-spread' || copy.kind === 'assign')));
      if (!freshSeed || !accumulator || hasOptionalChain(copy.node)) return noFix('the seed is not a fresh literal');
      // Reassigning the parameter (`acc = other`) would make the in-place write hit another object.
      if (accumulator.references.some((reference) => reference.isWrite())) return noFix('the accumulator is reassigned');
      if (!acceptsInPlaceWrites(copy, services.getTypeAtLocation(callback.params[0]!))) return noFix('its type does not accept in-place writes');
      const leak = accumulator.references.find((reference) => {
        const { identifier } = reference;
        if (contains(copy.node, identifier)) return false;
        const kind = escapeKindOf(identifier);
        if (kind === 'returned' && identifier.parent.type === AST_NODE_TYPES.ReturnStatement) return false;
        return kind !== null || reference.from.variableScope !== accumulator.scope.variableScope;
      });
      if (leak) return noFix('an intermediate accumulator escapes');
      const { reason, statements } = mutationStatements(copy, name, callback);
      if (!statements) return noFix(reason);
      const lines = [...statements, `return ${name};`];
      let apply: TSESLint.ReportFixFunction;
      if (site.type === AST_NODE_TYPES.ReturnStatement) {
        apply = replaceStatement(site, lines);
      } else {
        const range = getParenthesizedRange(sourceCode, site);
        const indent = getIndent(sourceCode, callback);
        apply = (fixer) => fixer.replaceTextRange(range, `{\n${indent}  ${lines.join(`\n${indent}  `)}\n${indent}}`);
      }
      return reason ? suggest(apply, reason) : fix(apply);
    }

    function checkRebind(node: TSESTree.AssignmentExpression): void {
      if (node.left.type !== AST_NODE_TYPES.Identifier) return;
      const name = node.left.name;
      const copy = asCopy(node.right, name);
      if (!copy) return;
      const variable = findVariable(sourceCode, node.left);
      if (!variable || variable.defs.length === 0) return;
      const carried = loops
        .enclosingLoops(node)
        .filter((loop) => variable.defs.every((def) => !contains(loop.node, def.name)));
      if (carried.length === 0) return;
      // It grows over every loop it is carried across: name the innermost one that is not small.
      const loop = carried.find((candidate) => !frequency.isSmall(candidate, frequencyOptions.minIterations)) ?? carried[0]!;
      reportCopy(copy, name, `iteration of the ${loop.description}`, decideRebindFix(copy, node, variable, carried.at(-1)!, name), loop);
    }

    /**
     * A loop accumulator can be mutated in place when it is a local `let` initialised with a fresh
     * literal, rebound only to copies of itself or to fresh literals, and not passed, stored,
     * returned or captured before the loop ends (afterwards nobody can tell the difference).
     */
    function decideRebindFix(
      copy: Copy,
      node: TSESTree.AssignmentExpression,
      variable: Variable,
      outermost: Loop,
      name: string,
    ): FixDecision {
      const def = variable.defs[0]!;
      if (variable.defs.length !== 1 || def.type !== 'Variable' || !def.node.init) return noFix('not one initialised declaration');
      const init = skipTypeWrappers(def.node.init);
      const fresh = isEmptyArrayLiteral(init) || isEmptyObjectLiteral(init);
      if (!fresh || node.parent.type !== AST_NODE_TYPES.ExpressionStatement) return noFix('not a fresh literal, or not a statement');
      const loopEnd = outermost.node.range[1];
      for (const reference of variable.references) {
        if (!reference.isWrite() || reference.init || reference.identifier.range[0] >= loopEnd) continue;
        const assignment = reference.identifier.parent;
        if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=') return noFix('written other than by `=`');
        const value = skipTypeWrappers(assignment.right);
        const isFresh = isEmptyArrayLiteral(value) || isEmptyObjectLiteral(value);
        if (!isFresh && !asCopy(assignment.right, name)) return noFix('rebound to another value');
      }
      if (!sameKind(copy, init) || hasOptionalChain(copy.node)) return noFix('another kind of container, or an optional chain');
      if (!acceptsInPlaceWrites(copy, services.getTypeAtLocation(def.name))) return noFix('its type does not accept in-place writes');
      const loopStart = outermost.node.range[0];
      for (const reference of variable.references) {
        const { identifier } = reference;
        if (reference.init || identifier.range[0] >= loopEnd) continue;
        if (isPartOfRebind(identifier as TSESTree.Identifier, name)) continue;
        // Inside the loop, any other use (iterating it, reading it, passing it) could see the difference.
        if (identifier.range[0] >= loopStart) return noFix('used in the loop');
        // Before the loop, it must not reach another name: passed, stored, returned or captured.
        const captured =
          reference.from.variableScope !== variable.scope.variableScope &&
          !(outermost.kind === 'callback' && contains(outermost.node, identifier));
        if (captured || escapeKindOf(identifier) !== null) return noFix('it escapes before the loop ends');
      }
      const { reason, statements } = mutationStatements(copy, name, node);
      if (!statements) return noFix(reason);
      const apply = replaceStatement(node.parent, statements);
      return reason ? suggest(apply, reason) : fix(apply);
    }

    /** `acc` as the target of `acc = <copy of acc>`, or as the copied value inside it. */
    function isPartOfRebind(identifier: TSESTree.Identifier, name: string): boolean {
      for (let node: TSESTree.Node | undefined = identifier.parent; node; node = node.parent) {
        if (node.type === AST_NODE_TYPES.AssignmentExpression) {
          const copy = node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name ? asCopy(node.right, name) : null;
          return copy !== null && (node.left === identifier || copy.self === identifier);
        }
        if (isFunction(node)) return false;
      }
      return false;
    }

    /**
     * The accumulator's declared type accepts the in-place writes: a mutable array for `push`; for
     * objects, an index signature (or the named property) for `acc[k] = v` / `acc.k = v`.
     */
    function acceptsInPlaceWrites(copy: Copy, type: ts.Type): boolean {
      if (copy.kind === 'array-spread' || copy.kind === 'concat') return isMutableArrayType(program, type);
      if (copy.kind === 'assign') return true;
      if (checker.getIndexInfosOfType(type).length > 0) return true;
      const node = skipTypeWrappers(copy.node) as TSESTree.ObjectExpression;
      return node.properties
        .slice(1)
        .every(
          (property) =>
            property.type === AST_NODE_TYPES.Property &&
            !property.computed &&
            keyName(property.key) !== null &&
            type.getProperty(keyName(property.key)!) !== undefined,
        );
    }

    /** A computed key that cannot be `'__proto__'`: a number, or a union of literals without it. */
    function isSafeComputedKey(key: TSESTree.Node): boolean {
      return isSafePropertyKeyType(checker, services.getTypeAtLocation(key));
    }

    return {
      'AssignmentExpression[operator="="][left.type="Identifier"]': checkRebind,
      'CallExpression[callee.type="MemberExpression"]': checkReduce,
    };
  },
});

/** The copy and the accumulator's initial literal are the same kind (`[]` for arrays, `{}` for objects). */
function sameKind(copy: Copy, init: TSESTree.Node): boolean {
  const isArray = copy.kind === 'array-spread' || copy.kind === 'concat';
  return isArray ? init.type === AST_NODE_TYPES.ArrayExpression : init.type === AST_NODE_TYPES.ObjectExpression;
}

/** Every mention of `name` in `node` is a plain member read (`acc[k]`, `acc.n`), outside closures. */
function readsOnlyMembers(node: TSESTree.Node, name: string): boolean {
  return (
    findNode(node, (n) => {
      if (isFunction(n)) return mentions(n, name);
      if (n.type !== AST_NODE_TYPES.Identifier || n.name !== name) return false;
      const parent = n.parent;
      const isMemberRead =
        parent?.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === n &&
        !(parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent);
      return !isMemberRead;
    }) === null
  );
}
