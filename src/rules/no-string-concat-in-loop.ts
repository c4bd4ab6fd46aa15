import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import {
  contains,
  findVariable,
  getStaticPropertyName,
  isEmptyStringOrNullish,
  isFunction,
  loopBodyOf,
  mentions,
  outermostTypeWrapper,
  plusOperands,
  skipTypeWrappers,
  statementsOf,
} from '../ast/index.js';
import type { ClassNode } from '../analysis/classes.js';
import { ClassSummary, getThisContext, isPlainWrite } from '../analysis/classes.js';
import type { FrequencyOptions } from '../analysis/frequency.js';
import { decide, DEFAULT_FREQUENCY_OPTIONS, FREQUENCY_SCHEMA, getFrequencyModel, STRICT_FREQUENCY_OPTIONS } from '../analysis/frequency.js';
import type { Loop } from '../analysis/loops.js';
import { exitsLoopAfter } from '../analysis/loops.js';
import { isArrayOrTupleType, isBuiltinMapType, isPrimitiveType, isStringLikeType } from '../analysis/types.js';
import { getFreeName, insertStatementAfter } from '../fixers/index.js';
import type { TypeInformationMessageId } from '../kit/index.js';
import { createRule, getTypedRuleContext, TYPE_INFORMATION_MESSAGES } from '../kit/index.js';
import { shorten } from '../util/text.js';

export type Options = [{ checkPlainAppends?: boolean } & Partial<FrequencyOptions>];
export type MessageIds = 'flatteningRead' | 'plainAppend' | 'suggestTrackTail' | TypeInformationMessageId;

type Variable = TSESLint.Scope.Variable;
/** The accumulator as written: a binding or `this.field`. */
type Target = TSESTree.Identifier | ThisField;
type ThisField = TSESTree.MemberExpression & {
  computed: false;
  object: TSESTree.ThisExpression;
  property: TSESTree.Identifier;
};

interface Append {
  node: TSESTree.AssignmentExpression;
  /** Loops in which the accumulator keeps its value from one iteration to the next, innermost first. */
  loops: Loop[];
}

/** What to do instead of a read, by what the read looks at. */
export const REMEDY = {
  other: 'keep the parts in an array and read the one you need, or read it after the loop',
  search: 'keep a `Set` of the parts you appended and look them up there',
  tail: 'read the end of the part you appended, or keep it in a variable',
} as const;

/** Reads of where the string ends, besides `endsWith`: `s[s.length - 1]`, `s.at(-1)`, `s.slice(-2)`, … */
const TAIL_METHODS = new Set(['at', 'charAt', 'charCodeAt', 'slice']);
const SEARCH_METHODS = new Set(['includes', 'indexOf', 'lastIndexOf']);
/** Longest end a suggestion keeps in a variable. */
const MAX_TAIL = 64;

interface Accumulator {
  appends: Append[];
  /** Nodes that belong to the appends themselves (the target and `s` in `s + x`); they are not reads. */
  appendParts: Set<TSESTree.Node>;
  name: string;
  owner: { classNode: ClassNode; field: string } | { variable: Variable };
}

