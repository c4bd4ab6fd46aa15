import rule from '../../src/rules/no-json-stringify-in-hot-path.js';
import { createTypedRuleTester, createUntypedRuleTester } from '../rule-tester.js';
import { at, ExecutedFixes } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
const executed = new ExecutedFixes();

const constantData = (hot: string) => ({ hot, profile: '' });

// Executed: a handler is registered, then called twice; the responses must not change.
const HTTP_BEFORE = `const handlers: (() => string)[] = [];
const STATUS = { ok: true, version: 3 };
function statusHandler() {
  return JSON.stringify(STATUS);
}
handlers.push(statusHandler);
const result = handlers.map((handler) => handler() + handler());`;
const HTTP_AFTER = HTTP_BEFORE.replace(
  'const STATUS = { ok: true, version: 3 };',
  'const STATUS = { ok: true, version: 3 };\nconst STATUS_JSON = JSON.stringify(STATUS);',
).replace('return JSON.stringify(STATUS);', 'return STATUS_JSON;');

ruleTester.run('no-json-stringify-in-hot-path', rule, {
  valid: [
    // Cold code: module level, startup, plain functions.
    'const CONFIG = { a: 1 };\nconsole.log(JSON.stringify(CONFIG));',
    'export function configure(options: { a: number }) { return JSON.stringify({ a: 1 }) + JSON.stringify(options); }',
    'declare const app: any;\napp.listen(3000, () => console.log(JSON.stringify({ started: true })));',
    // A dynamic value in a handler: only with checkDynamic.
    "declare const app: any;\napp.get('/users', (req: { query: unknown }, res: { send(s: string): void }) => res.send(JSON.stringify(req.query)));",
    // A const that is mutated, passed on or exported is not a constant.
    "declare const app: any;\nconst STATE = { hits: 0 };\napp.get('/s', (req: unknown, res: { send(s: string): void }) => { STATE.hits++; res.send(JSON.stringify(STATE)); });",
    "declare const app: any;\nexport const INFO = { v: 1 };\napp.get('/i', (req: unknown, res: { send(s: string): void }) => res.send(JSON.stringify(INFO)));",
    // A const changed through a call, an alias, a loop or a non-null write is not constant.
    "declare const app: any;\ndeclare function bump(o: { n: number }): void;\nconst S = { inner: { n: 0 } };\napp.get('/s', (q: unknown, res: any) => { bump(S.inner); res.send(JSON.stringify(S)); });",
    "declare const app: any;\nconst S = { inner: { n: 0 } };\napp.get('/s', (q: unknown, res: any) => { const alias = S.inner; alias.n++; res.send(JSON.stringify(S)); });",
    "declare const app: any;\nconst S = { list: [{ n: 0 }] };\napp.get('/s', (q: unknown, res: any) => { for (const o of S.list) o.n++; res.send(JSON.stringify(S)); });",
    "declare const app: any;\nconst S: { inner?: { n: number } } = { inner: { n: 0 } };\napp.get('/s', (q: unknown, res: any) => { S.inner!.n = 5; res.send(JSON.stringify(S)); });",
    // A local constant with a type assertion cannot move to module level (its type may be local).
    "declare const app: any;\napp.get('/t', (q: unknown, res: any) => { type T = { a: number }; const X = { a: 1 } satisfies T; res.send(JSON.stringify(X)); });",
    // A replacer or space that changes per iteration: no loop-invariant suggestion.
    'export function f(obj: object, keys: string[], out: string[]) { for (const k of keys) out.push(JSON.stringify(obj, [k])); }',
    // A replacer function depends on code: not a constant call.
    "declare const app: any;\napp.get('/r', (req: unknown, res: { send(s: string): void }) => res.send(JSON.stringify({ a: 1 }, (k, v) => v)));",
    // A value that changes in the loop; a shadowed JSON.
    'export function f(rows: { id: number }[], send: (s: string) => void) { for (const row of rows) send(JSON.stringify(row)); }',
    "declare const app: any;\napp.get('/j', () => { const JSON = { stringify: (x: unknown) => String(x) }; return JSON.stringify({ a: 1 }); });",
  ],
  invalid: [
    {
      code: "import { createServer } from 'node:http';\nconst STATUS = { ok: true, version: 3 };\ncreateServer((req, res) => {\n  res.end(JSON.stringify(STATUS));\n});",
      errors: [{ ...at("import { createServer } from 'node:http';\nconst STATUS = { ok: true, version: 3 };\ncreateServer((req, res) => {\n  res.end(JSON.stringify(STATUS));\n});", 'JSON.stringify(STATUS)'), data: constantData('in a `node:http` request handler'), messageId: 'constantStringify' }],
      name: 'a module-level constant in a node:http handler: hoisted after its declaration',
      output: "import { createServer } from 'node:http';\nconst STATUS = { ok: true, version: 3 };\nconst STATUS_JSON = JSON.stringify(STATUS);\ncreateServer((req, res) => {\n  res.end(STATUS_JSON);\n});",
    },
    {
      code: "declare const app: any;\napp.get('/health', (req: unknown, res: { send(s: string): void }) => {\n  res.send(JSON.stringify({ ok: true, checks: ['db', 'cache'] }, null, 2));\n});",
      errors: [{ ...at("declare const app: any;\napp.get('/health', (req: unknown, res: { send(s: string): void }) => {\n  res.send(JSON.stringify({ ok: true, checks: ['db', 'cache'] }, null, 2));\n});", "JSON.stringify({ ok: true, checks: ['db', 'cache'] }, null, 2)"), data: constantData('in the route handler `GET /health`'), messageId: 'constantStringify' }],
      name: 'a literal in an Express-style route, with a constant space argument',
      output: "declare const app: any;\nconst STATIC_JSON = JSON.stringify({ ok: true, checks: ['db', 'cache'] }, null, 2);\n\napp.get('/health', (req: unknown, res: { send(s: string): void }) => {\n  res.send(STATIC_JSON);\n});",
    },
    {
      code: HTTP_BEFORE,
      errors: [{ ...at(HTTP_BEFORE, 'JSON.stringify(STATUS)'), data: constantData('in `statusHandler` (listed in `settings.alloc.hotFunctions`)'), messageId: 'constantStringify' }],
      name: 'functions named in settings.alloc.hotFunctions, executed before and after the fix',
      output: HTTP_AFTER,
      settings: { alloc: { hotFunctions: ['*Handler'] } },
    },
    {
      code: 'export function send(page: { items: number[] }, items: number[], log: (s: string) => void) {\n  for (const item of items) log(JSON.stringify(page) + item);\n}',
      errors: [
        {
          ...at('export function send(page: { items: number[] }, items: number[], log: (s: string) => void) {\n  for (const item of items) log(JSON.stringify(page) + item);\n}', 'JSON.stringify(page)'),
          data: { profile: '', hot: 'inside the `for…of` loop at line 2', name: 'page' },
          messageId: 'invariantInLoop',
          suggestions: [
            {
              messageId: 'suggestBeforeLoop',
              output: 'export function send(page: { items: number[] }, items: number[], log: (s: string) => void) {\n  const pageJson = JSON.stringify(page);\n  for (const item of items) log(pageJson + item);\n}',
            },
          ],
        },
      ],
      name: 'a loop-invariant value: suggestion to stringify it before the loop',
    },
    {
      code: '/** @hot */\nexport function respond(page: object, log: (s: string) => void, send: (s: string) => void) {\n  const body = JSON.stringify(page);\n  log(body);\n  send(JSON.stringify(page));\n}',
      errors: [
        {
          column: 8,
          endColumn: 28,
          line: 5,
          data: { profile: '', line: 3, name: 'page' },
          messageId: 'repeatedStringify',
          suggestions: [
            {
              messageId: 'suggestReuse',
              output: '/** @hot */\nexport function respond(page: object, log: (s: string) => void, send: (s: string) => void) {\n  const body = JSON.stringify(page);\n  log(body);\n  send(body);\n}',
            },
          ],
        },
      ],
      name: 'the same value stringified twice in a @hot function: reuse the first',
    },
    {
      code: "#!/usr/bin/env node\ndeclare const app: any;\napp.get('/x', () => JSON.stringify({ a: 1 }));",
      errors: [{ ...at("#!/usr/bin/env node\ndeclare const app: any;\napp.get('/x', () => JSON.stringify({ a: 1 }));", 'JSON.stringify({ a: 1 })'), data: constantData('in the route handler `GET /x`'), messageId: 'constantStringify' }],
      name: 'the shebang stays on the first line',
      output: "#!/usr/bin/env node\ndeclare const app: any;\nconst STATIC_JSON = JSON.stringify({ a: 1 });\n\napp.get('/x', () => STATIC_JSON);",
    },
    {
      code: "const api = {\n  /** @hot */\n  '2fa'() { return JSON.stringify({ ok: true }); },\n};",
      errors: [{ ...at("const api = {\n  /** @hot */\n  '2fa'() { return JSON.stringify({ ok: true }); },\n};", 'JSON.stringify({ ok: true })'), data: constantData('in `2fa` (marked `@hot`)'), messageId: 'constantStringify' }],
      name: 'a name derived from a function name that is not an identifier',
      output: "const _2FA_JSON = JSON.stringify({ ok: true });\n\nconst api = {\n  /** @hot */\n  '2fa'() { return _2FA_JSON; },\n};",
    },
    {
      code: "declare const app: any;\napp.post('/copy', (req: { body: { a: number } }) => JSON.parse(JSON.stringify(req.body)));",
      errors: [
        {
          ...at("declare const app: any;\napp.post('/copy', (req: { body: { a: number } }) => JSON.parse(JSON.stringify(req.body)));", 'JSON.parse(JSON.stringify(req.body))'),
          data: { hot: 'in the route handler `POST /copy`', profile: '' },
          messageId: 'deepCloneViaJson',
        },
      ],
      name: 'a deep clone through JSON in a handler: reported, never rewritten to structuredClone',
    },
    {
      code: "declare const app: any;\napp.get('/users', (req: { query: unknown }, res: { send(s: string): void }) => res.send(JSON.stringify(req.query)));",
      errors: [
        {
          ...at("declare const app: any;\napp.get('/users', (req: { query: unknown }, res: { send(s: string): void }) => res.send(JSON.stringify(req.query)));", 'JSON.stringify(req.query)'),
          data: { profile: '', hot: 'in the route handler `GET /users`' },
          messageId: 'dynamicStringify',
        },
      ],
      name: 'checkDynamic reports per-request values',
      options: [{ checkDynamic: true }],
    },
  ],
});

