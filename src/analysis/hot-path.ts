/**
 * The hot-path model: is a node in code that runs per request, per message or per iteration, and
 * why. One instance per file, shared by every rule; a function's verdict is computed once.
 * See docs/hot-paths.md for what counts as hot and how to mark or unmark code.
 */
import type { ParserServices, TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../util/deps.js';
import path from 'node:path';

import { type FunctionNode, functionName, getStaticPropertyName, keyName, nearestFunction } from '../ast/index.js';
import type { LoopAnalysis } from './loops.js';
import { type FileProfile, getFileProfile, qualifiedName } from './profile.js';

export type HotKind = 'handler' | 'loop' | 'marked' | 'profile';

export interface HotReason {
  kind: HotKind;
  /** For messages: "inside the `for…of` loop at line 12", "in the route handler `GET /users`". */
  description: string;
}


const HTTP_METHODS = new Set(['all', 'delete', 'get', 'head', 'options', 'patch', 'post', 'put']);
const SERVER_FACTORIES = new Set(['createSecureServer', 'createServer']);
/** Events whose listeners run per request, message or chunk. */
const HOT_EVENTS = new Set(['connection', 'data', 'message', 'request', 'stream']);
/** Fastify's per-request hooks. */
const FASTIFY_HOOKS = new Set([
  'onRequest',
  'onResponse',
  'onSend',
  'preHandler',
  'preParsing',
  'preSerialization',
  'preValidation',
]);
const NEST_ROUTE_DECORATORS = new Set(['All', 'Delete', 'Get', 'Head', 'Options', 'Patch', 'Post', 'Put']);
const NEXT_ROUTE_EXPORTS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
/** Parameter types that mark a function as a request handler. */
const HANDLER_PARAMETER_TYPES = new Set([
  'Context',
  'FastifyReply',
  'FastifyRequest',
  'IncomingMessage',
  'Request',
  'Response',
  'ServerResponse',
]);

export interface HotPathSettings {
  /** Function name patterns (`*` matches any run of characters) to treat as hot. */
  hotFunctions: readonly string[];
}

export class HotPathModel {
  readonly #functions = new WeakMap<FunctionNode, HotReason | null>();
  readonly #loops: LoopAnalysis;
  readonly #sourceCode: Readonly<TSESLint.SourceCode>;
  readonly #services: Partial<ParserServices> | undefined;
  readonly #patterns: RegExp[];
  readonly #filename: string;
  readonly #profile: FileProfile | null;

  constructor(
    sourceCode: Readonly<TSESLint.SourceCode>,
    filename: string,
    loops: LoopAnalysis,
    settings: HotPathSettings,
    profile: FileProfile | null = null,
  ) {
    this.#sourceCode = sourceCode;
    this.#profile = profile;
    this.#filename = filename;
    this.#loops = loops;
    this.#services = sourceCode.parserServices;
    this.#patterns = settings.hotFunctions.map(
      (pattern) => new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`, 'u'),
    );
  }

  /**
   * Why `node` is hot, or `null`. Loops count only inside functions (a loop at module level runs
   * once, at startup); the innermost loop is named first, then the nearest hot function.
   */
  hotness(node: TSESTree.Node): HotReason | null {
    const enclosingFunction = nearestFunction(node);
    const loop = this.#loops.enclosingLoops(node)[0];
    if (loop && (loop.kind === 'callback' ? nearestFunction(loop.node) : enclosingFunction)) {
      return { description: `inside the ${loop.description}`, kind: 'loop' };
    }
    return enclosingFunction ? this.enclosingHotness(enclosingFunction) : null;
  }

  /**
   * Why code directly in `fn` is hot, loops aside: `fn` or a function around it by shape or mark, or
   * `fn` itself by the profile (a profile measures each function, callbacks included: its verdict is
   * not inherited).
   */
  enclosingHotness(fn: FunctionNode): HotReason | null {
    for (let current: FunctionNode | null = fn; current; current = nearestFunction(current)) {
      const reason = this.functionHotness(current) ?? (current === fn ? this.#byProfile(current) : null);
      if (reason) return reason;
    }
    return null;
  }

  /** Why a function runs per request or message, or `null` (cached per function). */
  functionHotness(fn: FunctionNode): HotReason | null {
    let reason = this.#functions.get(fn);
    if (reason === undefined) {
      reason = this.#classify(fn);
      this.#functions.set(fn, reason);
    }
    return reason;
  }

  #classify(fn: FunctionNode): HotReason | null {
    const name = functionName(fn);
    if (hasHotTag(this.#sourceCode, fn)) {
      return { description: `in ${name ? `\`${name}\`` : 'a function'} (marked \`@hot\`)`, kind: 'marked' };
    }
    if (name && this.#patterns.some((pattern) => pattern.test(name))) {
      return { description: `in \`${name}\` (listed in \`settings.alloc.hotFunctions\`)`, kind: 'marked' };
    }
    return (
      this.#byCallShape(fn) ??
      this.#byDeclaration(fn, name) ??
      this.#byReference(fn) ??
      this.#byParameterType(fn)
    );
  }

  /** A function `settings.alloc.profile` measured above the threshold; the figure goes in every report's `{{profile}}`. */
  #byProfile(fn: FunctionNode): HotReason | null {
    const entry = this.#profile?.hotEntries(fn)[0];
    if (!entry) return null;
    const name = qualifiedName(fn);
    return { description: `in ${name ? `\`${name}\`` : 'a function'} (hot in ${entry.profile.label})`, kind: 'profile' };
  }

  /** A named function registered by reference: `app.get('/users', listUsers)`, `Bun.serve({ fetch })`. */
  #byReference(fn: FunctionNode): HotReason | null {
    const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : null;
    if (!holder) return null;
    for (const variable of this.#sourceCode.getDeclaredVariables(holder)) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        const reason = this.#byCallShape(reference.identifier);
        if (reason) return reason;
      }
    }
    return null;
  }

  /** `fn` (a function, or a reference to one) is passed to a call that registers a handler. */
  #byCallShape(fn: TSESTree.Node): HotReason | null {
    const parent = fn.parent;
    // `{ handler: fn }` in `fastify.route({...})`, `{ fetch }` in `Bun.serve({...})`, `{ transform }` in `new Transform({...})`.
    if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
      return this.#byObjectMember(parent);
    }
    if (parent?.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      return null;
    }
    const { callee } = parent;
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
    if (method === null) return null;
    if (SERVER_FACTORIES.has(method)) return handler('in a `node:http` request handler');
    if (method === 'serve' && isNamed(callee, 'Deno')) return handler('in a `Deno.serve` handler');
    const first = parent.arguments[0];
    if ((method === 'on' || method === 'addListener' || method === 'addEventListener') && first) {
      const event = stringValue(first);
      if (event !== null && HOT_EVENTS.has(event)) return handler(`in a \`'${event}'\` listener`);
      return null;
    }
    if (method === 'addHook' && first) {
      const hook = stringValue(first);
      if (hook !== null && FASTIFY_HOOKS.has(hook)) return handler(`in the \`${hook}\` hook`);
      return null;
    }
    // `use` is also a plugin hook elsewhere (`chai.use`): only on receivers named like a server or router.
    if (method === 'use' && callee.type === AST_NODE_TYPES.MemberExpression && looksLikeServer(callee.object)) {
      return handler('in middleware registered with `use()`');
    }
    if (HTTP_METHODS.has(method) && callee.type === AST_NODE_TYPES.MemberExpression) {
      const route = first ? stringValue(first) : null;
      if (route !== null) return handler(`in the route handler \`${method.toUpperCase()} ${route}\``);
      // `router.route('/x').get(fn)`
      if (callee.object.type === AST_NODE_TYPES.CallExpression) {
        const inner = callee.object.callee;
        if (inner.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(inner) === 'route') {
          const path = callee.object.arguments[0] ? stringValue(callee.object.arguments[0]) : null;
          return handler(`in the route handler \`${method.toUpperCase()}${path === null ? '' : ` ${path}`}\``);
        }
      }
    }
    return null;
  }

  #byObjectMember(property: TSESTree.Property | TSESTree.MethodDefinition): HotReason | null {
    // Computed keys name nothing we can check; getters and setters are not handlers.
    if (property.computed || property.kind === 'get' || property.kind === 'set') return null;
    const key = keyName(property.key);
    if (key === null) return null;
    const object = property.parent;
    if ((key === 'transform' || key === '_transform') && isStreamTransform(object)) {
      return handler(`in a stream \`${key}()\` method`);
    }
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return null;
    // `export default { fetch } satisfies ExportedHandler`, `… as const`.
    let holder = object.parent;
    while (holder?.type === AST_NODE_TYPES.TSSatisfiesExpression || holder?.type === AST_NODE_TYPES.TSAsExpression) holder = holder.parent;
    if (key === 'fetch') {
      if (holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return handler('in a `fetch` handler');
      if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(holder.callee) === 'serve') {
        return handler('in a `fetch` handler');
      }
    }
    if (
      key === 'handler' &&
      holder?.type === AST_NODE_TYPES.CallExpression &&
      holder.callee.type === AST_NODE_TYPES.MemberExpression &&
      getStaticPropertyName(holder.callee) === 'route'
    ) {
      const url = object.properties.find((p) => p.type === AST_NODE_TYPES.Property && keyName(p.key, p.computed) === 'url');
      const route = url?.type === AST_NODE_TYPES.Property ? stringValue(url.value) : null;
      return handler(`in the route handler${route === null ? '' : ` \`${route}\``}`);
    }
    return null;
  }

  /** Next.js route exports, NestJS decorated methods, stream transform methods, `export default { fetch }`. */
  #byDeclaration(fn: FunctionNode, name: string | null): HotReason | null {
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
      const decorator = parent.decorators.map(decoratorName).find((d) => d !== null && NEST_ROUTE_DECORATORS.has(d));
      const classNode = parent.parent.parent;
      const isController = classNode.decorators.some((d) => decoratorName(d) === 'Controller');
      if (decorator && isController) {
        return handler(`in the NestJS \`@${decorator}\` handler \`${classNode.id?.name ?? 'controller'}.${name ?? ''}\``);
      }
      return this.#byObjectMember(parent);
    }
    if (
      name !== null &&
      NEXT_ROUTE_EXPORTS.has(name) &&
      fn.type === AST_NODE_TYPES.FunctionDeclaration &&
      parent?.type === AST_NODE_TYPES.ExportNamedDeclaration &&
      /^route\.[cm]?[jt]sx?$/u.test(path.basename(this.#filename))
    ) {
      return handler(`in the Next.js route handler \`${name}\``);
    }
    return null;
  }

  /** With type information: a parameter typed as a request, response or framework context. */
  #byParameterType(fn: FunctionNode): HotReason | null {
    const services = this.#services;
    if (!services?.program || !services.getTypeAtLocation) return null;
    for (const parameter of fn.params.slice(0, 2)) {
      const type = services.getTypeAtLocation(parameter);
      const typeName = (type.aliasSymbol ?? type.getSymbol())?.getName();
      if (typeName && HANDLER_PARAMETER_TYPES.has(typeName)) return handler(`in a handler taking a \`${typeName}\``);
    }
    return null;
  }
}