export default createRule<Options, MessageIds>({
  name: 'no-string-concat-in-loop',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow reading a string inside the loop that builds it by concatenation, which makes the loop quadratic',
      recommended: 'recommended',
      requiresTypeChecking: true,
      strictOptions: { checkPlainAppends: true, ...STRICT_FREQUENCY_OPTIONS },
    },
    hasSuggestions: true,
    messages: {
      flatteningRead:
        '`{{name}}` is built by concatenation in the {{loop}} and read there by {{read}}, which copies the whole string each time: {{remedy}}.',
      plainAppend:
        '`{{name}}` is built by concatenation in the {{loop}}, which is fast in V8 (a rope): reported only because `checkPlainAppends` is on.',
      // Reported by getTypeServices() when the file has no type information.
      ...TYPE_INFORMATION_MESSAGES,
      suggestTrackTail: 'Keep the end of `{{name}}` in `{{variable}}`, updated wherever `{{name}}` changes.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkPlainAppends: {
            type: 'boolean',
            description:
              'Also report loop-carried appends that are never read inside the loop (cheap in V8; for code that targets other engines or wants one builder style).',
          },
          ...FREQUENCY_SCHEMA,
        },
      },
    ],
    defaultOptions: [{ checkPlainAppends: false, ...DEFAULT_FREQUENCY_OPTIONS }],
  },
  create(context, [{ checkPlainAppends, ...options }]) {
    const typed = getTypedRuleContext(context);
    if (!typed) return {};
    const { checker, loops, program, services, sourceCode } = typed;
    const frequency = getFrequencyModel(context);
    const frequencyOptions = { ...DEFAULT_FREQUENCY_OPTIONS, ...options };

    const accumulators = new Map<ClassNode | Variable, Map<string, Accumulator> | Accumulator>();
    const stringTypeCache = new Map<Accumulator, boolean>();
    /** Every `this.x` in the file; only consulted when a field is an accumulator. */
    const thisMembers: TSESTree.MemberExpression[] = [];

    function getAccumulator(target: Target): Accumulator | null {
      if (target.type === AST_NODE_TYPES.Identifier) {
        const variable = findVariable(sourceCode, target);
        if (!variable || variable.defs.length === 0) return null; // undeclared global
        let accumulator = accumulators.get(variable) as Accumulator | undefined;
        if (!accumulator) {
          accumulator = { appendParts: new Set(), appends: [], name: target.name, owner: { variable } };
          accumulators.set(variable, accumulator);
        }
        return accumulator;
      }
      const classNode = getThisContext(target)?.classNode;
      if (!classNode) return null;
      let fields = accumulators.get(classNode) as Map<string, Accumulator> | undefined;
      if (!fields) {
        fields = new Map();
        accumulators.set(classNode, fields);
      }
      const field = target.property.name;
      let accumulator = fields.get(field);
      if (!accumulator) {
        accumulator = {
          appendParts: new Set(),
          appends: [],
          name: `this.${field}`,
          owner: { classNode, field },
        };
        fields.set(field, accumulator);
      }
      return accumulator;
    }

    function isStringAccumulator(accumulator: Accumulator, target: Target): boolean {
      let isString = stringTypeCache.get(accumulator);
      if (isString === undefined) {
        // The declared type, not the narrowed one: `let s: number | string = ''` is not a string builder.
        const symbol = services.getSymbolAtLocation(
          target.type === AST_NODE_TYPES.Identifier ? target : target.property,
        );
        isString =
          symbol !== undefined && isStringLikeType(checker, checker.getTypeOfSymbol(symbol));
        stringTypeCache.set(accumulator, isString);
      }
      return isString;
    }

    function onAppendCandidate(node: TSESTree.AssignmentExpression): void {
      const target = asTarget(node.left);
      if (!target) return;
      const selfOperands = getSelfOperands(node, target);
      if (!selfOperands) return;
      const enclosing = loops.enclosingLoops(node);
      if (enclosing.length === 0) return;
      const accumulator = getAccumulator(target);
      if (!accumulator) return;
      const carried = enclosing.filter((loop) => isCarriedAcross(accumulator, target, node, loop));
      if (carried.length === 0) return;
      // The one type query, made only for loop-carried append candidates (cached per accumulator).
      if (!isStringAccumulator(accumulator, target)) return;
      accumulator.appends.push({ loops: carried, node });
      accumulator.appendParts.add(target);
      for (const operand of selfOperands) accumulator.appendParts.add(operand);
    }

    /** The first enclosing loop in which `read` repeats and the accumulator grows, if any. */
    function findQuadraticLoop(accumulator: Accumulator, read: TSESTree.Node): Loop | null {
      for (const loop of loops.enclosingLoops(read)) {
        const grows = accumulator.appends.some((append) => append.loops.includes(loop));
        if (!grows || exitsLoopAfter(read, loop) || isResetAfter(read, loop, accumulator)) continue;
        // Quadratic unless the loop is small (an outer one may not be) or the read is on an error path.
        if (decide(frequency, read, frequencyOptions, { kind: 'quadratic', loop }).report) return loop;
      }
      return null;
    }

    function reportFlatteningReads(accumulator: Accumulator, reads: Iterable<TSESTree.Node>): Set<Loop> {
      const found: [TSESTree.Node, Loop][] = [];
      for (const read of reads) {
        if (accumulator.appendParts.has(read) || !isFlatteningRead(read)) continue;
        const loop = findQuadraticLoop(accumulator, read);
        if (loop) found.push([read, loop]);
      }
      const tracking = 'variable' in accumulator.owner ? trackTail(accumulator.owner.variable, found.map(([read]) => read)) : null;
      for (const [read, loop] of found) {
        context.report({
          data: { loop: loop.description, name: accumulator.name, read: describeRead(read), remedy: REMEDY[readKind(read)] },
          messageId: 'flatteningRead',
          node: read,
          suggest: tracking?.reads.has(read) ? [tracking.suggestion] : [],
        });
      }
      return new Set(found.map(([, loop]) => loop));
    }

    /**
     * The suggestion for reads of the end of a local string (`s.endsWith(';')`, `s[s.length - 1]`):
     * keep its last k characters in a variable, set where `s` is declared and updated after every
     * write, and read that instead. Offered only where every write of `s` is a statement it can
     * follow: `s += e` or `s = s + e` with `e` cheap to evaluate again (a primitive name or element)
     * or ending in a constant of at least k characters, and resets `s = e`. Then the variable always
     * equals `s.slice(-k)`, so each rewritten read returns what it did.
     */
    function trackTail(variable: Variable, reads: readonly TSESTree.Node[]): { reads: Set<TSESTree.Node>; suggestion: TSESLint.SuggestionReportDescriptor<MessageIds> } | null {
      const tails = reads.flatMap((read) => {
        const k = tailLength(variable, read);
        return k === null ? [] : [{ k, read }];
      });
      if (tails.length === 0 || variable.defs.length !== 1) return null;
      const k = Math.max(...tails.map((tail) => tail.k));
      const def = variable.defs[0]!;
      const declarator = def.node;
      const declaration = def.parent;
      if (
        def.type !== 'Variable' ||
        declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.id.type !== AST_NODE_TYPES.Identifier ||
        !declarator.init ||
        declaration?.type !== AST_NODE_TYPES.VariableDeclaration ||
        declaration.kind === 'const' ||
        declaration.declare ||
        declaration.declarations.length !== 1 ||
        !declaration.parent ||
        statementsOf(declaration.parent) === null
      ) {
        return null;
      }
      const name = variable.name;
      const tailName = getFreeName(sourceCode, declaration, variable.scope.block, [`${name}Tail`]);
      const updates: { statement: TSESTree.Node; text: string }[] = [];
      for (const reference of variable.references) {
        if (!reference.isWrite() || reference.init) continue;
        const update = reference.identifier.type === AST_NODE_TYPES.Identifier ? tailUpdate(reference.identifier, name, tailName, k) : null;
        if (!update) return null;
        updates.push(update);
      }
      const initial = constantTail(declarator.init, k, 'whole') ?? `${name}.slice(-${k})`;
      const rewritten = new Set(tails.map((tail) => tail.read));
      return {
        reads: rewritten,
        // A suggestion, not a fix: it keeps behaviour, but it adds a variable and a statement after
        // every write of the string, a rewrite its author should see.
        suggestion: {
          data: { name, variable: tailName },
          fix: (fixer) => [
            ...insertStatementAfter(fixer, sourceCode, declaration, `${declaration.kind} ${tailName} = ${initial};`),
            ...updates.flatMap(({ statement, text }) => insertStatementAfter(fixer, sourceCode, statement, text)),
            ...[...rewritten].flatMap((read) => tailReadIdentifiers(variable, read).map((id) => fixer.replaceText(id, tailName))),
          ],
          messageId: 'suggestTrackTail',
        },
      };
    }

    /** The statement that keeps `tail` equal to `name.slice(-k)` after the write at `target`, or `null`. */
    function tailUpdate(target: TSESTree.Identifier, name: string, tail: string, k: number): { statement: TSESTree.Node; text: string } | null {
      const assignment = target.parent;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== target) return null;
      const statement = assignment.parent;
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return null;
      const { operator, right } = assignment;
      if (operator !== '+=' && operator !== '=') return null;
      // The new value ends in a constant (`s += ';'`, `s = s + x + ','`, a reset `s = ''`).
      const constant = constantTail(right, k, operator === '+=' ? 'end' : 'whole');
      if (constant !== null) return { statement, text: `${tail} = ${constant};` };
      // `s += e` or `s = s + e`: the old end and `e`.
      const appended =
        operator === '+='
          ? right
          : right.type === AST_NODE_TYPES.BinaryExpression && right.operator === '+' && isSameTarget(right.left, target)
            ? right.right
            : null;
      if (appended) {
        // Evaluated again after the write: it must not read the string, which has changed by then.
        if (mentions(appended, name) || !isCheapToRepeat(appended)) return null;
        return { statement, text: `${tail} = (${tail} + ${sourceCode.getText(appended)}).slice(-${k});` };
      }
      // Built from itself some other way (a prepend, a template, `concat`): not followed.
      if (getSelfOperands(assignment, target) !== null) return null;
      // A reset: the new value's end, read once.
      return { statement, text: `${tail} = ${name}.slice(-${k});` };
    }

    /**
     * A string literal for the last `k` characters of a value when they are constant: a string
     * literal's own text, or the end of a longer one (in its quotes, when its text has no escapes);
     * the end of a template's last text and of `x + 'literal'` of at least `k` characters. With
     * `'end'` (the value is appended to what is there), a literal must have `k` characters too.
     */
    function constantTail(node: TSESTree.Node, k: number, mode: 'end' | 'whole'): string | null {
      if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
        if (node.value.length < k && mode === 'end') return null;
        if (node.value.length <= k) return sourceCode.getText(node);
        const body = node.raw.slice(1, -1);
        return body.includes('\\') ? null : `${node.raw[0]}${body.slice(-k)}${node.raw[0]}`;
      }
      if (node.type === AST_NODE_TYPES.TemplateLiteral) {
        const last = node.quasis.at(-1)!;
        const cooked = last.value.cooked;
        if (cooked === null || cooked.length < k || last.value.raw.includes('\\') || last.value.raw.includes('\r')) return null;
        const end = cooked.slice(-k);
        return /^[^'\\\n\r\u2028\u2029]*$/u.test(end) ? `'${end}'` : JSON.stringify(end);
      }
      // `x + 'literal'` is a string ending in the literal, whatever `x` is.
      if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') return constantTail(node.right, k, 'end');
      return null;
    }

    /** Evaluating `node` a second time right after the append costs little and changes nothing. */
    function isCheapToRepeat(node: TSESTree.Node): boolean {
      // A primitive: `+` calls no `toString` or `valueOf` of the user's.
      if (!isPrimitiveType(checker, services.getTypeAtLocation(node))) return false;
      if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal) return true;
      if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0;
      // An element of a built-in array or tuple, by a name or a number: no getter runs.
      return (
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.computed &&
        !node.optional &&
        node.object.type === AST_NODE_TYPES.Identifier &&
        (node.property.type === AST_NODE_TYPES.Identifier || (node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'number')) &&
        isArrayOrTupleType(program, services.getTypeAtLocation(node.object))
      );
    }

    /** What the read looks at, for the remedy the message gives. */
    function readKind(read: TSESTree.Node): keyof typeof REMEDY {
      // Where the value ends up, as in describeRead: `(s ?? '').endsWith(';')` reads the end.
      let node = outermostTypeWrapper(read);
      while (flowsInto(node)) node = outermostTypeWrapper(node.parent!);
      const parent = node.parent!;
      if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
        const method = parent.computed ? null : getStaticPropertyName(parent);
        if (method !== null && SEARCH_METHODS.has(method)) return 'search';
        if (method === 'endsWith') return 'tail';
        if (parent.computed ? isLengthMinus(parent.property, read) !== null : method !== null && TAIL_METHODS.has(method) && tailArgument(parent, read) !== null) return 'tail';
      }
      return 'other';
    }

    /** How many characters from the end `read` looks at (`s.endsWith(';')` → 1), or `null`. */
    function tailLength(variable: Variable, read: TSESTree.Node): number | null {
      if (read.type !== AST_NODE_TYPES.Identifier || findVariable(sourceCode, read) !== variable) return null;
      const node = outermostTypeWrapper(read);
      const parent = node.parent!;
      if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || parent.optional) return null;
      const k = parent.computed ? isLengthMinus(parent.property, read) : tailArgument(parent, read);
      if (k === null || k > MAX_TAIL) return null;
      // Every `s` in the read must be the same variable (`s[s.length - 1]`).
      return tailReadIdentifiers(variable, read).length > 0 ? k : null;
    }

    /** `s.length - N` (N a positive integer) for the accumulator `read` names: N, or `null`. */
    function isLengthMinus(node: TSESTree.Node, read: TSESTree.Node): number | null {
      if (node.type !== AST_NODE_TYPES.BinaryExpression || node.operator !== '-') return null;
      const { left, right } = node;
      if (
        left.type !== AST_NODE_TYPES.MemberExpression ||
        left.computed ||
        left.optional ||
        getStaticPropertyName(left) !== 'length' ||
        left.object.type !== AST_NODE_TYPES.Identifier ||
        read.type !== AST_NODE_TYPES.Identifier ||
        left.object.name !== read.name
      ) {
        return null;
      }
      return positiveInteger(right);
    }

    /**
     * For `s.<method>(…)`, the number of end characters the call reads: `endsWith(literal)` its length,
     * `at(-N)` and `slice(-N)` N, `charAt`/`charCodeAt(s.length - N)` N; `null` for anything else.
     */
    function tailArgument(member: TSESTree.MemberExpression, read: TSESTree.Node): number | null {
      const call = member.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || call.optional || call.arguments.length !== 1) return null;
      const [argument] = call.arguments as [TSESTree.Node];
      switch (getStaticPropertyName(member)) {
        case 'endsWith': {
          const text = argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value : null;
          return text === null || text.length === 0 ? null : text.length;
        }
        case 'at':
        case 'slice':
          return argument.type === AST_NODE_TYPES.UnaryExpression && argument.operator === '-' ? positiveInteger(argument.argument) : null;
        case 'charAt':
        case 'charCodeAt':
          return isLengthMinus(argument, read);
        default:
          return null;
      }
    }

    /** The identifiers of `variable` in the tail read `read` (`s` twice in `s[s.length - 1]`); empty when another name is involved. */
    function tailReadIdentifiers(variable: Variable, read: TSESTree.Node): TSESTree.Identifier[] {
      const node = outermostTypeWrapper(read);
      const member = node.parent as TSESTree.MemberExpression;
      const index = member.computed ? member.property : member.parent.type === AST_NODE_TYPES.CallExpression ? member.parent.arguments[0] : undefined;
      const lengthOf = index?.type === AST_NODE_TYPES.BinaryExpression && index.left.type === AST_NODE_TYPES.MemberExpression ? index.left.object : null;
      const ids = [read as TSESTree.Identifier, ...(lengthOf?.type === AST_NODE_TYPES.Identifier ? [lengthOf] : [])];
      return ids.every((id) => findVariable(sourceCode, id) === variable) ? ids : [];
    }

    /**
     * Calls `this.m()` in a loop that grows `this.field`, where `m` (or a method it calls) reads the
     * field: visible when the methods are in the same class.
     */
    function reportReadsThroughMethods(accumulator: Accumulator, classNode: ClassNode, field: string): Set<Loop> {
      const flagged = new Set<Loop>();
      const summary = summarizeClass(classNode);
      for (const member of thisMembers) {
        const call = member.parent;
        if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
        const method = getStaticPropertyName(member);
        if (method === null || getThisContext(member)?.classNode !== classNode) continue;
        const innerRead = summary.findFieldRead(method, field, (read) => !accumulator.appendParts.has(read) && isFlatteningRead(read));
        if (!innerRead) continue;
        const loop = findQuadraticLoop(accumulator, call);
        if (!loop) continue;
        flagged.add(loop);
        context.report({
          data: {
            loop: loop.description,
            name: accumulator.name,
            read: `\`this.${method}()\`, which reads \`this.${field}\` with ${describeRead(innerRead)} at line ${innerRead.loc.start.line}`,
            remedy: REMEDY[readKind(innerRead)],
          },
          messageId: 'flatteningRead',
          node: call,
        });
      }
      return flagged;
    }

    const summaries = new Map<ClassNode, ClassSummary>();
    function summarizeClass(classNode: ClassNode): ClassSummary {
      let summary = summaries.get(classNode);
      if (!summary) {
        summary = new ClassSummary(thisMembers.filter((m) => getThisContext(m)?.classNode === classNode));
        summaries.set(classNode, summary);
      }
      return summary;
    }

    function reportPlainAppends(accumulator: Accumulator, flagged: Set<Loop>): void {
      const reported = new Set<Loop>();
      for (const append of accumulator.appends) {
        const loop = append.loops[0]!;
        if (flagged.has(loop) || reported.has(loop)) continue;
        reported.add(loop);
        context.report({
          data: { loop: loop.description, name: accumulator.name },
          messageId: 'plainAppend',
          node: append.node,
        });
      }
    }

    function checkAccumulator(accumulator: Accumulator): void {
      if (accumulator.appends.length === 0) return;
      let flagged: Set<Loop>;
      if ('variable' in accumulator.owner) {
        const reads = accumulator.owner.variable.references
          .filter((reference) => reference.isRead())
          .map((reference) => reference.identifier);
        flagged = reportFlatteningReads(accumulator, reads);
      } else {
        const { classNode, field } = accumulator.owner;
        const reads = thisMembers.filter(
          (member) =>
            getStaticPropertyName(member) === field &&
            !isPlainWrite(member) &&
            getThisContext(member)?.classNode === classNode,
        );
        flagged = reportFlatteningReads(accumulator, reads);
        for (const loop of reportReadsThroughMethods(accumulator, classNode, field)) flagged.add(loop);
      }
      if (checkPlainAppends) reportPlainAppends(accumulator, flagged);
    }

    /** Renders the read for the message: "`s.endsWith()`", "`seen.has(…)`", "comparing it with `===`". */
    function describeRead(read: TSESTree.Node): string {
      // Follow the value to where it is consumed: `(s ?? '').trim()` is described at `.trim()`.
      const start = outermostTypeWrapper(read);
      let node = start;
      while (flowsInto(node)) node = outermostTypeWrapper(node.parent!);
      const parent = node.parent!;
      const text = node === start ? sourceCode.getText(read) : `(${shorten(sourceCode.getText(node))})`;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          if (parent.object === node) {
            if (parent.computed) return `\`${text}[…]\``;
            const property = sourceCode.getText(parent.property);
            return parent.parent.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent
              ? `\`${text}.${property}()\``
              : `\`${text}.${property}\``;
          }
          return `using it as a key in \`${shorten(sourceCode.getText(parent.object))}[…]\``;
        case AST_NODE_TYPES.CallExpression:
          return `\`${shorten(sourceCode.getText(parent.callee))}(…)\``;
        case AST_NODE_TYPES.NewExpression:
          return `\`new ${shorten(sourceCode.getText(parent.callee))}(…)\``;
        case AST_NODE_TYPES.Property:
          return `using it as a key in \`${shorten(sourceCode.getText(parent.parent))}\``;
        case AST_NODE_TYPES.BinaryExpression:
          return parent.operator === 'in' ? 'the `in` operator' : `comparing it with \`${parent.operator}\``;
        case AST_NODE_TYPES.SwitchStatement:
          return `\`switch (${text})\``;
        default:
          return `reading \`${text}\``;
      }
    }

    /**
     * Whether evaluating `read` flattens the rope. Not: `.length`; truthiness, `typeof` and
     * comparisons with `''`, `null` or `undefined`; storing it (an array element, a property value, a
     * variable, `arr.push(s)`, `map.set(k, s)`); returning or yielding it. Where the value flows on
     * into a bigger expression (`s ?? ''`, `c ? s : t`, `s + x`, `` `${s}` ``, `t.concat(s)`), that
     * expression's own use decides: `(s + x).includes(…)` flattens, `t = s + x` does not.
     */
    function isFlatteningRead(read: TSESTree.Node): boolean {
      const node = outermostTypeWrapper(read);
      const parent = node.parent!;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression:
          // `s.length` is stored on the rope; any other member, or `obj[s]` (hashing), flattens.
          return !(parent.object === node && !parent.computed && getStaticPropertyName(parent) === 'length');
        case AST_NODE_TYPES.UnaryExpression:
          return parent.operator !== '!' && parent.operator !== 'typeof' && parent.operator !== 'void';
        case AST_NODE_TYPES.IfStatement:
        case AST_NODE_TYPES.WhileStatement:
        case AST_NODE_TYPES.DoWhileStatement:
        case AST_NODE_TYPES.ForStatement:
          return false; // a test: truthiness looks at the length only
        case AST_NODE_TYPES.ConditionalExpression:
        case AST_NODE_TYPES.LogicalExpression:
          // The truthiness test does not flatten; the value may flow on as the expression's result.
          return parent.type === AST_NODE_TYPES.ConditionalExpression && parent.test === node ? false : isFlatteningRead(parent);
        case AST_NODE_TYPES.BinaryExpression:
          if (parent.operator === '+') return isFlatteningRead(parent); // a new rope pointing at this one
          if (['!=', '!==', '==', '==='].includes(parent.operator)) {
            return !isEmptyStringOrNullish(parent.left === node ? parent.right : parent.left);
          }
          return true;
        case AST_NODE_TYPES.TemplateLiteral:
          return isFlatteningRead(parent);
        case AST_NODE_TYPES.Property:
          return parent.computed && parent.key === node; // `{ [s]: v }` hashes it
        case AST_NODE_TYPES.ArrayExpression:
        case AST_NODE_TYPES.VariableDeclarator:
        case AST_NODE_TYPES.ReturnStatement:
        case AST_NODE_TYPES.YieldExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.ExpressionStatement:
          return false; // stored or handed out, not read
        case AST_NODE_TYPES.AssignmentExpression:
          return parent.left === node;
        case AST_NODE_TYPES.CallExpression:
          if (parent.callee === node) return true;
          if (isStringConcat(parent)) return isFlatteningRead(parent);
          return !isStoringCall(parent, node);
        default:
          return true;
      }
    }

    /** The value of `node` passes unchanged, or as part of a new rope, into its parent expression. */
    function flowsInto(node: TSESTree.Node): boolean {
      const parent = node.parent;
      if (!parent) return false;
      switch (parent.type) {
        case AST_NODE_TYPES.LogicalExpression:
        case AST_NODE_TYPES.TemplateLiteral:
          return true;
        case AST_NODE_TYPES.ConditionalExpression:
          return parent.test !== node;
        case AST_NODE_TYPES.BinaryExpression:
          return parent.operator === '+';
        case AST_NODE_TYPES.CallExpression:
          return parent.callee !== node && isStringConcat(parent);
        default:
          return false;
      }
    }

    /** `t.concat(s)` on a string: builds a rope like `+`. */
    function isStringConcat(call: TSESTree.CallExpression): boolean {
      return (
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        getStaticPropertyName(call.callee) === 'concat' &&
        isStringLikeType(checker, services.getTypeAtLocation(call.callee.object))
      );
    }

    /** `arr.push(s)` / `arr.unshift(s)` on an array, or the value slot of `map.set(k, s)`. */
    function isStoringCall(call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
      if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const method = getStaticPropertyName(call.callee);
      const receiver = services.getTypeAtLocation(call.callee.object);
      if (method === 'push' || method === 'unshift') return isArrayOrTupleType(program, receiver);
      if (method === 'set' && call.arguments[1] === argument) return isBuiltinMapType(program, receiver);
      return false;
    }

    return {
      'AssignmentExpression[operator="+="], AssignmentExpression[operator="="]':
        onAppendCandidate,
      'MemberExpression[object.type="ThisExpression"]'(node: TSESTree.MemberExpression): void {
        thisMembers.push(node);
      },
      'Program:exit'(): void {
        for (const entry of accumulators.values()) {
          if (entry instanceof Map) {
            for (const accumulator of entry.values()) checkAccumulator(accumulator);
          } else {
            checkAccumulator(entry);
          }
        }
      },
    };
  },
});

