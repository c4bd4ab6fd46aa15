/**
 * What an editor shows: the real ESLint language server (`vscode-eslint-language-server` from
 * vscode-langservers-extracted, the server VS Code's extension runs) over stdio, on the example
 * project with the built plugin. It must publish this plugin's diagnostics and offer, as code
 * actions, the autofix and the suggestions under the titles editors display.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const examples = path.join(root, 'examples');
const file = path.join(examples, 'src/transform.ts');
const uri = pathToFileURL(file).href;
const server = path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');

/** The smallest settings the server accepts (see shared EDITOR-LSP notes). */
const SETTINGS = {
  codeAction: { disableRuleComment: { enable: true }, showDocumentation: { enable: true } },
  experimental: {},
  nodePath: null,
  problems: { shortenToSingleLine: false },
  rulesCustomizations: [],
  validate: 'on',
};

const CONTENT_LENGTH = /Content-Length: (\d+)/iu;

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

interface Diagnostic {
  code?: string | { value: string };
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  source?: string;
}

/** A minimal LSP client: Content-Length framing, request/response ids, answers to server requests. */
class Client {
  readonly #process: ChildProcessWithoutNullStreams;
  #buffer = Buffer.alloc(0);
  #nextId = 1;
  readonly #pending = new Map<number, (message: Message) => void>();
  readonly notifications: Message[] = [];
  readonly edits: unknown[] = [];
  #waiters: (() => void)[] = [];

  constructor() {
    this.#process = spawn(process.execPath, [server, '--stdio'], { cwd: examples });
    this.#process.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(CONTENT_LENGTH.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as Message;
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      this.#dispatch(message);
    }
  }

  #dispatch(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.#pending.get(message.id)?.(message);
      this.#pending.delete(message.id);
      return;
    }
    if (message.id !== undefined && message.method) {
      // A request from the server: answer it as an editor would.
      let result: unknown = null;
      if (message.method === 'workspace/configuration') {
        result = (message.params as { items: unknown[] }).items.map(() => SETTINGS);
      } else if (message.method === 'workspace/applyEdit') {
        this.edits.push((message.params as { edit: unknown }).edit);
        result = { applied: true };
      }
      this.#send({ id: message.id, result });
    } else {
      this.notifications.push(message);
    }
    for (const wake of this.#waiters.splice(0)) wake();
  }

  #send(message: object): void {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    this.#process.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (message) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result as T)));
      this.#send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.#send({ method, params });
  }

  /** Resolves once `predicate` holds (checked after every message), or rejects after `ms`. */
  async until<T>(predicate: () => T | undefined, ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = predicate();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error('timed out waiting for the language server');
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  }

  stop(): void {
    this.#process.kill();
  }
}

let client: Client;
let diagnostics: Diagnostic[];

const ruleOf = (d: Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

beforeAll(async () => {
  client = new Client();
  const init = await client.request<{ capabilities: { diagnosticProvider?: unknown } }>('initialize', {
    capabilities: {
      textDocument: {
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll.eslint'] } } },
        diagnostic: {},
        publishDiagnostics: {},
      },
      workspace: { applyEdit: true, configuration: true, workspaceFolders: true },
    },
    processId: process.pid,
    rootUri: pathToFileURL(examples).href,
    workspaceFolders: [{ name: 'examples', uri: pathToFileURL(examples).href }],
  });
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { languageId: 'typescript', text: readFileSync(file, 'utf8'), uri, version: 1 },
  });
  if (init.capabilities.diagnosticProvider) {
    // Newer servers only answer pull requests.
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    diagnostics = report.items;
  } else {
    diagnostics = await client.until(() => {
      const published = client.notifications.find(
        (m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri,
      );
      return published ? (published.params as { diagnostics: Diagnostic[] }).diagnostics : undefined;
    });
  }
}, 60_000);

afterAll(() => client?.stop());

interface CodeAction {
  title: string;
  command?: { command: string; arguments?: unknown[] };
  isPreferred?: boolean;
}

async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
    range: diagnostic.range,
    textDocument: { uri },
  });
}

describe('the ESLint language server with this plugin', () => {
  it("publishes the plugin's diagnostics for the opened file", () => {
    const rules = new Set(diagnostics.map(ruleOf));
    expect(rules).toContain('alloc/prefer-presized-array');
    expect(rules).toContain('alloc/no-regexp-in-loop');
    expect(diagnostics.every((d) => d.source === 'eslint')).toBe(true);
  });

  it('offers the autofix as the preferred quick fix, and applying it edits the file', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const fixable = diagnostics.find(
      (d) => ruleOf(d) === 'alloc/prefer-presized-array' && lines[d.range.start.line]!.includes('ids.push(order.id)'),
    )!;
    expect(fixable).toBeDefined();
    const actions = await actionsFor(fixable);
    const fix = actions.find((a) => a.title === 'Fix this alloc/prefer-presized-array problem');
    expect(fix).toBeDefined();
    await client.request('workspace/executeCommand', fix!.command);
    const edit = await client.until(() => client.edits[0]);
    expect(JSON.stringify(edit)).toContain('new Array(orders.length)');
  }, 60_000);

  it('offers suggestions under their own titles', async () => {
    const lines = readFileSync(file, 'utf8').split('\n');
    const suggested = diagnostics.find(
      (d) => ruleOf(d) === 'alloc/prefer-presized-array' && lines[d.range.start.line]!.includes('customers.push('),
    )!;
    expect(suggested).toBeDefined();
    const titles = (await actionsFor(suggested)).map((a) => a.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Allocate `customers` with `new Array\(orders\.length\)` and fill it by index \(.+\)\. \(alloc\/prefer-presized-array\)$/u),
        'Build `customers` with `orders.map(…)` (for a sparse array, `map` keeps the holes and skips the callback for them). (alloc/prefer-presized-array)',
      ]),
    );
  }, 60_000);
});
