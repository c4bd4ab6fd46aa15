/**
 * The execution-frequency model: how often a node runs, and why, for the one question every rule
 * asks before reporting an allocation: does it repeat in code that runs often? Per file, built on
 * the loop analysis and the hot-path model, computed on demand per node and cached per loop and per
 * function; no whole-program walk. See docs/hot-paths.md ("What counts as repeated").
 *
 * - Per loop entry: a node repeats with a loop unless every evaluation of it leaves the loop
 *   (`break`, `return`, `throw`), and it may run only on some iterations (a branch).
 * - Trip count: a loop over a small, fixed set (an array literal, a tuple, a constant bound) runs a
 *   known number of times.
 * - Code heat: hot (a handler, `@hot`, `settings.alloc.hotFunctions`, the profile), once (module
 *   level, the outer body of a factory, set-up functions, functions only called from once-code, a
 *   lazy-initialisation guard), cold (test code), or unknown; error paths are asked separately.
 * - Dominated: an iteration that awaits spends its time waiting, not allocating.
 */
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import type ts from 'typescript';

import type { FunctionNode } from '../ast/index.js';
import { contains, findNode, functionName, hasAwaitOrYield, isFunction, isModuleLevelBinding, loopBodyOf, nearestFunction, skipTypeWrappers, statementsOf } from '../ast/index.js';
import { AST_NODE_TYPES } from '../util/deps.js';
import { constantNumber } from './constants.js';
import type { HotPathModel, HotReason } from './hot-path.js';
import { getHotPathModel } from './hot-path.js';
import type { Loop, LoopAnalysis } from './loops.js';
import { countedLoop, exitsLoopAfter, getLoopAnalysis } from './loops.js';
import type { FileProfile } from './profile.js';
import { getFileProfile } from './profile.js';

/** A loop that evaluates a node again on its iterations. */
export interface RepeatingLoop {
  loop: Loop;
  /** Only some iterations evaluate the node (it sits in a branch of the loop body). */
  conditional: boolean;
}

/** A fixed number of iterations, with what fixes it: "the 3 elements of an array literal". */
export interface TripCount {
  count: number;
  description: string;
}

export type HeatKind = 'cold' | 'hot' | 'once' | 'unknown';

export interface Heat {
  kind: HeatKind;
  /** For messages and docs: "at module level", "in the factory `createHandler`, which runs once". */
  reason: string;
  /** The hot-path model's reason, for `hot`. */
  hot?: HotReason;
}

/** Options every allocation rule takes (shared schema: `FREQUENCY_SCHEMA`). */
export interface FrequencyOptions {
  /** Loops with a constant trip count up to this are small: nothing in them repeats enough to report. */
  minIterations: number;
  /** Also report in once-code, on error paths and in iterations that await (the `strict` configs). */
  reportRareCode: boolean;
}

/**
 * `minIterations` is measured: up to 17 elements a push loop allocates one backing store, as
 * presizing does (bench group `small-counts` of prefer-presized-array; tests/docs.test.ts checks
 * that this default is the measured count).
 */
export const DEFAULT_FREQUENCY_OPTIONS: FrequencyOptions = { minIterations: 17, reportRareCode: false };

/** What the `strict` and `all` configs set: today's breadth, every loop and every function. */
export const STRICT_FREQUENCY_OPTIONS: FrequencyOptions = { minIterations: 0, reportRareCode: true };

/** The JSON-schema properties of `FrequencyOptions`, merged into each rule's options object. */
export const FREQUENCY_SCHEMA = {
  minIterations: {
    type: 'integer',
    minimum: 0,
    description:
      'A loop with a constant trip count of at most this many iterations (an array literal, a tuple, `i < 8`) is small: allocations in it are not reported. `0` reports every loop.',
  },
  reportRareCode: {
    type: 'boolean',
    description:
      'Also report in code that runs once (module level, factories, set-up functions, lazy initialisation), in test code (`__tests__/`, `testing/`, `*.test.*`), on error paths (`catch`, blocks that end in `throw`) and in loop iterations that `await`.',
  },
} as const;