/** The value of a positive integer literal, or `null`. */
function positiveInteger(node: TSESTree.Node): number | null {
  return node.type === AST_NODE_TYPES.Literal && typeof node.value === 'number' && Number.isInteger(node.value) && node.value > 0 ? node.value : null;
}

function asTarget(node: TSESTree.Node): Target | null {
  if (node.type === AST_NODE_TYPES.Identifier) return node;
  if (
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.object.type === AST_NODE_TYPES.ThisExpression &&
    node.property.type === AST_NODE_TYPES.Identifier
  ) {
    return node as ThisField;
  }
  return null;
}

function isSameTarget(node: TSESTree.Node, target: Target): boolean {
  const other = asTarget(skipTypeWrappers(node));
  if (!other) return false;
  if (target.type === AST_NODE_TYPES.Identifier) {
    return other.type === AST_NODE_TYPES.Identifier && other.name === target.name;
  }
  return other.type === AST_NODE_TYPES.MemberExpression && other.property.name === target.property.name;
}

/**
 * For an append, the operands that are the accumulator itself (`s` in `s = s + x`); an empty list for
 * `s += x`; `null` when the assignment is not an append.
 */
function getSelfOperands(node: TSESTree.AssignmentExpression, target: Target): TSESTree.Node[] | null {
  if (node.operator === '+=') return [];
  const right = skipTypeWrappers(node.right);
  let operands: TSESTree.Node[] = [];
  if (right.type === AST_NODE_TYPES.BinaryExpression) {
    operands = plusOperands(right).filter((operand) => isSameTarget(operand, target));
  } else if (right.type === AST_NODE_TYPES.TemplateLiteral) {
    operands = right.expressions.filter((expression) => isSameTarget(expression, target));
  } else if (
    right.type === AST_NODE_TYPES.CallExpression &&
    right.callee.type === AST_NODE_TYPES.MemberExpression &&
    getStaticPropertyName(right.callee) === 'concat' &&
    isSameTarget(right.callee.object, target)
  ) {
    operands = [right.callee.object];
  }
  return operands.length > 0 ? operands.map((operand) => skipTypeWrappers(operand)) : null;
}

