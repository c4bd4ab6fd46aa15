import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getHotPathModel } from '../../src/analysis/hot-path.js';
import { getLoopAnalysis } from '../../src/analysis/loops.js';
import { findAll, withTypedContext } from '../helpers/lint.js';

/** The hot-path description at the call `mark()` in `code`, or null when it is not hot. */
function hotnessAtMark(code: string, options: Parameters<typeof withTypedContext>[2] = {}): string | null {
  let description: string | null = null;
  withTypedContext(
    `declare function mark(): void;\n${code}`,
    (context, program) => {
      const model = getHotPathModel(context, getLoopAnalysis(context.sourceCode));
      const call = findAll(program, AST_NODE_TYPES.CallExpression).find(
        (node) => node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'mark',
      )!;
      description = model.hotness(call)?.description ?? null;
    },
    options,
  );
  return description;
}

const APP = 'declare const app: any;\n';

describe('hot-path model: request and message handlers by call shape', () => {
  it.each([
    ['node:http createServer', "import { createServer } from 'node:http';\ncreateServer((req, res) => { mark(); });", 'in a `node:http` request handler'],
    ['https/http2 createSecureServer', 'declare const http2: any;\nhttp2.createSecureServer({}, (req: unknown) => { mark(); });', 'in a `node:http` request handler'],
    ["server.on('request')", `${APP}app.on('request', () => { mark(); });`, "in a `'request'` listener"],
    ['Express app.METHOD(path, handler)', `${APP}app.get('/users', (req: unknown, res: unknown) => { mark(); });`, 'in the route handler `GET /users`'],
    ['Express with several handlers', `${APP}app.post('/users', (_: unknown) => {}, function save() { mark(); });`, 'in the route handler `POST /users`'],
    ['router.route(path).METHOD', `${APP}app.route('/items').put(() => { mark(); });`, 'in the route handler `PUT /items`'],
    ['Express/Koa app.use', `${APP}app.use(async (ctx: unknown, next: () => Promise<void>) => { mark(); await next(); });`, 'in middleware registered with `use()`'],
    ['Fastify route({ handler })', `${APP}app.route({ method: 'GET', url: '/x', handler: () => { mark(); } });`, 'in the route handler `/x`'],
    ['Fastify request hooks', `${APP}app.addHook('preHandler', async () => { mark(); });`, 'in the `preHandler` hook'],
    ['Hono app.METHOD', `${APP}app.get('/', (c: unknown) => { mark(); return c; });`, 'in the route handler `GET /`'],
    ['export default { fetch }', 'export default { fetch(request: unknown) { mark(); return request; } };', 'in a `fetch` handler'],
    ['Bun.serve({ fetch })', 'declare const Bun: any;\nBun.serve({ fetch: () => { mark(); } });', 'in a `fetch` handler'],
    ['Deno.serve(handler)', 'declare const Deno: any;\nDeno.serve(() => { mark(); });', 'in a `Deno.serve` handler'],
    ["WebSocket on('message')", 'declare const ws: any;\nws.on(\'message\', (data: unknown) => { mark(); });', "in a `'message'` listener"],
    ["socket on('data')", 'declare const socket: any;\nsocket.on(\'data\', () => { mark(); });', "in a `'data'` listener"],
    ['worker_threads parentPort message', 'declare const parentPort: any;\nparentPort.on(\'message\', () => { mark(); });', "in a `'message'` listener"],
    ['stream transform() in new Transform({...})', "import { Transform } from 'node:stream';\nnew Transform({ transform(chunk, _encoding, done) { mark(); done(null, chunk); } });", 'in a stream `transform()` method'],
    ['stream _transform() in a class', "import { Transform } from 'node:stream';\nclass Upper extends Transform { _transform(chunk: Buffer, _e: string, done: () => void) { mark(); done(); } }", 'in a stream `_transform()` method'],
  ])('%s', (_, code, expected) => {
    expect(hotnessAtMark(code)).toBe(expected);
  });

  it('NestJS: a route-decorated method of a @Controller class', () => {
    const code = 'declare function Controller(p?: string): ClassDecorator;\ndeclare function Get(p?: string): MethodDecorator;\n@Controller(\'users\')\nclass UsersController { @Get() list() { mark(); return []; } }';
    expect(hotnessAtMark(code)).toBe('in the NestJS `@Get` handler `UsersController.list`');
  });

  it('Next.js: exported GET in a route.ts file only', () => {
    const code = 'export async function GET(request: unknown) { mark(); return request; }';
    expect(hotnessAtMark(code, { filename: 'route.ts' })).toBe('in the Next.js route handler `GET`');
    expect(hotnessAtMark(code, { filename: 'file.ts' })).toBeNull();
  });

  it('works on plain JavaScript without type information', () => {
    expect(hotnessAtMark(`${APP}app.get('/a', function () { mark(); });`, { typed: false })).toBe('in the route handler `GET /a`');
  });
});

