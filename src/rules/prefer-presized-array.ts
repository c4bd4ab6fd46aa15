import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';
import { AST_NODE_TYPES, ASTUtils } from '../util/deps.js';

import {
  bodyStatements,
  contains,
  directlyPrecedes,
  findNode,
  findVariable,
  getStaticPropertyName,
  hasAwaitOrYield,
  isDeclaredIn,
  isFunction,
  isGlobalReference,
  isInsideTry,
  isLoopStatement,
  isNewEmptyArray,
  keyName,
  mentions,
  nextStatement,
  outermostTypeWrapper,
  skipTypeWrappers,
  usesThisOrArguments,
} from '../ast/index.js';
import { constantNumber } from '../analysis/constants.js';
import { findEscape } from '../analysis/escapes.js';
import { findImpureNode } from '../analysis/fix-safety.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS } from '../analysis/frequency.js';
import { isInvariantIn } from '../analysis/invariance.js';
import type { Loop } from '../analysis/loops.js';
import { countedLoop, findEarlyExit } from '../analysis/loops.js';
import type { SizedCollectionKind } from '../analysis/types.js';
import { getSizedCollectionKind, isArrayOrTupleType, isLengthOf, isNumberType } from '../analysis/types.js';
import type { FixDecision } from '../fixers/index.js';
import { claimStatementList, fix, fixOrSuggest, getFreeName, getIndent, getPrecedence, hasCommentsInside, insertStatementBefore, noFix, suggest, textForSlot, typeTextAt, usesSemicolons } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, deprecatedOption, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [
  {
    arrayFrom?: boolean;
    forLoops?: boolean;
    rangeLoops?: boolean;
    reportEarlyExits?: boolean;
    /** @deprecated The old name of `reportEarlyExits`, with the opposite value: `simple: false` is `reportEarlyExits: true`. */
    simple?: boolean;
  } & Partial<FrequencyOptions>,
];
export type MessageIds =
  | 'arrayFromLength'
  | 'presize'
  | 'presizeWithExit'
  | TypeInformationMessageId
  | 'suggestMap'
  | 'suggestPresize';

type Variable = TSESLint.Scope.Variable;
type SourceKind = SizedCollectionKind | 'counted';

/** A loop that pushes one element per iteration into an array declared empty just for it. */
interface Candidate {
  /** The loop statement, or the `forEach` call's statement. */
  statement: TSESTree.Statement;
  /** The loop or the forEach callback: the region that repeats. */
  loop: TSESTree.Node;
  /** Statements executed per iteration. */
  body: TSESTree.Node;
  push: TSESTree.CallExpression & { callee: TSESTree.MemberExpression; arguments: [TSESTree.Expression] };
  out: Variable;
  declaration: TSESTree.VariableDeclaration & { declarations: [TSESTree.VariableDeclarator] };
  /** The empty-array initializer, inside any `as T[]`. */
  init: TSESTree.Expression;
  kind: SourceKind;
  /** Source text of the size: `src.length`, `set.size`, `n`. */
  size: string;
  /** For counted loops, the loop variable (the fix writes `out[i] = …`). */
  index?: TSESTree.Identifier;
  /** Whether the size is provably a non-negative integer (`.length`, `.size`, an integer literal). */
  sizeIsLength: boolean;
}

type ArrayFromDeclarator = TSESTree.VariableDeclarator & { id: TSESTree.Identifier };

/** `const xs = Array.from({ length: n }, fn)`, narrowed by the selector and the checks in `checkArrayFrom`. */
interface ArrayFromCandidate {
  call: TSESTree.CallExpression;
  callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  declaration: TSESTree.VariableDeclaration;
  declarator: ArrayFromDeclarator;
  /** The `length` property's value. */
  length: TSESTree.Expression;
  /** The declaration, or the `export` around it. */
  statement: TSESTree.Node;
}

type CallbackBody =
  | { kind: 'expression'; value: TSESTree.Expression }
  | { kind: 'block'; block: TSESTree.BlockStatement; returned: TSESTree.ReturnStatement & { argument: TSESTree.Expression } };

/** Where a declaration can be followed by a loop statement. */
const STATEMENT_LISTS = new Set<string>([AST_NODE_TYPES.BlockStatement, AST_NODE_TYPES.Program, AST_NODE_TYPES.StaticBlock, AST_NODE_TYPES.SwitchCase]);

