import type { ParserServicesWithTypeInformation, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';

import type { FunctionNode } from '../ast/index.js';
import {
  contains,
  forEachChild,
  getStaticPropertyName,
  isFunction,
  isIdentifierNamed,
  isLoopStatement,
  isStatementList,
  loopBodyOf,
  statementsOf,
  writesIdentifier,
} from '../ast/index.js';
import { isArrayOrTupleType } from './types.js';

export type LoopKind = 'callback' | 'do-while' | 'for' | 'for-in' | 'for-of' | 'while';

/** A construct whose body runs once per element or iteration. */
export interface Loop {
  kind: LoopKind;
  /** The loop statement, or the callback function for array iteration methods. */
  node: TSESTree.Node;
  /** For callbacks, the iteration method (`forEach`, `map`, …). */
  method?: string;
  /** Human-readable, for messages: "`for…of` loop at line 3", "`forEach()` callback at line 7". */
  description: string;
}

/** Array methods that call their callback once per element (synchronously). */
export const ARRAY_ITERATION_METHODS: ReadonlySet<string> = new Set([
  'every',
  'filter',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'flatMap',
  'forEach',
  'map',
  'reduce',
  'reduceRight',
  'some',
]);

const LOOP_WORDS: Record<Exclude<LoopKind, 'callback'>, string> = {
  'do-while': '`do…while` loop',
  for: '`for` loop',
  'for-in': '`for…in` loop',
  'for-of': '`for…of` loop',
  while: '`while` loop',
};

/** Decides whether an expression is a built-in Array (needs the type checker, so the rule supplies it). */
export type ArrayReceiverTest = (receiver: TSESTree.Expression) => boolean;

/**
 * Loop structure of one file. Callback classification asks the type checker once per candidate function
 * and is cached; everything else is a walk up the parent chain.
 */
export class LoopAnalysis {
  readonly #callbacks = new WeakMap<FunctionNode, Loop | null>();
  /** One `Loop` object per loop node, so that callers can compare loops by identity. */
  readonly #statements = new WeakMap<TSESTree.Node, Loop>();
  readonly #isArrayReceiver: ArrayReceiverTest | undefined;

  constructor(isArrayReceiver?: ArrayReceiverTest) {
    this.#isArrayReceiver = isArrayReceiver;
  }

  /**
   * The loops whose every iteration evaluates `node`, innermost first. The walk stops at a function
   * boundary unless that function is an array iteration callback: a closure created in a loop may run
   * any number of times, or never.
   */
  enclosingLoops(node: TSESTree.Node): Loop[] {
    const loops: Loop[] = [];
    let child: TSESTree.Node = node;
    let parent = node.parent;
    while (parent) {
      if (isFunction(parent)) {
        const callback = this.iterationCallback(parent);
        if (!callback) break;
        loops.push(callback);
      } else {
        const kind = loopKindOf(parent, child);
        if (kind) loops.push(this.#statementLoop(parent, kind));
      }
      child = parent;
      parent = parent.parent;
    }
    return loops;
  }

  #statementLoop(node: TSESTree.Node, kind: Exclude<LoopKind, 'callback'>): Loop {
    let loop = this.#statements.get(node);
    if (!loop) {
      loop = makeLoop(node, kind);
      this.#statements.set(node, loop);
    }
    return loop;
  }

  /** The `Loop` for a loop statement (its whole repeated part), or `null` for any other node. */
  loopStatement(node: TSESTree.Node): Loop | null {
    const kind = loopKindOf(node, loopBodyOf(node));
    return kind ? this.#statementLoop(node, kind) : null;
  }

  /** The loop a function stands for when it is the callback of an array iteration method, else `null`. */
  iterationCallback(fn: FunctionNode): Loop | null {
    const cached = this.#callbacks.get(fn);
    if (cached !== undefined) return cached;
    const loop = this.#classifyCallback(fn);
    this.#callbacks.set(fn, loop);
    return loop;
  }

  #classifyCallback(fn: FunctionNode): Loop | null {
    const call = fn.parent;
    if (
      fn.type === AST_NODE_TYPES.FunctionDeclaration ||
      fn.async ||
      fn.generator ||
      call.type !== AST_NODE_TYPES.CallExpression ||
      call.arguments[0] !== fn ||
      call.callee.type !== AST_NODE_TYPES.MemberExpression
    ) {
      return null;
    }
    const method = getStaticPropertyName(call.callee);
    if (method === null || !ARRAY_ITERATION_METHODS.has(method)) return null;
    if (!this.#isArrayReceiver?.(call.callee.object)) return null;
    return {
      description: `\`${method}()\` callback at line ${fn.loc.start.line}`,
      kind: 'callback',
      method,
      node: fn,
    };
  }
}

const analyses = new WeakMap<TSESTree.Program, LoopAnalysis>();

/**
 * One `LoopAnalysis` per file, shared by every rule that asks (keyed by the file's AST). With type
 * information, only callbacks on built-in arrays count as loops; without it (plain JavaScript), every
 * `forEach`/`map`/… callback does.
 */
export function getLoopAnalysis(sourceCode: Readonly<TSESLint.SourceCode>): LoopAnalysis {
  let analysis = analyses.get(sourceCode.ast);
  if (!analysis) {
    const services = sourceCode.parserServices as Partial<ParserServicesWithTypeInformation> | undefined;
    const program = services?.program;
    const getType = services?.getTypeAtLocation;
    analysis = new LoopAnalysis(
      program && getType ? (receiver) => isArrayOrTupleType(program, getType(receiver)) : () => true,
    );
    analyses.set(sourceCode.ast, analysis);
  }
  return analysis;
}

/** If `parent` is a loop statement and `child` sits in the part it repeats, the loop's kind. */
function loopKindOf(parent: TSESTree.Node, child: TSESTree.Node): Exclude<LoopKind, 'callback'> | null {
  switch (parent.type) {
    case AST_NODE_TYPES.ForStatement:
      // `init` runs once; `test`, `update` and `body` run every iteration.
      return child === parent.init ? null : 'for';
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      // The iterated expression is evaluated once.
      if (child !== parent.body) return null;
      return parent.type === AST_NODE_TYPES.ForInStatement ? 'for-in' : 'for-of';
    case AST_NODE_TYPES.WhileStatement:
      return 'while';
    case AST_NODE_TYPES.DoWhileStatement:
      return 'do-while';
    default:
      return null;
  }
}

function makeLoop(node: TSESTree.Node, kind: Exclude<LoopKind, 'callback'>): Loop {
  const word =
    kind === 'for-of' && node.type === AST_NODE_TYPES.ForOfStatement && node.await
      ? '`for await…of` loop'
      : LOOP_WORDS[kind];
  return { description: `${word} at line ${node.loc.start.line}`, kind, node };
}

/**
 * The statement before which code runs once per run of `loop`: the loop statement itself (or the
 * statement holding a callback's call), if it sits in a statement list of the same function.
 * `null` when reaching a statement list would leave a function (an arrow's expression body).
 */
export function statementBeforeLoop(loop: Loop): TSESTree.Statement | null {
  let node: TSESTree.Node = loop.node;
  while (node.parent && !isStatementList(node.parent)) {
    node = node.parent;
    if (isFunction(node)) return null;
  }
  return node.parent ? (node as TSESTree.Statement) : null;
}

/**
 * True when evaluating `node` leaves `loop` right after (a `return`/`throw` on the way up, or a block
 * that ends in `return`, `throw` or a `break` of that loop): such a read runs at most once per run of
 * the loop, so it does not repeat with every iteration.
 */
export function exitsLoopAfter(node: TSESTree.Node, loop: Loop): boolean {
  let child: TSESTree.Node = node;
  let parent = node.parent;
  while (parent && parent !== loop.node) {
    if (parent.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (parent.type === AST_NODE_TYPES.ReturnStatement && returnLeaves(parent, loop)) return true;
    const statements = statementsOf(parent);
    if (statements?.includes(child)) {
      const last = statements.at(-1);
      if (
        last?.type === AST_NODE_TYPES.ThrowStatement ||
        (last?.type === AST_NODE_TYPES.ReturnStatement && returnLeaves(last, loop)) ||
        (last?.type === AST_NODE_TYPES.BreakStatement && breakLeaves(last, parent, loop)) ||
        (last?.type === AST_NODE_TYPES.ContinueStatement && continueLeaves(last, loop))
      ) {
        return true;
      }
    }
    child = parent;
    parent = parent.parent;
  }
  return false;
}

/** A `return` leaves the loop when it returns from the function that contains the loop. */
function returnLeaves(statement: TSESTree.ReturnStatement, loop: Loop): boolean {
  let node: TSESTree.Node | undefined = statement.parent;
  while (node && !isFunction(node)) node = node.parent;
  return node !== undefined && node !== loop.node && contains(node, loop.node);
}

/** `continue outer` leaves `loop` when `outer` labels a loop around it (not `loop` itself). */
function continueLeaves(statement: TSESTree.ContinueStatement, loop: Loop): boolean {
  if (!statement.label || loop.kind === 'callback') return false;
  const name = statement.label.name;
  for (let node: TSESTree.Node | undefined = statement.parent; node && !isFunction(node); node = node.parent) {
    if (node.type === AST_NODE_TYPES.LabeledStatement && node.label.name === name) return node.body !== loop.node && contains(node, loop.node);
  }
  return false;
}

/** A `break` at the end of `block` leaves the loop when no switch or inner loop sits between them. */
function breakLeaves(statement: TSESTree.BreakStatement, block: TSESTree.Node, loop: Loop): boolean {
  if (loop.kind === 'callback') return false; // `break` cannot leave a callback
  if (statement.label) {
    // A labelled break leaves every loop inside the statement it names.
    const name = statement.label.name;
    for (let node: TSESTree.Node | undefined = statement.parent; node; node = node.parent) {
      if (node.type === AST_NODE_TYPES.LabeledStatement && node.label.name === name) {
        return contains(node, loop.node);
      }
    }
    return false;
  }
  for (let node = block.parent; node && node !== loop.node; node = node.parent) {
    if (node.type === AST_NODE_TYPES.SwitchStatement || isLoopStatement(node)) return false;
  }
  return true;
}

/**
 * The first statement in `body` that can end an iteration of `loop` early or leave it: `return` and
 * `throw` anywhere (outside nested functions), and `break`/`continue` that target `loop` (unlabelled
 * ones not inside a nested loop or switch, or labelled with a label around `loop`). `null` if none.
 */
export function findEarlyExit(body: TSESTree.Node, loop: TSESTree.Node): TSESTree.Node | null {
  let found: TSESTree.Node | null = null;
  // Every label around the loop (within its function): `break outer` of an enclosing loop or
  // block leaves this loop too, and so does `continue outer`.
  const labels = new Set<string>();
  for (let node = loop.parent; node && !isFunction(node); node = node.parent) {
    if (node.type === AST_NODE_TYPES.LabeledStatement) labels.add(node.label.name);
  }
  const visit = (node: TSESTree.Node, nested: { breakable: boolean; continuable: boolean }): void => {
    if (found) return;
    switch (node.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.ClassBody:
        return;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        found = node;
        return;
      case AST_NODE_TYPES.BreakStatement:
        if (node.label ? labels.has(node.label.name) : !nested.breakable) found = node;
        return;
      case AST_NODE_TYPES.ContinueStatement:
        if (node.label ? labels.has(node.label.name) : !nested.continuable) found = node;
        return;
      default:
        break;
    }
    const isLoop = isLoopStatement(node);
    const inner = {
      breakable: nested.breakable || isLoop || node.type === AST_NODE_TYPES.SwitchStatement,
      continuable: nested.continuable || isLoop,
    };
    forEachChild(node, (child) => visit(child, inner));
  };
  visit(body, { breakable: false, continuable: false });
  return found;
}

/** A counted loop: `for (let i = 0; i < bound; i++)` (or `bound > i`, `i += 1`). */
export interface CountedLoop {
  /** The loop variable. */
  index: TSESTree.Identifier;
  /** The bound: an identifier, a literal or a non-computed member (`src.length`). */
  bound: TSESTree.Expression;
}

/**
 * `node` as a counted loop from 0 up to `bound` by one, with the index not written in the body (so
 * the body runs exactly `bound` times if the bound does not change); `null` for any other loop.
 */
export function countedLoop(node: TSESTree.ForStatement): CountedLoop | null {
  const { init, test, update } = node;
  if (
    init?.type !== AST_NODE_TYPES.VariableDeclaration ||
    init.kind === 'var' ||
    init.declarations.length !== 1 ||
    init.declarations[0]!.id.type !== AST_NODE_TYPES.Identifier ||
    init.declarations[0]!.init?.type !== AST_NODE_TYPES.Literal ||
    init.declarations[0]!.init.value !== 0
  ) {
    return null;
  }
  const index = init.declarations[0]!.id;
  const isIndex = (n: TSESTree.Node | null | undefined) => isIdentifierNamed(n, index.name);
  let bound: TSESTree.Expression | null = null;
  if (test?.type === AST_NODE_TYPES.BinaryExpression && test.operator === '<' && isIndex(test.left)) bound = test.right as TSESTree.Expression;
  if (test?.type === AST_NODE_TYPES.BinaryExpression && test.operator === '>' && isIndex(test.right)) bound = test.left as TSESTree.Expression;
  if (!bound || !(bound.type === AST_NODE_TYPES.Identifier || bound.type === AST_NODE_TYPES.Literal || (bound.type === AST_NODE_TYPES.MemberExpression && !bound.computed))) {
    return null;
  }
  const stepsByOne =
    (update?.type === AST_NODE_TYPES.UpdateExpression && update.operator === '++' && isIndex(update.argument)) ||
    (update?.type === AST_NODE_TYPES.AssignmentExpression &&
      update.operator === '+=' &&
      isIndex(update.left) &&
      update.right.type === AST_NODE_TYPES.Literal &&
      update.right.value === 1);
  if (!stepsByOne || writesIdentifier(node.body, index.name)) return null;
  return { bound, index };
}
