/**
 * The built package, as a user gets it: `dist/` loaded through the package's `exports` by ESLint's own
 * `ESLint` class, with a flat config and type information (projectService), in a fresh project
 * outside this repository. Runs against ESLint 10 (`eslint`) and ESLint 9 (`eslint-v9`, an npm alias
 * installed side by side), so the peer range is proven. `npm test` builds `dist/` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RuleName } from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
let project: string;

const REPORT_TS = `export function render(rows: string[][]): string {
  let out = '';
  for (const row of rows) {
    out += row.join(',');
    if (!out.endsWith('\\n')) out += '\\n';
  }
  return out;
}
`;

const IDS_TS = `export function ids(rows: readonly { id: number }[]): number[] {
  const out: number[] = [];
  for (const row of rows) out.push(row.id);
  return out;
}
`;

const IDS_FIXED_TS = `export function ids(rows: readonly { id: number }[]): number[] {
  const out: number[] = new Array(rows.length);
  let i = 0;
  for (const row of rows) out[i++] = row.id;
  return out;
}
`;

const UNTYPED_JS = `let s = '';
for (const p of ['a']) { s += p; s.trim(); }
`;

const CONFIG = `import tseslint from 'typescript-eslint';
import alloc from 'eslint-plugin-alloc';

export default [
  ...tseslint.configs.recommended,
  { languageOptions: { parserOptions: { projectService: true } } },
  alloc.configs['recommended-type-checked'],
  { files: ['untyped/**/*.js'], languageOptions: { parserOptions: { projectService: false } } },
  { files: ['strict/**/*.ts'], ...alloc.configs.strict },
];
`;

const CONSUMER_TS = `import type { Linter } from 'eslint';
import alloc from 'eslint-plugin-alloc';