/**
 * Test code: files under `__tests__/`, `__mocks__/` or `testing/`, and `*.test.*` / `*.spec.*`
 * files. It runs in a test suite, not per request in production.
 */
const TEST_FILE = /(?:^|[\\/])(?:__mocks__|__tests__|testing)[\\/]|\.(?:spec|test)\.[cm]?[jt]sx?$/u;

/**
 * The once-only set-up names: `register…`, `setup…`, `init…`, `configure…`, `compile…`, `install…`,
 * `bootstrap…`, `define…` (and the names themselves).
 */
const SETUP_NAMES = /^(?:bootstrap|compile|configure|define|init|initiali[sz]e|install|register|setUp|setup)(?:$|[A-Z_$0-9])/u;

export class FrequencyModel {
  readonly #loops: LoopAnalysis;
  readonly #hot: HotPathModel;
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;
  readonly #services: Partial<ParserServices> | undefined;
  readonly #trips = new WeakMap<Loop, TripCount | null>();
  readonly #awaits = new WeakMap<Loop, boolean>();
  readonly #heat = new WeakMap<FunctionNode, Heat>();
  readonly #profile: FileProfile | null;
  readonly #testFile: boolean;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, loops: LoopAnalysis, hot: HotPathModel, profile: FileProfile | null = null, filename = '') {
    this.#sourceCode = sourceCode;
    this.#testFile = TEST_FILE.test(filename);
    this.#profile = profile;
    this.#loops = loops;
    this.#hot = hot;
    this.#services = sourceCode.parserServices;
  }

  /** The enclosing loops that evaluate `node` again (innermost first): not those it always leaves. */
  repeatingLoops(node: TSESTree.Node): RepeatingLoop[] {
    return this.#loops
      .enclosingLoops(node)
      .filter((loop) => !exitsLoopAfter(node, loop))
      .map((loop) => ({ conditional: isConditionalIn(node, loop), loop }));
  }

  /** The constant number of iterations of `loop`, or `null` when it depends on data. */
  tripCount(loop: Loop): TripCount | null {
    let trip = this.#trips.get(loop);
    if (trip === undefined) {
      trip = this.#tripCount(loop);
      this.#trips.set(loop, trip);
    }
    return trip;
  }

  /** `loop` runs a constant number of iterations of at most `minIterations`. */
  isSmall(loop: Loop, minIterations: number): boolean {
    const trip = this.tripCount(loop);
    return trip !== null && trip.count <= minIterations;
  }

  /** An iteration of `loop` awaits (or is a `for await`): the wait, not the allocation, is its cost. */
  iterationAwaits(loop: Loop): boolean {
    let awaits = this.#awaits.get(loop);
    if (awaits === undefined) {
      awaits =
        (loop.node.type === AST_NODE_TYPES.ForOfStatement && loop.node.await) ||
        (loop.kind !== 'callback' && hasAwaitOrYield(loopBodyOf(loop.node)));
      this.#awaits.set(loop, awaits);
    }
    return awaits;
  }

  /** An error path: `node` sits in a `catch` block, a `throw`, or a block that ends in `throw`. */
  errorPath(node: TSESTree.Node): string | null {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.ThrowStatement) return 'it builds the value of a `throw`';
      if (parent.type === AST_NODE_TYPES.CatchClause) return 'it is in a `catch` block';
      const statements = statementsOf(parent);
      if (statements?.includes(child) && statements.at(-1)?.type === AST_NODE_TYPES.ThrowStatement) {
        return 'its block ends in `throw`';
      }
    }
    return null;
  }

  /**
   * How often the code around `node` runs: its function's heat (an array iteration callback stands
   * for its loop, so its host function counts), or once behind a lazy-initialisation guard.
   */
  heat(node: TSESTree.Node): Heat {
    if (this.#testFile) return { kind: 'cold', reason: 'in test code, which does not run in production' };
    const guard = lazyInitGuard(this.#sourceCode, node);
    if (guard) return { kind: 'once', reason: `behind the lazy-initialisation guard of \`${guard}\`` };
    const fn = this.#hostFunction(node);
    return fn ? this.functionHeat(fn) : { kind: 'once', reason: 'at module level, which runs once' };
  }

  /**
   * With `settings.alloc.profile`: whether the profile marks `node`'s function (or one around it) hot
   * (at or above `settings.alloc.profileThreshold`). Without a profile, `true`.
   */
  isProfiledHot(node: TSESTree.Node): boolean {
    const profile = this.#profile;
    if (!profile) return true;
    for (let fn = nearestFunction(node); fn; fn = nearestFunction(fn)) if (profile.hotEntries(fn).length > 0) return true;
    return false;
  }

  /** The heat of a function (cached). */
  functionHeat(fn: FunctionNode): Heat {
    let heat = this.#heat.get(fn);
    if (heat === undefined) {
      // A call cycle among once-only candidates: unknown, until proven otherwise.
      this.#heat.set(fn, { kind: 'unknown', reason: '' });
      heat = this.#classify(fn);
      this.#heat.set(fn, heat);
    }
    return heat;
  }

  #classify(fn: FunctionNode): Heat {
    const hot = this.#hot.enclosingHotness(fn);
    if (hot) return { hot, kind: 'hot', reason: hot.description };
    const name = functionName(fn);
    const label = name ? `\`${name}\`` : 'this function';
    if (returnsFunction(fn)) return { kind: 'once', reason: `in the factory ${label}, which runs once to build the function it returns` };
    if (name !== null && SETUP_NAMES.test(name)) return { kind: 'once', reason: `in ${label}, set-up code that runs once` };
    if (this.#calledOnlyFromOnceCode(fn)) return { kind: 'once', reason: `in ${label}, which is only called from code that runs once` };
    // An immediately invoked function runs as often as the code that calls it.
    if (fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.callee === fn && this.heat(fn.parent).kind === 'once') {
      return { kind: 'once', reason: 'in a function called immediately by code that runs once' };
    }
    return { kind: 'unknown', reason: '' };
  }

  /** The function whose calls run `node`: array iteration callbacks count as their host's body. */
  #hostFunction(node: TSESTree.Node): FunctionNode | null {
    let fn = nearestFunction(node);
    while (fn && this.#loops.iterationCallback(fn)) fn = nearestFunction(fn);
    return fn;
  }

  /** A function of this file, not exported, called (never passed on) only from once-code. */
  #calledOnlyFromOnceCode(fn: FunctionNode): boolean {
    const holder =
      fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.parent.kind === 'const' ? fn.parent : null;
    if (!holder) return false;
    const exported = holder.type === AST_NODE_TYPES.FunctionDeclaration ? holder.parent : holder.parent.parent;
    if (exported?.type === AST_NODE_TYPES.ExportNamedDeclaration || exported?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return false;
    const variable = this.#sourceCode.getDeclaredVariables(holder)[0];
    const uses = variable?.references.filter((reference) => !reference.init) ?? [];
    if (uses.length === 0) return false;
    return uses.every((reference) => {
      const identifier = reference.identifier;
      const call = identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== identifier) return false;
      if (contains(fn, call)) return false;
      // Called in a loop, the function runs once per iteration: not once.
      if (this.#loops.enclosingLoops(call).length > 0) return false;
      return this.heat(call).kind === 'once';
    });
  }

  #tripCount(loop: Loop): TripCount | null {
    const node = loop.node;
    if (node.type === AST_NODE_TYPES.ForStatement) {
      const counted = countedLoop(node);
      const bound = counted ? constantNumber(this.#sourceCode, counted.bound) : null;
      return bound === null ? null : { count: Math.max(0, bound), description: `\`${this.#sourceCode.getText(counted!.bound)}\` iterations` };
    }
    if (node.type === AST_NODE_TYPES.ForOfStatement && !node.await) return this.#fixedLength(node.right);
    if (loop.kind === 'callback' && node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee.type === AST_NODE_TYPES.MemberExpression) {
      return this.#fixedLength(node.parent.callee.object);
    }
    return null;
  }

  /** The number of elements of an array literal without spreads or holes, or of a fixed-length tuple. */
  #fixedLength(expression: TSESTree.Expression): TripCount | null {
    const inner = skipTypeWrappers(expression);
    if (inner.type === AST_NODE_TYPES.ArrayExpression) {
      if (inner.elements.some((element) => element === null || element.type === AST_NODE_TYPES.SpreadElement)) return null;
      return { count: inner.elements.length, description: `the ${inner.elements.length} elements of an array literal` };
    }
    const services = this.#services;
    if (!services?.program || !services.getTypeAtLocation) return null;
    const checker = services.program.getTypeChecker();
    const type = services.getTypeAtLocation(expression);
    if (!checker.isTupleType(type)) return null;
    const target = (type as ts.TypeReference).target as ts.TupleType;
    if (target.hasRestElement || target.minLength !== target.fixedLength) return null;
    return { count: target.fixedLength, description: `the ${target.fixedLength} elements of a tuple` };
  }
}

