/**
 * What an editor shows: the real ESLint language server (`vscode-eslint-language-server` from
 * vscode-langservers-extracted, the server VS Code's extension runs) over stdio, on a copy of the
 * example project with the plugin installed from its packed tarball (tests/helpers/packed.ts; it
 * needs `npm run build` first, and says so). It must publish this plugin's diagnostics, offer the
 * autofix as the preferred quick fix and the suggestions under the titles editors display, and
 * applying either must give the fixed text.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { spawn } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PackedProject } from '../helpers/packed.js';
import { packedProject, repositoryRoot as root } from '../helpers/packed.js';

const examples = path.join(root, 'examples');
const server = path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
/** The example, with the plugin as a user installs it. */
let project: PackedProject;
let file: string;
let uri: string;
let original: string;

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

  constructor(cwd: string) {
    this.#process = spawn(process.execPath, [server, '--stdio'], { cwd });
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
  project = packedProject({ link: ['typescript-eslint', '@types/node'] });
  for (const entry of ['src', 'tsconfig.json', 'eslint.config.js']) cpSync(path.join(examples, entry), path.join(project.dir, entry), { recursive: true });
  file = path.join(project.dir, 'src/transform.ts');
  uri = pathToFileURL(file).href;
  original = readFileSync(file, 'utf8');
  client = new Client(project.dir);
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
    rootUri: pathToFileURL(project.dir).href,
    workspaceFolders: [{ name: 'consumer', uri: pathToFileURL(project.dir).href }],
  });
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { languageId: 'typescript', text: original, uri, version: 1 },
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

afterAll(() => {
  client?.stop();
  project?.remove();
});

interface CodeAction {
  title: string;
  command?: { command: string; arguments?: unknown[] };
  isPreferred?: boolean;
}

interface TextEdit {
  newText: string;
  range: Diagnostic['range'];
}

/** The text edits of a `workspace/applyEdit` for this file (`documentChanges` or `changes` form). */
function editsOf(edit: unknown): TextEdit[] {
  const { changes, documentChanges } = edit as {
    changes?: Record<string, TextEdit[]>;
    documentChanges?: { edits: TextEdit[]; textDocument: { uri: string } }[];
  };
  if (documentChanges) return documentChanges.filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits);
  return changes?.[uri] ?? [];
}

/** `text` with LSP text edits applied (positions in UTF-16 code units, as JavaScript strings count). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offset = ({ line, character }: { line: number; character: number }) => lineStarts[line]! + character;
  // From the end, so earlier offsets stay valid.
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  const parts: string[] = [];
  let end = text.length;
  for (const edit of sorted) {
    parts.unshift(edit.newText, text.slice(offset(edit.range.end), end));
    end = offset(edit.range.start);
  }
  parts.unshift(text.slice(0, end));
  return parts.join('');
}

async function actionsFor(diagnostic: Diagnostic): Promise<CodeAction[]> {
  return client.request<CodeAction[]>('textDocument/codeAction', {
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
    range: diagnostic.range,
    textDocument: { uri },
  });
}

/** Runs a code action's command as an editor does, and returns the text its edit gives the file. */
async function apply(action: CodeAction): Promise<string> {
  const seen = client.edits.length;
  await client.request('workspace/executeCommand', action.command);
  const edit = await client.until(() => client.edits[seen]);
  return applyEdits(original, editsOf(edit));
}

/** The diagnostic of `ruleId` on the line containing `text`. */
function diagnosticAt(ruleId: string, text: string): Diagnostic {
  const lines = original.split('\n');
  const found = diagnostics.find((d) => ruleOf(d) === ruleId && lines[d.range.start.line]!.includes(text));
  expect(found, `${ruleId} at ${text}`).toBeDefined();
  return found!;
}

describe('the ESLint language server with the packed plugin', () => {
  it("publishes the plugin's diagnostics for the opened file", () => {
    const rules = new Set(diagnostics.map(ruleOf));
    expect(rules).toContain('alloc/prefer-presized-array');
    expect(rules).toContain('alloc/no-regexp-in-loop');
    expect(diagnostics.every((d) => d.source === 'eslint')).toBe(true);
  });

  it('offers the autofix as the preferred quick fix, and applying it gives the fixed text', async () => {
    const actions = await actionsFor(diagnosticAt('alloc/prefer-presized-array', 'ids.push(order.id)'));
    const fix = actions.find((a) => a.title === 'Fix this alloc/prefer-presized-array problem');
    expect(fix).toBeDefined();
    expect(fix!.isPreferred).toBe(true);
    // Only the autofix is preferred: a suggestion or a disable comment is the user's choice.
    expect(actions.filter((a) => a.isPreferred).map((a) => a.title)).toEqual(['Fix this alloc/prefer-presized-array problem']);
    const before = '  const ids: number[] = [];\n  for (const order of orders) ids.push(order.id);\n';
    expect(original).toContain(before);
    expect(await apply(fix!)).toBe(
      original.replace(before, '  const ids: number[] = new Array(orders.length);\n  let i = 0;\n  for (const order of orders) ids[i++] = order.id;\n'),
    );
  }, 60_000);

  it('offers suggestions under their own titles, and applying one gives its text', async () => {
    const actions = await actionsFor(diagnosticAt('alloc/prefer-presized-array', 'customers.push('));
    const titles = actions.map((a) => a.title);
    const mapTitle = 'Build `customers` with `orders.map(…)` (for a sparse array, `map` keeps the holes and skips the callback for them). (alloc/prefer-presized-array)';
    expect(titles).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Allocate `customers` with `new Array\(orders\.length\)` and fill it by index \(.+\)\. \(alloc\/prefer-presized-array\)$/u),
        mapTitle,
      ]),
    );
    // No autofix here (the loop body calls a method), so nothing is preferred.
    expect(actions.filter((a) => a.isPreferred)).toEqual([]);
    const suggestion = actions.find((a) => a.title === mapTitle)!;
    expect(suggestion.command?.command).toBe('eslint.applySuggestion');
    const before = '  const customers: string[] = [];\n  for (const order of orders) {\n    customers.push(order.customer.trim());\n  }\n';
    expect(original).toContain(before);
    expect(await apply(suggestion)).toBe(original.replace(before, '  const customers: string[] = orders.map((order) => order.customer.trim());\n'));
  }, 60_000);
});