export const config: Linter.Config[] = [alloc.configs['recommended-type-checked'], alloc.configs.strict];
export const name: string = alloc.meta.name;
`;

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build');
  project = mkdtempSync(path.join(os.tmpdir(), 'alloc-e2e-'));
  mkdirSync(path.join(project, 'node_modules/@types'), { recursive: true });
  // The plugin as an installed package (its package.json `exports` decide what resolves), and the
  // packages the user's config imports.
  symlinkSync(root, path.join(project, 'node_modules/eslint-plugin-alloc'), 'dir');
  for (const name of ['typescript-eslint', 'typescript', 'eslint', '@types/node']) {
    symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name), 'dir');
  }
  for (const dir of ['src', 'untyped', 'strict']) mkdirSync(path.join(project, dir));
  writeFileSync(path.join(project, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, target: 'ES2023', noEmit: true, skipLibCheck: true, types: ['node'] },
      include: ['src', 'strict'],
    }),
  );
  writeFileSync(path.join(project, 'eslint.config.js'), CONFIG);
  writeFileSync(path.join(project, 'src/report.ts'), REPORT_TS);
  writeFileSync(path.join(project, 'src/consumer.ts'), CONSUMER_TS);
  writeFileSync(path.join(project, 'src/ids.ts'), IDS_TS);
  writeFileSync(path.join(project, 'strict/plain.ts'), "export function csv(rows: string[]): string {\n  let s = '';\n  for (const row of rows) s += row;\n  return s;\n}\n");
  writeFileSync(path.join(project, 'untyped/legacy.js'), UNTYPED_JS);
});

afterAll(() => {
  if (project) rmSync(project, { force: true, recursive: true });
});

describe.each([
  ['eslint', '10.'],
  ['eslint-v9', '9.'],
])('dist/ under %s', (packageName, major) => {
  async function lint(files: string[]) {
    const { ESLint } = (await import(packageName)) as typeof import('eslint');
    expect(ESLint.version.startsWith(major)).toBe(true);
    const eslint = new ESLint({ cwd: project });
    return eslint.lintFiles(files);
  }

  it('reports a flattening read with the recommended-type-checked config', async () => {
    const [result] = await lint(['src/report.ts']);
    expect(result!.messages.map(({ column, line, messageId, ruleId }) => ({ column, line, messageId, ruleId }))).toEqual([
      { column: 10, line: 5, messageId: 'flatteningRead', ruleId: 'alloc/no-string-concat-in-loop' },
    ]);
    expect(result!.messages[0]!.message).toContain('`out.endsWith()`');
  });

  it('turns on the informational option in the strict config', async () => {
    const [result] = await lint(['strict/plain.ts']);
    expect(result!.messages.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([
      ['alloc/no-string-concat-in-loop', 'plainAppend', 3],
    ]);
  });

  it('explains once, without crashing, when a file has no type information', async () => {
    const [result] = await lint(['untyped/legacy.js']);
    // One notice for all the type-aware rules of the config, from the first of them, at the top of the file.
    const { default: plugin } = (await import(pathToFileURL(path.join(root, 'dist/index.js')).href)) as typeof import('../../src/index.js');
    const { TYPE_INFORMATION_MESSAGES } = (await import(pathToFileURL(path.join(root, 'dist/kit/typed-context.js')).href)) as typeof import('../../src/kit/typed-context.js');
    const typed = Object.keys(plugin.configs['recommended-type-checked'].rules ?? {}).filter(
      (id) => (plugin.rules[id.replace('alloc/', '') as RuleName].meta!.docs as { requiresTypeChecking?: boolean }).requiresTypeChecking,
    );
    expect(typed.length).toBeGreaterThan(1);
    expect(result!.messages.map(({ column, line, message, messageId, ruleId }) => ({ column, line, message, messageId, ruleId }))).toEqual([
      { column: 1, line: 1, message: TYPE_INFORMATION_MESSAGES.requiresTypeInformation, messageId: 'requiresTypeInformation', ruleId: typed[0] },
    ]);
    expect(result!.fatalErrorCount).toBe(0);
  });

  it('applies the presized-array autofix with --fix (in memory)', async () => {
    const { ESLint } = (await import(packageName)) as typeof import('eslint');
    const [result] = await new ESLint({ cwd: project, fix: true }).lintFiles(['src/ids.ts']);
    expect(result!.output).toBe(IDS_FIXED_TS);
    expect(result!.messages).toEqual([]);
  });

  it('changes nothing with --fix where no fix is offered', async () => {
    const { ESLint } = (await import(packageName)) as typeof import('eslint');
    const [result] = await new ESLint({ cwd: project, fix: true }).lintFiles(['src/report.ts']);
    expect(result!.output).toBeUndefined();
  });

  it('ships the ranking formatter as eslint-plugin-alloc/formatter', async () => {
    const { ESLint } = (await import(packageName)) as typeof import('eslint');
    const formatterPath = createRequire(path.join(project, 'eslint.config.js')).resolve('eslint-plugin-alloc/formatter');
    expect(formatterPath).toBe(path.join(root, 'dist/formatter.js'));
    const formatter = await new ESLint({ cwd: project }).loadFormatter(formatterPath);
    const output = await formatter.format(await lint(['src/report.ts']));
    // No profile configured: the usual report, by file.
    expect(output.split('\n').slice(0, 3)).toEqual([path.join(project, 'src/report.ts'), expect.stringMatching(/^ {2}5:10 {2}error {2}`out` is built .* {2}alloc\/no-string-concat-in-loop$/u), '']);
    expect(output.endsWith('\n1 problem (1 error, 0 warnings)\n')).toBe(true);
  });
});

describe('published types', () => {
  it('type-check a consumer importing the package by name', () => {
    const configPath = path.join(project, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
    const program = ts.createProgram({ options: parsed.options, rootNames: [path.join(project, 'src/consumer.ts')] });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
    const resolved = program.getSourceFiles().map((file) => file.fileName).find((file) => file.endsWith('dist/index.d.ts'));
    expect(resolved).toBeDefined();
  });
});

describe('the alloc-profile command', () => {
  it('is the package\'s bin, a Node.js script that prints its usage', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const bin = path.join(root, manifest.bin['alloc-profile']!);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8' })).toMatch(/^Usage: alloc-profile <command> \[options\]\n/u);
  });
});