const TYPE_DECLARATIONS = new Set<string>([
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.TSEnumDeclaration,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSTypeAliasDeclaration,
]);

/** Methods that add elements: after them an unannotated array's element type is wider. */
const GROWING_METHODS = new Set(['fill', 'push', 'splice', 'unshift']);


/** "element of the array `src`", "iteration of the counted loop". */
function describeUnit(kind: SourceKind, source: string): string {
  switch (kind) {
    case 'counted':
      return 'iteration of the counted loop';
    case 'map':
      return `entry of the Map \`${source}\``;
    case 'set':
      return `element of the Set \`${source}\``;
    case 'typed-array':
      return `element of the typed array \`${source}\``;
    default:
      return `element of the ${kind} \`${source}\``;
  }
}

export default createRule<Options, MessageIds>({
  name: 'prefer-presized-array',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Prefer allocating an array once at its final size over growing it by `push` from a source whose size is known, or building it with `Array.from({ length })`',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { ...STRICT_FREQUENCY_OPTIONS },
      // Loops that can end early have no mechanical rewrite: reported (without a fix) only by `all`.
      allOptions: { reportEarlyExits: true },
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      arrayFromLength:
        '`Array.from({ length }, fn)` is slow per index: fill `new Array({{size}})` in an index loop.',
      presize:
        '`{{name}}` grows by one `push` per {{unit}}, and the count (`{{size}}`) is known before the loop: allocate `new Array({{size}})` and fill it by index.',
      presizeWithExit:
        '`{{name}}` grows by one `push` per {{unit}}, but the loop can end early: if it rarely does, presize it to `{{size}}` and set `length` after.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestMap: 'Build `{{name}}` with `{{source}}.map(…)` (for a sparse array, `map` keeps the holes and skips the callback for them).',
      suggestPresize:
        'Allocate `{{name}}` with `new Array({{size}})` and fill it by index ({{reason}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          arrayFrom: {
            type: 'boolean',
            description: 'Check `const xs = Array.from({ length: n }, (_, i) => …)` declarations.',
          },
          forLoops: {
            type: 'boolean',
            description: 'Check counted loops: `for (let i = 0; i < n; i++) out.push(…)`.',
          },
          rangeLoops: {
            type: 'boolean',
            description: 'Check `for…of` loops over sized collections and `array.forEach(…)` callbacks.',
          },
          reportEarlyExits: {
            type: 'boolean',
            description: 'Also report loops that can end early (`break`, `continue`, `return`, `throw`), without a fix.',
          },
          simple: deprecatedOption({
            type: 'boolean',
            description: 'Deprecated: use `reportEarlyExits`, with the opposite value (`simple: false` is `reportEarlyExits: true`).',
          }),
          ...FREQUENCY_SCHEMA,
        },
      },
    ],
    // `simple` has no default: it is deprecated, and read only when a config sets it.
    defaultOptions: [{ arrayFrom: true, forLoops: true, rangeLoops: true, reportEarlyExits: false, ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [{ arrayFrom, forLoops, rangeLoops, reportEarlyExits, simple, ...options }]) {
    // The deprecated `simple: false` asks for the same as `reportEarlyExits: true`; either turns it on.
    const reportsEarlyExits = reportEarlyExits === true || simple === false;
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, program, services, sourceCode } = typed;
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };

    /** The variable pushed to by `statement` (`out.push(x)` with one plain argument), if any. */
    function asPush(statement: TSESTree.Node | undefined): Candidate['push'] | null {
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return null;
      const call = statement.expression;
      if (
        call.type !== AST_NODE_TYPES.CallExpression ||
        call.optional ||
        call.callee.type !== AST_NODE_TYPES.MemberExpression ||
        call.callee.optional ||
        call.callee.object.type !== AST_NODE_TYPES.Identifier ||
        getStaticPropertyName(call.callee) !== 'push' ||
        call.arguments.length !== 1 ||
        call.arguments[0]!.type === AST_NODE_TYPES.SpreadElement
      ) {
        return null;
      }
      return call as Candidate['push'];
    }

    /**
     * Finds the one unconditional `out.push(x)` among the loop body's statements, where `out` is
     * declared empty right before the loop (no reference in between) and referenced nowhere else in
     * the loop.
     */
    function findPush(
      statements: readonly TSESTree.Node[],
      statement: TSESTree.Statement,
      loop: TSESTree.Node,
    ): Pick<Candidate, 'declaration' | 'init' | 'out' | 'push'> | null {
      const pushes = statements.map(asPush).filter((push) => push !== null);
      if (pushes.length !== 1) return null;
      const push = pushes[0]!;
      const variable = findVariable(sourceCode, push.callee.object as TSESTree.Identifier);
      const def = variable?.defs[0];
      if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable') return null;
      const declaration = def.parent as TSESTree.VariableDeclaration;
      if (declaration.declarations.length !== 1 || !def.node.init || contains(loop, declaration)) return null;
      const init = skipTypeWrappers(def.node.init);
      if (!isNewEmptyArray(sourceCode, init)) return null;
      // The array must be untouched between its declaration and the loop, and only pushed to inside it.
      for (const reference of variable.references) {
        const at = reference.identifier.range[0];
        if (reference.init) continue;
        if (at > declaration.range[1] && at < statement.range[0]) return null;
        if (contains(loop, reference.identifier) && reference.identifier !== push.callee.object) return null;
      }
      // Run again with the array already filled: the loop sits in an outer loop or a function that
      // the declaration is outside of (`for (const g of groups) for (const x of g) all.push(x)`).
      for (let node: TSESTree.Node | undefined = statement.parent; node && !contains(node, declaration); node = node.parent) {
        if (isFunction(node) || isLoopStatement(node)) return null;
      }
      return { declaration: declaration as Candidate['declaration'], init, out: variable, push };
    }

    /** The source is the same object on every evaluation: nothing in the loop rebinds it. */
    function isStableSource(node: TSESTree.Node, loop: TSESTree.Node): boolean {
      return isInvariantIn(sourceCode, node, loop, { globals: true, memberChains: true });
    }

    /**
     * Reports a candidate. `allowPresize` is false for `forEach`, which skips holes: for a sparse
     * source a presized array would keep trailing holes, so only the `map` suggestion (which keeps
     * holes where they were) is offered there, never an autofix.
     */
    function report(candidate: Candidate, source: string, mapText: string | null, allowPresize: boolean): void {
      const { out, push, kind, size } = candidate;
      const exit = findEarlyExit(candidate.body, candidate.loop);
      if (exit && !reportsEarlyExits) return;
      // The array grows once per run of the loop: worth presizing only if the loop is not small and
      // runs often (not once-code, an error path, or iterations that await).
      const repeating = frequency.repeatingLoops(push).filter(({ loop }) => loop.node === candidate.loop);
      if (!decide(frequency, push, frequencyOptions, { kind: 'constant', loops: repeating }).report) return;
      // Grown again after the loop (a second loop pushes more): the count is not its final size.
      if (isGrownAfter(candidate)) return;
      const data = {
        name: out.name,
        size,
        unit: describeUnit(kind, source),
      };
      if (exit) {
        context.report({ data, messageId: 'presizeWithExit', node: push });
        return;
      }
      const decision = allowPresize ? decideFix(candidate) : noFix('`forEach` skips holes');
      const { fix: presizeFix, suggest: presizeSuggestions } = fixOrSuggest<MessageIds>(decision, { data: { name: out.name, size }, messageId: 'suggestPresize' });
      const suggestions: TSESLint.ReportSuggestionArray<MessageIds> = [...presizeSuggestions];
      if (mapText !== null) {
        const text = mapText;
        suggestions.push({
          data: { name: out.name, source },
          fix: (fixer) => fixer.replaceTextRange([candidate.declaration.range[0], candidate.statement.range[1]], text),
          messageId: 'suggestMap',
        });
      }
      context.report({
        data,
        fix: presizeFix,
        messageId: 'presize',
        node: push,
        suggest: suggestions,
      });
    }

    /**
     * Whether the presized rewrite is an autofix, a suggestion, or not offered. Each refusal names its
     * reason (shown in the suggestion's title).
     */
    function decideFix(candidate: Candidate): FixDecision {
      const { declaration, statement, push, out, loop, body } = candidate;
      // Structural limits: without them there is no single rewrite to offer at all.
      if (!directlyPrecedes(declaration, statement)) {
        return noFix('the declaration does not directly precede the loop');
      }
      if (candidate.index && !indexIsVisibleAtPush(candidate.index, push)) {
        return noFix('the loop index is shadowed in the body');
      }
      if (declaration.kind === 'var' || declaration.declare) return noFix('`var` declaration');
      const typeArgument = elementTypeText(candidate);
      if (typeArgument === null) return noFix("the element type can't be written out");
      if (
        hasCommentsInside(sourceCode, [push.range[0], push.arguments[0].range[0]]) ||
        hasCommentsInside(sourceCode, [push.arguments[0].range[1], push.range[1]]) ||
        hasCommentsInside(sourceCode, candidate.init.range)
      ) {
        return noFix('comments would be lost');
      }
      const apply = buildPresizeFix(candidate, typeArgument);

      // The rewrite keeps behaviour only if (1) nothing can observe `out` half-built: it does not
      // escape (so an exception leaves no one holding it) and is not read in a `catch`/`finally`; and
      // (2) the loop runs exactly `size` times: the body cannot change the source, which holds when it
      // makes no calls and writes only its own locals. Anything else is a suggestion.
      const escape = findEscape(out);
      if (escape?.kind === 'captured' || escape?.kind === 'exported') {
        return suggest(apply, `\`${out.name}\` is ${escape.kind === 'captured' ? 'used by a closure' : 'exported'}`);
      }
      if (isInsideTry(statement)) {
        return suggest(apply, 'an exception inside `try` could expose the half-filled array');
      }
      const isLocal = (identifier: TSESTree.Identifier) => isDeclaredIn(identifier, loop);
      // The push itself is the one call allowed: what matters is what its argument and the rest do.
      const impure =
        findImpureNode(sourceCode, push.arguments[0], isLocal) ??
        bodyStatements(body)
          .filter((statement) => statement !== push.parent && statement !== push)
          .map((statement) => findImpureNode(sourceCode, statement, isLocal))
          .find((node) => node !== null) ??
        null;
      if (impure) {
        return suggest(apply, `check that \`${shorten(sourceCode.getText(impure))}\` does not change the source's size`);
      }
      if (!candidate.sizeIsLength) {
        return suggest(apply, `\`new Array(${candidate.size})\` throws unless it is a non-negative integer`);
      }
      return fix(apply);
    }

    /**
     * `const out: T[] = []` + loop → `const out: T[] = new Array(size)` + index writes. For `for…of`
     * a counter is declared just before the loop; counted loops reuse their index.
     */
    function buildPresizeFix(candidate: Candidate, typeArgument: string): TSESLint.ReportFixFunction {
      const { init, push, statement, index, size } = candidate;
      // An assignment's value binds like an argument: only a comma expression needs parentheses.
      const value = textForSlot(sourceCode, push.arguments[0], 1);
      const outName = candidate.out.name;
      return (fixer) => {
        const fixes = [fixer.replaceText(init, `new Array${typeArgument}(${size})`)];
        if (index) {
          fixes.push(fixer.replaceText(push, `${outName}[${index.name}] = ${value}`));
        } else {
          const counter = getFreeName(sourceCode, statement, statement, ['i', 'index', 'idx']);
          const anchor = statement.parent?.type === AST_NODE_TYPES.LabeledStatement ? statement.parent : statement;
          fixes.push(...insertStatementBefore(fixer, sourceCode, anchor, `let ${counter} = 0;`));
          fixes.push(fixer.replaceText(push, `${outName}[${counter}++] = ${value}`));
        }
        return fixes;
      };
    }

    /**
     * `<T>` for `new Array<T>(n)` when the declaration has no type annotation (so the array keeps its
     * element type instead of becoming `any[]`), `''` when it has one. `null` when the type's text
     * would not compile at the declaration: `any`, `import(…)`, truncated, or naming a type that is
     * not in scope there.
     */
    function elementTypeText(candidate: Candidate): string | null {
      const declarator = candidate.declaration.declarations[0];
      if (declarator.id.typeAnnotation || candidate.init !== declarator.init) return '';
      // Later pushes or assignments widen an unannotated array's type beyond this push's element.
      if (isChangedAfter(candidate)) return null;
      // A type declared in the loop body may share a name with one in scope at the declaration.
      if (findNode(candidate.body, (node) => TYPE_DECLARATIONS.has(node.type))) return null;
      const type = checker.getBaseTypeOfLiteralType(services.getTypeAtLocation(candidate.push.arguments[0]));
      const text = typeTextAt(checker, type, services.esTreeNodeToTSNodeMap.get(candidate.declaration));
      return text === null ? null : `<${text}>`;
    }

    /** `const out = src.map((x) => …)` text for an Array source, or `null` when not mechanical. */
    function mapRewrite(candidate: Candidate, sourceText: string, params: string, statements: readonly TSESTree.Node[]): string | null {
      const { declaration, push, statement } = candidate;
      const declarator = declaration.declarations[0];
      if (nextStatement(declaration) !== statement) return null;
      // Without an annotation or assertion, the inferred element type would narrow to this push's.
      const typed = declarator.id.typeAnnotation !== undefined || candidate.init !== declarator.init;
      if (!typed && isChangedAfter(candidate)) return null;
      if (hasCommentsInside(sourceCode, [declaration.range[0], statement.range[1]])) return null;
      const before = statements.slice(0, -1);
      if (statements.at(-1) !== push.parent) return null;
      if (!before.every((s) => s.type === AST_NODE_TYPES.VariableDeclaration && s.kind === 'const')) return null;
      if (hasAwaitOrYield(candidate.body)) return null;
      const argument = push.arguments[0];
      // An object literal would read as a block, a comma expression as two arguments.
      const value = textForSlot(sourceCode, argument, 1);
      let map: string;
      if (before.length === 0) {
        map = `${sourceText}.map((${params}) => ${argument.type === AST_NODE_TYPES.ObjectExpression && !value.startsWith('(') ? `(${value})` : value})`;
      } else {
        const indent = getIndent(sourceCode, declaration);
        const lines = before.map((s) => `${indent}  ${sourceCode.getText(s)}`);
        map = `${sourceText}.map((${params}) => {\n${lines.join('\n')}\n${indent}  return ${value};\n${indent}})`;
      }
      // `[] as T[]` keeps its assertion around the map call.
      const init = declarator.init!;
      const initText =
        sourceCode.text.slice(init.range[0], candidate.init.range[0]) + map + sourceCode.text.slice(candidate.init.range[1], init.range[1]);
      return `${declaration.kind} ${sourceCode.getText(declarator.id)} = ${initText};`;
    }

    /** `out` is assigned, or grown by a mutating method, after the loop. */
    function isChangedAfter(candidate: Candidate): boolean {
      return candidate.out.references.some((reference) => reference.identifier.range[0] >= candidate.statement.range[1] && reference.isWrite()) || isGrownAfter(candidate);
    }

    /**
     * `out` is grown by a mutating method (`push`, `unshift`, `splice`, …) after the loop, on a path
     * that can follow it (not in the other branch of an `if` around the loop).
     */
    function isGrownAfter(candidate: Candidate): boolean {
      const end = candidate.statement.range[1];
      return candidate.out.references.some((reference) => {
        if (reference.identifier.range[0] < end) return false;
        const parent = reference.identifier.parent;
        const grows = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && GROWING_METHODS.has(getStaticPropertyName(parent) ?? '');
        return grows && !inOtherBranch(candidate.statement, reference.identifier);
      });
    }

    /** `later` sits in the other branch of an `if` whose one branch holds `statement`. */
    function inOtherBranch(statement: TSESTree.Node, later: TSESTree.Node): boolean {
      for (let node = statement.parent; node; node = node.parent) {
        if (node.type === AST_NODE_TYPES.IfStatement && node.alternate && contains(node.consequent, statement)) return contains(node.alternate, later);
        if (isFunction(node)) return false;
      }
      return false;
    }

    /** The name `index` at the push still means the loop's own index (no `const i` in the body). */
    function indexIsVisibleAtPush(index: TSESTree.Identifier, push: TSESTree.Node): boolean {
      const atPush = ASTUtils.findVariable(sourceCode.getScope(push), index.name);
      return atPush !== null && atPush.defs.some((def) => def.name === index);
    }

    /** `x.length` of an array, typed array or string, `x.size` of a Set or Map, or a non-negative integer literal. */
    function isLengthLike(bound: TSESTree.Expression): boolean {
      if (bound.type === AST_NODE_TYPES.Literal) {
        return typeof bound.value === 'number' && Number.isInteger(bound.value) && bound.value >= 0;
      }
      return bound.type === AST_NODE_TYPES.MemberExpression && isLengthOf(program, getStaticPropertyName(bound), services.getTypeAtLocation(bound.object));
    }

    /**
     * `const xs = Array.from({ length: n }, (_, i) => …)`: the built-in's array-like path reads
     * `length` once, then for every index reads a property of the object and calls the callback, an
     * n-iteration loop of its own (the callback stands for it in the frequency model). Reported only
     * as a declaration's initializer (the one position with a statement rewrite) and only for a
     * number-typed length (a string length means something else to `new Array`).
     */
    function checkArrayFrom(call: TSESTree.CallExpression): void {
      const callee = call.callee as TSESTree.MemberExpression;
      if (call.optional || callee.optional || callee.computed || !isGlobalReference(sourceCode, callee.object, 'Array')) return;
      const [arrayLike, callback] = call.arguments as [TSESTree.Node, TSESTree.Node];
      if (arrayLike.type !== AST_NODE_TYPES.ObjectExpression || arrayLike.properties.length !== 1) return;
      const property = arrayLike.properties[0]!;
      if (property.type !== AST_NODE_TYPES.Property || property.kind !== 'init' || property.method || keyName(property.key, property.computed) !== 'length') return;
      if (
        (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression) ||
        callback.async ||
        callback.generator
      ) {
        return;
      }
      const length = property.value as TSESTree.Expression;
      const wrapped = outermostTypeWrapper(call);
      const declarator = wrapped.parent;
      if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== wrapped || declarator.id.type !== AST_NODE_TYPES.Identifier) return;
      const declaration = declarator.parent;
      if (declaration.declarations.length !== 1) return;
      const statement = declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
      if (!STATEMENT_LISTS.has(statement.parent?.type ?? '')) return;
      if (!isNumberType(services.getTypeAtLocation(length))) return;
      // A small constant length is a small fixed loop.
      const count = constantNumber(sourceCode, length);
      if (count !== null && count <= frequencyOptions.minIterations) return;
      const loop: Loop = { description: `\`Array.from()\` callback at line ${callback.loc.start.line}`, kind: 'callback', method: 'from', node: callback };
      if (!decide(frequency, call, frequencyOptions, { kind: 'constant', loops: [{ conditional: false, loop }] }).report) return;
      const size = sourceCode.getText(length);
      const name = declarator.id.name;
      const decision = decideArrayFromFix({ call, callback, declaration, declarator: declarator as ArrayFromDeclarator, length, statement });
      const offer = fixOrSuggest<MessageIds>(decision, { data: { name, size }, messageId: 'suggestPresize' });
      context.report({
        data: { size },
        fix: offer.fix,
        messageId: 'arrayFromLength',
        node: call,
        suggest: offer.suggest,
      });
    }

    /**
     * `Array.from({ length: n }, (_, i) => v)` → `new Array(n)` and, after the declaration,
     * `for (let i = 0; i < xs.length; i++) xs[i] = v;`. `n` is evaluated once, as before (the loop
     * reads `xs.length`); the callback's body runs once per index, in order, with the same `i`; and
     * the array has the same elements (holey rather than packed in V8: a cost the benchmark's
     * end-to-end group includes). An autofix only when that holds by construction; the refusals
     * name their reason.
     */
    function decideArrayFromFix(found: ArrayFromCandidate): FixDecision {
      const { call, callback, declaration, declarator, length, statement } = found;
      const name = declarator.id.name;
      if (declaration.kind === 'var' || declaration.declare) return noFix('`var` declaration');
      const params = callback.params;
      if (params.length > 2 || !params.every((param) => param.type === AST_NODE_TYPES.Identifier)) return noFix('the callback takes other parameters');
      const [value, index] = params as TSESTree.Identifier[];
      // The first parameter is always `undefined` (the object has no index properties): unused, it can go.
      const variables = sourceCode.getDeclaredVariables(callback);
      if (value && variables.find((variable) => variable.name === value.name)?.references.length) return noFix('the callback reads its first parameter');
      if (callback.type === AST_NODE_TYPES.FunctionExpression && (callback.id || usesThisOrArguments(callback) || findNode(callback.body, (node) => node.type === AST_NODE_TYPES.MetaProperty, isFunction))) {
        return noFix('the function uses its own `this`, `arguments`, `new.target` or name');
      }
      // Before the declaration completes, `xs` is in its temporal dead zone: reading it throws.
      if (mentions(callback, name)) return noFix(`the callback mentions \`${name}\``);
      const body = callbackBody(callback);
      if (body === null) return noFix('the callback does not end in its only `return`');
      if (hasCommentsInside(sourceCode, [call.range[0], callback.body.range[0]]) || hasCommentsInside(sourceCode, [callback.range[1], call.range[1]])) {
        return noFix('comments would be lost');
      }
      const typeArgument = arrayFromTypeArgument(found);
      if (typeArgument === null) return noFix("the element type can't be written out");
      const counter = index?.name ?? getFreeName(sourceCode, statement, statement, ['i', 'index', 'idx']);
      const semicolon = usesSemicolons(sourceCode) ? ';' : '';
      // An assignment's value needs parentheses only around a comma expression (not the arrow's `({ … })`).
      const assign = (valueNode: TSESTree.Node) => {
        const text = sourceCode.getText(valueNode);
        return `${name}[${counter}] = ${getPrecedence(valueNode) < 1 ? `(${text})` : text}${semicolon}`;
      };
      let loopBody: string;
      if (body.kind === 'expression') {
        loopBody = assign(body.value);
      } else {
        const { block, returned } = body;
        const inner = sourceCode.text.slice(block.range[0] + 1, returned.range[0]) + assign(returned.argument) + sourceCode.text.slice(returned.range[1], block.range[1] - 1);
        loopBody = `{${inner}}`;
      }
      const loopText = `for (let ${counter} = 0; ${counter} < ${name}.length; ${counter}++) ${loopBody}`;
      // After the statement and any comment that ends its line.
      const trailing = sourceCode.getCommentsAfter(statement).filter((comment) => comment.loc.start.line === statement.loc.end.line).at(-1);
      const apply: TSESLint.ReportFixFunction = (fixer) => [
        fixer.replaceText(call, `new Array${typeArgument}(${textForSlot(sourceCode, length, 1)})`),
        fixer.insertTextAfterRange((trailing ?? statement).range, `\n${getIndent(sourceCode, statement)}${loopText}`),
        claimStatementList(fixer, statement),
      ];
      // Semantics the rule cannot see: a closure or an importer could read the half-filled array
      // while the callback runs, and `new Array(n)` throws where `Array.from` truncates.
      const escape = findEscape(findVariable(sourceCode, declarator.id)!);
      if (escape?.kind === 'captured' || escape?.kind === 'exported') {
        return suggest(apply, `\`${name}\` is ${escape.kind === 'captured' ? 'used by a closure' : 'exported'}`);
      }
      if (!isLengthLike(length)) return suggest(apply, `\`new Array(${shorten(sourceCode.getText(length))})\` throws unless it is a non-negative integer`);
      return fix(apply);
    }

    /**
     * The callback's value: an expression body, or a block whose only `return` (outside nested
     * functions) is its last statement, with no `var` (it would be shared across iterations), labels
     * or function declarations.
     */
    function callbackBody(callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): CallbackBody | null {
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return { kind: 'expression', value: callback.body };
      const block = callback.body;
      const returned = block.body.at(-1);
      if (returned?.type !== AST_NODE_TYPES.ReturnStatement || !returned.argument) return null;
      const blocked = findNode(
        block,
        (node) =>
          (node.type === AST_NODE_TYPES.ReturnStatement && node !== returned) ||
          (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var') ||
          node.type === AST_NODE_TYPES.LabeledStatement ||
          node.type === AST_NODE_TYPES.FunctionDeclaration,
        isFunction,
      );
      return blocked ? null : { block, kind: 'block', returned: returned as TSESTree.ReturnStatement & { argument: TSESTree.Expression } };
    }

    /**
     * `<T>` for a declaration in a TypeScript file whose type comes from the call (else `''`: an
     * annotation or an `as T[]` gives it), `null` when `T` can't be written there.
     */
    function arrayFromTypeArgument({ call, declaration, declarator }: ArrayFromCandidate): string | null {
      const init = declarator.init!;
      const asserted = init.type === AST_NODE_TYPES.TSAsExpression || init.type === AST_NODE_TYPES.TSTypeAssertion;
      if (declarator.id.typeAnnotation || asserted || !/\.[cm]?tsx?$/u.test(context.filename)) return '';
      const type = services.getTypeAtLocation(call);
      if (!checker.isArrayType(type)) return null;
      const element = checker.getTypeArguments(type as ts.TypeReference)[0];
      const text = element ? typeTextAt(checker, element, services.esTreeNodeToTSNodeMap.get(declaration)) : null;
      return text === null ? null : `<${text}>`;
    }

    return {
      'CallExpression[callee.type="MemberExpression"][callee.property.name="from"][arguments.length=2]'(node: TSESTree.CallExpression): void {
        if (arrayFrom) checkArrayFrom(node);
      },
      ForOfStatement(node): void {
        if (!rangeLoops || node.await) return;
        const statements = bodyStatements(node.body);
        const found = findPush(statements, node, node);
        if (!found) return;
        // The source's size: a sized built-in, or keys()/values()/entries() of a Map or Set.
        let collection: TSESTree.Expression = node.right;
        let kind = getSizedCollectionKind(program, services.getTypeAtLocation(node.right));
        if (
          kind === null &&
          node.right.type === AST_NODE_TYPES.CallExpression &&
          node.right.arguments.length === 0 &&
          node.right.callee.type === AST_NODE_TYPES.MemberExpression &&
          ['entries', 'keys', 'values'].includes(getStaticPropertyName(node.right.callee) ?? '')
        ) {
          collection = node.right.callee.object;
          const receiverKind = getSizedCollectionKind(program, services.getTypeAtLocation(collection));
          kind = receiverKind === 'map' || receiverKind === 'set' ? receiverKind : null;
        }
        if (kind === null || !isStableSource(collection, node)) return;
        const source = sourceCode.getText(collection);
        const candidate: Candidate = {
          ...found,
          body: node.body,
          kind,
          loop: node,
          size: `${source}.${kind === 'map' || kind === 'set' ? 'size' : 'length'}`,
          sizeIsLength: true,
          statement: node,
        };
        let mapText: string | null = null;
        if (
          (kind === 'array' || kind === 'tuple') &&
          collection === node.right &&
          node.left.type === AST_NODE_TYPES.VariableDeclaration &&
          node.left.kind !== 'var'
        ) {
          mapText = mapRewrite(candidate, source, sourceCode.getText(node.left.declarations[0]!.id), statements);
        }
        report(candidate, source, mapText, true);
      },
      ForStatement(node): void {
        if (!forLoops) return;
        const counted = countedLoop(node);
        if (!counted) return;
        const statements = bodyStatements(node.body);
        const found = findPush(statements, node, node);
        if (!found) return;
        const { bound, index } = counted;
        if (!isStableSource(bound.type === AST_NODE_TYPES.MemberExpression ? bound.object : bound, node)) return;
        if (!isNumberType(services.getTypeAtLocation(bound))) return;
        const candidate: Candidate = {
          ...found,
          body: node.body,
          index,
          kind: 'counted',
          loop: node,
          size: sourceCode.getText(bound),
          sizeIsLength: isLengthLike(bound),
          statement: node,
        };
        report(candidate, sourceCode.getText(bound), null, true);
      },
      'CallExpression[callee.type="MemberExpression"][arguments.length=1]'(node: TSESTree.CallExpression): void {
        if (!rangeLoops || node.parent.type !== AST_NODE_TYPES.ExpressionStatement) return;
        const callee = node.callee as TSESTree.MemberExpression;
        if (getStaticPropertyName(callee) !== 'forEach') return;
        const callback = node.arguments[0]!;
        if (
          (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
            callback.type !== AST_NODE_TYPES.FunctionExpression) ||
          callback.async ||
          callback.generator
        ) {
          return;
        }
        const statements = callback.body.type === AST_NODE_TYPES.BlockStatement ? callback.body.body : [callback.body];
        // An expression body `(x) => out.push(f(x))` is the push itself.
        const pushStatements = callback.body.type === AST_NODE_TYPES.BlockStatement ? statements : [{ expression: callback.body, type: AST_NODE_TYPES.ExpressionStatement } as TSESTree.ExpressionStatement];
        const found = findPush(pushStatements, node.parent, callback);
        if (!found) return;
        if (!isArrayOrTupleType(program, services.getTypeAtLocation(callee.object))) return;
        if (!isStableSource(callee.object, callback)) return;
        const source = sourceCode.getText(callee.object);
        const candidate: Candidate = {
          ...found,
          body: callback.body,
          kind: 'array',
          loop: callback,
          size: `${source}.length`,
          sizeIsLength: true,
          statement: node.parent,
        };
        const params = callback.params.map((p) => sourceCode.getText(p)).join(', ');
        const mapText =
          callback.type === AST_NODE_TYPES.ArrowFunctionExpression || !usesThisOrArguments(callback)
            ? mapRewrite(candidate, source, params, callback.body.type === AST_NODE_TYPES.BlockStatement ? statements : [found.push.parent])
            : null;
        report(candidate, source, mapText, false);
      },
    };

  },
});