executed.add('hoisting a constant keeps every response', HTTP_BEFORE, HTTP_AFTER);
executed.add(
  'reusing the first string keeps the output',
  'function respond(page: object, log: (s: string) => void, send: (s: string) => void) {\n  const body = JSON.stringify(page);\n  log(body);\n  send(JSON.stringify(page));\n}\nconst out: string[] = [];\nrespond({ a: [1, 2] }, (s) => out.push(s), (s) => out.push(s));\nconst result = out;',
  'function respond(page: object, log: (s: string) => void, send: (s: string) => void) {\n  const body = JSON.stringify(page);\n  log(body);\n  send(body);\n}\nconst out: string[] = [];\nrespond({ a: [1, 2] }, (s) => out.push(s), (s) => out.push(s));\nconst result = out;',
);
executed.add(
  'stringifying once before the loop keeps the output',
  'function send(page: { items: number[] }, items: number[], log: (s: string) => void) {\n  for (const item of items) log(JSON.stringify(page) + item);\n}\nconst out: string[] = [];\nsend({ items: [1, 2] }, [3, 4], (s) => out.push(s));\nconst result = out;',
  'function send(page: { items: number[] }, items: number[], log: (s: string) => void) {\n  const pageJson = JSON.stringify(page);\n  for (const item of items) log(pageJson + item);\n}\nconst out: string[] = [];\nsend({ items: [1, 2] }, [3, 4], (s) => out.push(s));\nconst result = out;',
);
executed.register('no-json-stringify-in-hot-path');