/** A `return` of a function (or an arrow's expression body that is one): the factory shape. */
function returnsFunction(fn: FunctionNode): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isFunction(skipTypeWrappers(fn.body));
  const visit = (node: TSESTree.Node): boolean => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) {
      return node.argument !== null && isFunction(skipTypeWrappers(node.argument));
    }
    const statements = statementsOf(node);
    if (statements) return statements.some(visit);
    if (node.type === AST_NODE_TYPES.IfStatement) return visit(node.consequent) || (node.alternate !== null && visit(node.alternate));
    if (node.type === AST_NODE_TYPES.TryStatement) return visit(node.block);
    return false;
  };
  return visit(fn.body);
}

/**
 * `node` runs only on some iterations of `loop`: it sits in a branch (`if`, `switch` case, `?:`,
 * `&&`/`||`/`??` right operand, `catch`) inside the loop's repeated part.
 */
function isConditionalIn(node: TSESTree.Node, loop: Loop): boolean {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && parent !== loop.node; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child !== parent.test) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
      case AST_NODE_TYPES.CatchClause:
        return true;
      case AST_NODE_TYPES.AssignmentExpression:
        if (child === parent.right && (parent.operator === '??=' || parent.operator === '||=' || parent.operator === '&&=')) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

/**
 * The name `node` initialises lazily, once: `if (!re) re = …`, `if (re === undefined) { re = … }`,
 * `re ??= …`, `re ||= …`, where `re` is a module-level binding or a member (`this.cache`).
 */