/**
 * Whether the accumulator keeps its value from one iteration of `loop` to the next: declared outside
 * the part the loop repeats, and not reset by an unconditional `s = …` at the top of the loop body
 * before this append.
 */
function isCarriedAcross(
  accumulator: Accumulator,
  target: Target,
  append: TSESTree.AssignmentExpression,
  loop: Loop,
): boolean {
  if ('variable' in accumulator.owner) {
    // A reduce callback's accumulator parameter carries the previous call's result.
    const callback = loop.node;
    const isReduceAccumulator =
      loop.kind === 'callback' &&
      (loop.method === 'reduce' || loop.method === 'reduceRight') &&
      isFunction(callback) &&
      accumulator.owner.variable.defs.some((def) => def.name === callback.params[0]);
    for (const def of isReduceAccumulator ? [] : accumulator.owner.variable.defs) {
      if (!contains(loop.node, def.name)) continue;
      // `for (let s = ''; …; …)` runs its init once; `var s;` without a value keeps the old value.
      const inInit = loop.node.type === AST_NODE_TYPES.ForStatement && loop.node.init && contains(loop.node.init, def.name);
      const keptVar = def.node.type === AST_NODE_TYPES.VariableDeclarator && def.parent?.type === AST_NODE_TYPES.VariableDeclaration && def.parent.kind === 'var' && !def.node.init;
      if (!inInit && !keptVar) return false;
    }
  }
  const body = loopBodyOf(loop.node);
  if (body?.type !== AST_NODE_TYPES.BlockStatement) return true;
  return !body.body.some(
    (statement) =>
      statement.range[1] <= append.range[0] &&
      statement.type === AST_NODE_TYPES.ExpressionStatement &&
      statement.expression.type === AST_NODE_TYPES.AssignmentExpression &&
      statement.expression.operator === '=' &&
      isSameTarget(statement.expression.left, target) &&
      getSelfOperands(statement.expression, target) === null,
  );
}