// Plain JavaScript, no type information: call shapes still find the handler.
createUntypedRuleTester().run('no-json-stringify-in-hot-path (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      code: "app.get('/ping', function (req, res) { res.send(JSON.stringify({ pong: true })); });",
      errors: [{ ...at("app.get('/ping', function (req, res) { res.send(JSON.stringify({ pong: true })); });", 'JSON.stringify({ pong: true })'), messageId: 'constantStringify' }],
      output: "const STATIC_JSON = JSON.stringify({ pong: true });\n\napp.get('/ping', function (req, res) { res.send(STATIC_JSON); });",
    },
  ],
});

/**
 * Every handler shape of the hot-path model, through the rule: `JSON.parse(JSON.stringify(input))`
 * (reported, never fixed) placed where `CLONE` stands must be reported with the shape's reason.
 */
const SHAPES: [string, string, string][] = [
  ['node:http createServer', "import { createServer } from 'node:http';\ncreateServer((req, res) => { res.end(CLONE); });", 'in a `node:http` request handler'],
  ["server.on('request')", "declare const server: any;\nserver.on('request', (req: unknown) => CLONE);", "in a `'request'` listener"],
  ['Express app.get', "declare const app: any;\napp.get('/users', (req: unknown, res: any) => res.json(CLONE));", 'in the route handler `GET /users`'],
  ['Express router.route().post', "declare const router: any;\nrouter.route('/users').post(() => CLONE);", 'in the route handler `POST /users`'],
  ['Koa app.use', 'declare const app: any;\napp.use(async (ctx: any, next: () => Promise<void>) => { ctx.body = CLONE; await next(); });', 'in middleware registered with `use()`'],
  ['Fastify route({ handler })', "declare const fastify: any;\nfastify.route({ method: 'GET', url: '/f', handler: () => CLONE });", 'in the route handler `/f`'],
  ['Fastify hook', "declare const fastify: any;\nfastify.addHook('onSend', async () => CLONE);", 'in the `onSend` hook'],
  ['Hono app.get', "declare const app: any;\napp.get('/h', (c: any) => c.json(CLONE));", 'in the route handler `GET /h`'],
  ['fetch-style default export', 'export default { fetch() { return CLONE; } };', 'in a `fetch` handler'],
  ['Bun.serve', 'declare const Bun: any;\nBun.serve({ fetch: () => CLONE });', 'in a `fetch` handler'],
  ['Deno.serve', 'declare const Deno: any;\nDeno.serve(() => CLONE);', 'in a `Deno.serve` handler'],
  ["WebSocket on('message')", "declare const ws: any;\nws.on('message', () => CLONE);", "in a `'message'` listener"],
  ['worker_threads', "declare const parentPort: any;\nparentPort.on('message', () => CLONE);", "in a `'message'` listener"],
  ['stream transform', "import { Transform } from 'node:stream';\nnew Transform({ transform(chunk, _e, done) { done(null, CLONE); } });", 'in a stream `transform()` method'],
  ['NestJS', "declare function Controller(): ClassDecorator;\ndeclare function Post(): MethodDecorator;\n@Controller()\nclass Orders { @Post() create() { return CLONE; } }", 'in the NestJS `@Post` handler `Orders.create`'],
  ['parameter type IncomingMessage', "import type { IncomingMessage } from 'node:http';\nexport function body(req: IncomingMessage) { return CLONE; }", 'in a handler taking a `IncomingMessage`'],
];
const INPUT = 'declare const input: { a: number };\n';
const CLONE = 'JSON.parse(JSON.stringify(input))';