function lazyInitGuard(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | null {
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && child === parent.right && (parent.operator === '??=' || parent.operator === '||=')) {
      const target = guardTarget(sourceCode, parent.left);
      if (target) return target;
    }
    if (parent.type === AST_NODE_TYPES.IfStatement && child === parent.consequent) {
      const tested = negatedTest(parent.test);
      const target = tested ? guardTarget(sourceCode, tested) : null;
      if (target && assigns(sourceCode, parent.consequent, sourceCode.getText(tested!))) return target;
    }
  }
  return null;
}

/** `x` for `!x`, `x === undefined`, `x == null`, `x === null`, `undefined === x`. */
function negatedTest(test: TSESTree.Expression): TSESTree.Node | null {
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') return test.argument;
  if (test.type === AST_NODE_TYPES.BinaryExpression && (test.operator === '===' || test.operator === '==')) {
    const isEmpty = (n: TSESTree.Node) => (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined') || (n.type === AST_NODE_TYPES.Literal && n.value === null);
    if (isEmpty(test.right)) return test.left;
    if (isEmpty(test.left)) return test.right;
  }
  return null;
}

/** The text of a guard's target when it outlives the call: a module-level binding, or a member. */
function guardTarget(sourceCode: Readonly<TSESLint.SourceCode>, target: TSESTree.Node): string | null {
  if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed) return sourceCode.getText(target);
  return target.type === AST_NODE_TYPES.Identifier && isModuleLevelBinding(sourceCode, target) ? target.name : null;
}