/**
 * True when, after `read`, the same iteration resets the accumulator (`s = ''` as a statement of a
 * block on the way up to `loop`): what was read is dropped, so the reads add up to what was appended.
 */
function isResetAfter(read: TSESTree.Node, loop: Loop, accumulator: Accumulator): boolean {
  let child: TSESTree.Node = read;
  for (let parent = read.parent; parent && parent !== loop.node; parent = parent.parent) {
    const statements = statementsOf(parent);
    if (statements) {
      const after = statements.slice(statements.indexOf(child) + 1);
      if (after.some((statement) => isResetOf(statement, accumulator))) return true;
    }
    child = parent;
  }
  return false;
}

/** `s = <value not built from s>;` for this accumulator. */
function isResetOf(statement: TSESTree.Node, accumulator: Accumulator): boolean {
  if (
    statement.type !== AST_NODE_TYPES.ExpressionStatement ||
    statement.expression.type !== AST_NODE_TYPES.AssignmentExpression ||
    statement.expression.operator !== '='
  ) {
    return false;
  }
  const target = asTarget(statement.expression.left);
  if (!target) return false;
  const owner = accumulator.owner;
  const same =
    'variable' in owner
      ? owner.variable.references.some((reference) => reference.identifier === target)
      : target.type === AST_NODE_TYPES.MemberExpression && target.property.name === owner.field;
  return same && getSelfOperands(statement.expression, target) === null;
}