const models = new WeakMap<TSESTree.Program, HotPathModel>();

/** One hot-path model per file, shared by every rule that asks. */
export function getHotPathModel(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  loops: LoopAnalysis,
): HotPathModel {
  const { sourceCode } = context;
  let model = models.get(sourceCode.ast);
  if (!model) {
    model = new HotPathModel(sourceCode, context.filename, loops, readSettings(context.settings), getFileProfile(context));
    models.set(sourceCode.ast, model);
  }
  return model;
}

function readSettings(settings: Readonly<Record<string, unknown>>): HotPathSettings {
  const alloc = settings.alloc as { hotFunctions?: unknown } | undefined;
  const patterns = Array.isArray(alloc?.hotFunctions) ? alloc.hotFunctions.filter((p): p is string => typeof p === 'string') : [];
  return { hotFunctions: patterns };
}

function handler(description: string): HotReason {
  return { description, kind: 'handler' };
}


const HOT_TAG = /(^|\s)@hot\b/u;

/** A `/** @hot *\/` JSDoc on the function, its variable declaration, method or export. */
function hasHotTag(sourceCode: Readonly<TSESLint.SourceCode>, fn: FunctionNode): boolean {
  let holder: TSESTree.Node = fn;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) holder = parent.parent;
  else if (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.PropertyDefinition) holder = parent;
  if (holder.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || holder.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
    holder = holder.parent;
  }
  // With decorators, the JSDoc may sit between them and the method's key.
  const comments = [
    ...sourceCode.getCommentsBefore(holder),
    ...(parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition ? sourceCode.getCommentsBefore(parent.key) : []),
  ];
  return comments.some((comment) => comment.type === 'Block' && comment.value.startsWith('*') && HOT_TAG.test(comment.value));
}