/** `block` assigns to the expression written `text` (`re = …`, `this.cache = …`) outside nested functions. */
function assigns(sourceCode: Readonly<TSESLint.SourceCode>, block: TSESTree.Node, text: string): boolean {
  return findNode(block, (node) => node.type === AST_NODE_TYPES.AssignmentExpression && sourceCode.getText(node.left) === text, isFunction) !== null;
}

/** Whether and where an allocation repeats, by a rule's policy; `why` says why not, for tests and docs. */
export type Verdict =
  | { report: true; loop: RepeatingLoop | null; hot: HotReason | null }
  | { report: false; why: string };

/**
 * The one policy every allocation rule applies.
 * - `constant` (a fixed cost per evaluation): report an allocation that repeats — on the iterations
 *   of a loop that is not small (the first such loop of `loops`, innermost first), or, with `hot`,
 *   on every call of hot code, or, with `everyCall`, on every call of any code not known to be rare
 *   (a rule's strict breadth) — and never in once-code, on an error path or in an iteration that
 *   awaits (unless `reportRareCode`). With a profile, only in functions the profile marks hot.
 * - `quadratic` (a copy that grows with every iteration of `loop`): report unless `loop` is small or
 *   the copy is on an error path (unless `reportRareCode`); once-code is no excuse.
 */
export function decide(
  model: FrequencyModel,
  node: TSESTree.Node,
  options: FrequencyOptions,
  policy:
    | { kind: 'constant'; loops?: readonly RepeatingLoop[]; hot?: boolean; everyCall?: boolean }
    | { kind: 'quadratic'; loop: Loop },
): Verdict {
  const rare = !options.reportRareCode;
  if (rare) {
    const error = model.errorPath(node);
    if (error) return { report: false, why: `on an error path: ${error}` };
  }
  if (policy.kind === 'quadratic') {
    if (model.isSmall(policy.loop, options.minIterations)) return { report: false, why: `the loop is small: ${model.tripCount(policy.loop)!.description}` };
    return { hot: null, loop: { conditional: isConditionalIn(node, policy.loop), loop: policy.loop }, report: true };
  }
  if (rare) {
    const heat = model.heat(node);
    if (heat.kind === 'once') return { report: false, why: `runs once: ${heat.reason}` };
    if (heat.kind === 'cold') return { report: false, why: heat.reason };
  }
  if (!model.isProfiledHot(node)) return { report: false, why: 'the profile does not mark its function hot' };
  const loops = policy.loops ?? model.repeatingLoops(node);
  const loop = loops.find((candidate) => !model.isSmall(candidate.loop, options.minIterations));
  if (loop && !(rare && model.iterationAwaits(loop.loop))) return { hot: null, loop, report: true };
  if (policy.hot) {
    const heat = model.heat(node);
    if (heat.kind === 'hot') return { hot: heat.hot!, loop: null, report: true };
  }
  if (loop) return { report: false, why: 'each iteration awaits: the wait, not the allocation, is the cost' };
  if (policy.everyCall) return { hot: null, loop: null, report: true };
  return { report: false, why: loops.length > 0 ? 'every loop around it is small' : 'it does not repeat' };
}

/** Where a reported allocation repeats, for messages: "inside the `for…of` loop at line 3", "in the route handler `GET /`". */
export function whereItRepeats(verdict: Extract<Verdict, { report: true }>): string {
  return verdict.loop ? `inside the ${verdict.loop.loop.description}` : (verdict.hot?.description ?? 'on every call');
}

const models = new WeakMap<TSESTree.Program, FrequencyModel>();

/** One frequency model per file, shared by every rule that asks. */
export function getFrequencyModel(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FrequencyModel {
  const { sourceCode } = context;
  let model = models.get(sourceCode.ast);
  if (!model) {
    const loops = getLoopAnalysis(sourceCode);
    model = new FrequencyModel(sourceCode, loops, getHotPathModel(context, loops), getFileProfile(context), context.physicalFilename);
    models.set(sourceCode.ast, model);
  }
  return model;
}