describe('hot-path model: review regressions', () => {
  it.each([
    ['export default { fetch } satisfies …', 'interface Handler { fetch(r: unknown): unknown }\nexport default { fetch(r: unknown) { mark(); return r; } } satisfies Handler;', 'in a `fetch` handler'],
    ['a handler registered by reference', `${APP}function listUsers() { mark(); }\napp.get('/users', listUsers);`, 'in the route handler `GET /users`'],
    ['Bun.serve({ fetch }) with a function defined elsewhere', 'declare const Bun: any;\nconst fetch = () => { mark(); };\nBun.serve({ fetch });', 'in a `fetch` handler'],
    ['@hot between decorators and the method', 'declare const D: MethodDecorator;\nclass C {\n  @D\n  /** @hot */\n  m() { mark(); }\n}', 'in `m` (marked `@hot`)'],
  ])('%s', (_, code, expected) => {
    expect(hotnessAtMark(code)).toBe(expected);
  });

  it.each([
    ['a computed key named by a variable', "declare const t: string;\nconst o = { [t]() { mark(); } };"],
    ['a transform() that is not a stream (a bundler plugin)', "export const plugin = { name: 'x', transform(code: string) { mark(); return code; } };"],
    ['use() on something that is not a server', 'declare const chai: any;\nchai.use(() => { mark(); });'],
    ['a fetch getter', 'export default { get fetch() { mark(); return 1; } };'],
  ])('%s is not hot', (_, code) => {
    expect(hotnessAtMark(code)).toBeNull();
  });
});

describe('hot-path model: parameter types (with type information)', () => {
  it('a function taking an IncomingMessage is a handler', () => {
    const code = "import type { IncomingMessage } from 'node:http';\nexport function handle(req: IncomingMessage) { mark(); return req.url; }";
    expect(hotnessAtMark(code)).toBe('in a handler taking a `IncomingMessage`');
  });
});

describe('hot-path model: loops, marks and cold code', () => {
  it('names the innermost loop inside a function', () => {
    expect(hotnessAtMark('export function f(xs: number[]) { for (const x of xs) { mark(); } }')).toBe('inside the `for…of` loop at line 2');
  });

  it('a @hot JSDoc tag or settings.alloc.hotFunctions marks a function', () => {
    expect(hotnessAtMark('/** Encodes a frame. @hot */\nexport function encode() { mark(); }')).toBe('in `encode` (marked `@hot`)');
    expect(hotnessAtMark('export const renderRow = () => { mark(); };', { settings: { alloc: { hotFunctions: ['render*'] } } })).toBe(
      'in `renderRow` (listed in `settings.alloc.hotFunctions`)',
    );
  });

  it('is cold at module level, in startup loops, in plain functions and in cold events', () => {
    expect(hotnessAtMark('mark();')).toBeNull();
    expect(hotnessAtMark('for (const x of [1, 2]) mark();')).toBeNull();
    expect(hotnessAtMark('export function configure() { mark(); }')).toBeNull();
    expect(hotnessAtMark(`${APP}app.on('close', () => { mark(); });`)).toBeNull();
    expect(hotnessAtMark(`${APP}app.listen(3000, () => { mark(); });`)).toBeNull();
  });
});