/** An object passed to `new Transform(…)` / `new stream.Transform(…)`, or a class extending one. */
function isStreamTransform(container: TSESTree.Node | undefined): boolean {
  const isTransformName = (node: TSESTree.Node | null | undefined): boolean =>
    (node?.type === AST_NODE_TYPES.Identifier && /Transform$/u.test(node.name)) ||
    (node?.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(node) !== null && /Transform$/u.test(getStaticPropertyName(node)!));
  if (container?.type === AST_NODE_TYPES.ObjectExpression) {
    const parent = container.parent;
    return parent?.type === AST_NODE_TYPES.NewExpression && isTransformName(parent.callee);
  }
  if (container?.type === AST_NODE_TYPES.ClassBody) return isTransformName(container.parent.superClass);
  return false;
}

/** `app`, `router`, `server`, `api`, `koa`, `hono`, … (or `this.app`): a receiver that serves requests. */
function looksLikeServer(node: TSESTree.Node): boolean {
  const name =
    node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(node) : null;
  return name !== null && SERVER_NAMES.test(name);
}

const SERVER_NAMES = /^(?:api|app|application|express|fastify|hono|koa|router|server)(?:[A-Z0-9_]\w*)?$/iu;

function decoratorName(decorator: TSESTree.Decorator): string | null {
  const expression = decorator.expression;
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : null;
}


function stringValue(node: TSESTree.Node): string | null {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]!.value.cooked ?? null;
  return null;
}

function isNamed(callee: TSESTree.Node, objectName: string): boolean {
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === objectName
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/gu, '\\$&');
}
