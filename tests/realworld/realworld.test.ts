/**
 * The plugin on code nobody here wrote: the TypeScript sources that popular packages publish
 * (devDependencies, pinned). For each: every rule (the `all` config, strict options) with type
 * information must not throw; the report counts per rule must match the committed snapshot
 * (`counts.json`; `UPDATE_REALWORLD=1 npm run test:realworld` rewrites it); applying every autofix
 * must add no TypeScript error; and a second `--fix` pass must change nothing.
 * Runs in `npm run test:realworld` (called by .ci/run), not in `npm test`.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
const countsPath = path.join(import.meta.dirname, 'counts.json');
const update = process.env.UPDATE_REALWORLD === '1';
const snapshot = existsSync(countsPath) ? (JSON.parse(readFileSync(countsPath, 'utf8')) as Record<string, Record<string, number>>) : {};
const recorded: Record<string, Record<string, number>> = {};

const CORPUS = [
  { name: 'rxjs', lib: ['ES2022', 'DOM'] },
  { name: '@tanstack/query-core', lib: ['ES2022', 'DOM'] },
];

const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-realworld-'));
afterAll(() => {
  rmSync(scratch, { force: true, recursive: true });
  if (update) writeFileSync(countsPath, `${JSON.stringify(recorded, null, 2)}\n`);
});

/** A copy of the package's `src/` with a generated tsconfig, so it can be linted and type-checked. */
function project(name: string, lib: string[], label: string): string {
  const dir = path.join(scratch, `${name.replace(/\W/gu, '_')}-${label}`);
  cpSync(path.join(root, 'node_modules', name, 'src'), path.join(dir, 'src'), { recursive: true });
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { lib, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, skipLibCheck: true, strict: true, target: 'ES2022', types: [] },
      include: ['src'],
    }),
  );
  return dir;
}

/** TypeScript's errors, as `file: TSnnnn message` (no line numbers: fixes move lines). */
function typeErrors(dir: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(dir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram({ options: parsed.options, rootNames: parsed.fileNames });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file ? path.relative(dir, d.file.fileName) : ''}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`)
    .sort();
}

function eslint(dir: string, fix: boolean): ESLint {
  return new ESLint({
    cwd: dir,
    fix,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } } },
      plugin.configs.all,
    ],
    overrideConfigFile: true,
  });
}

describe.each(CORPUS)('$name', ({ lib, name }) => {
  it('is linted by every rule without a crash; report counts match the snapshot', async () => {
    const dir = project(name, lib, 'lint');
    const results = await eslint(dir, false).lintFiles(['src/**/*.ts']);
    const fatal = results.flatMap((r) => r.messages.filter((m) => m.fatal).map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(fatal).toEqual([]);
    const counts: Record<string, number> = {};
    for (const rule of Object.keys(plugin.rules)) counts[`alloc/${rule}`] = 0;
    for (const result of results) for (const message of result.messages) counts[message.ruleId!] = (counts[message.ruleId!] ?? 0) + 1;
    recorded[name] = counts;
    if (!update) expect(counts).toEqual(snapshot[name]);
  }, 600_000);

  it('applies every autofix without a new type error, and a second pass changes nothing', async () => {
    const dir = project(name, lib, 'fix');
    const before = typeErrors(dir);
    const results = await eslint(dir, true).lintFiles(['src/**/*.ts']);
    await ESLint.outputFixes(results);
    const changed = results.filter((r) => r.output !== undefined).length;
    const after = typeErrors(dir);
    expect(after.filter((error) => !before.includes(error))).toEqual([]);
    const again = await eslint(dir, true).lintFiles(['src/**/*.ts']);
    expect(again.filter((r) => r.output !== undefined).map((r) => path.relative(dir, r.filePath))).toEqual([]);
    recorded[`${name} (files fixed)`] = { files: changed };
    if (!update) expect({ files: changed }).toEqual(snapshot[`${name} (files fixed)`]);
  }, 600_000);
});