ruleTester.run('no-json-stringify-in-hot-path: every handler shape', rule, {
  valid: [
    // The same clone in cold code: module level, startup, a plain function.
    `${INPUT}const copy = ${CLONE};`,
    `${INPUT}declare const app: any;\napp.listen(3000, () => ${CLONE});`,
    `${INPUT}export function configure() { return ${CLONE}; }`,
  ],
  invalid: SHAPES.map(([name, shape, hot]) => {
    const code = INPUT + shape.replace('CLONE', CLONE);
    return {
      code,
      errors: [
        {
          ...at(code, CLONE),
          data: { hot, profile: '' },
          messageId: 'deepCloneViaJson' as const,
        },
      ],
      name,
    };
  }),
});

// The frequency policy: hot code that does not repeat the call, and the strict options' other side.
const CATCH = "declare const app: any;\napp.post('/p', (req: { body: string }, res: { send(s: string): void }) => {\n  try { res.send(req.body); } catch (error) { res.send(JSON.stringify({ error: 'bad body' })); }\n});";
const SMALL = "declare const app: any;\napp.get('/h', (req: unknown, res: { send(s: string): void }) => {\n  for (const k of ['a', 'b']) res.send(k + JSON.stringify({ ok: true }));\n});";
ruleTester.run('no-json-stringify-in-hot-path: what repeats', rule, {
  valid: [
    // Error paths: a catch block, the value of a throw, a block that ends in throw.
    CATCH,
    "declare const app: any;\napp.get('/e', (req: { id?: string }) => {\n  if (!req.id) throw new Error(JSON.stringify({ missing: 'id' }));\n  return req.id;\n});",
    "declare const app: any;\napp.get('/e', (req: { id?: string }, res: { send(s: string): void }) => {\n  if (!req.id) {\n    console.error(JSON.stringify({ missing: 'id' }));\n    throw new Error('no id');\n  }\n  res.send(req.id);\n});",
    // Lazily initialised once.
    "declare const app: any;\nlet cached: string | undefined;\napp.get('/c', (req: unknown, res: { send(s: string): void }) => {\n  cached ??= JSON.stringify({ ok: true });\n  res.send(cached);\n});",
    // A loop over a small fixed set, in code that is not hot otherwise.
    "export function f(send: (s: string) => void) {\n  for (const k of ['a', 'b']) send(k + JSON.stringify({ ok: true }));\n}",
  ],
  invalid: [
    {
      // A small loop in a handler: still hot per request, and the message names the handler, not the loop.
      code: SMALL,
      errors: [{ ...at(SMALL, "JSON.stringify({ ok: true })"), data: constantData('in the route handler `GET /h`'), messageId: 'constantStringify' }],
      name: 'a small loop in a handler: the handler repeats it',
      output: "declare const app: any;\nconst STATIC_JSON = JSON.stringify({ ok: true });\n\napp.get('/h', (req: unknown, res: { send(s: string): void }) => {\n  for (const k of ['a', 'b']) res.send(k + STATIC_JSON);\n});",
    },
    {
      code: CATCH,
      errors: [{ ...at(CATCH, "JSON.stringify({ error: 'bad body' })"), data: constantData('in the route handler `POST /p`'), messageId: 'constantStringify' }],
      name: 'strict options: a catch block',
      options: [{ minIterations: 0, reportRareCode: true }],
      output: "declare const app: any;\nconst STATIC_JSON = JSON.stringify({ error: 'bad body' });\n\napp.post('/p', (req: { body: string }, res: { send(s: string): void }) => {\n  try { res.send(req.body); } catch (error) { res.send(STATIC_JSON); }\n});",
    },
  ],
});
