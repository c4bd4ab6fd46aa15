/**
 * scripts/lib/apply-fixes.ts, which `npm run demo:profile` applies its round-3 fixes with: ESLint's
 * own fix output pass after pass, plus picked suggestions, on files on disk. The fixture's three
 * edits all overlap (each of the two `JSON.stringify` hoists rewrites the file from its first line,
 * and so does the scratch-buffer suggestion): one pass can apply only one of them.
 */
import type { Rule } from 'eslint';
import { ESLint } from 'eslint';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { applyFixes, MAX_PASSES } from '../../scripts/lib/apply-fixes.js';
import plugin from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;

const SERVER_TS = `import { createServer } from 'node:http';

export const server = createServer((request, response) => {
  const id = Buffer.alloc(8);
  id.writeUInt32BE(request.socket.remotePort ?? 0);
  response.setHeader('x-request-id', id.toString('hex'));
  response.setHeader('x-limits', JSON.stringify({ burst: 10, rate: 100 }));
  response.end(JSON.stringify({ ok: true, version: 2 }));
});
`;

const SERVER_FIXED = `import { createServer } from 'node:http';

const STATIC_JSON = JSON.stringify({ burst: 10, rate: 100 });

const SCRATCH_ID = Buffer.alloc(8);

const STATIC_JSON2 = JSON.stringify({ ok: true, version: 2 });

export const server = createServer((request, response) => {
  const id = SCRATCH_ID.fill(0);
  id.writeUInt32BE(request.socket.remotePort ?? 0);
  response.setHeader('x-request-id', id.toString('hex'));
  response.setHeader('x-limits', STATIC_JSON);
  response.end(STATIC_JSON2);
});
`;

function typedESLint(fix: ESLint.Options['fix']): ESLint {
  return new ESLint({
    cwd: dir,
    fix,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: dir } } },
      plugin.configs['recommended-type-checked'],
    ],
    overrideConfigFile: true,
  });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-apply-fixes-'));
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, strict: true, target: 'ES2023', types: ['node'] }, include: ['src'] }),
  );
});

afterAll(() => rmSync(dir, { force: true, recursive: true }));

describe('applyFixes', () => {
  it('applies overlapping autofixes and suggestions over several passes, until none is left', async () => {
    const file = path.join(dir, 'src/server.ts');
    writeFileSync(file, SERVER_TS);
    const before = await typedESLint(false).lintFiles([file]);
    // Two autofixes and a suggestion, all starting at offset 0.
    expect(before[0]!.messages.map((m) => [m.line, m.ruleId, m.fix?.range[0] ?? m.suggestions?.[0]?.fix.range[0]])).toEqual([
      [4, 'alloc/no-buffer-alloc-in-hot-path', 0],
      [7, 'alloc/no-json-stringify-in-hot-path', 0],
      [8, 'alloc/no-json-stringify-in-hot-path', 0],
    ]);

    const run = await applyFixes({
      cwd: dir,
      eslint: typedESLint,
      files: [file],
      suggest: (message) => message.ruleId === 'alloc/no-buffer-alloc-in-hot-path',
    });

    expect(readFileSync(file, 'utf8')).toBe(SERVER_FIXED);
    // Pass 1: ESLint applies the first hoist and leaves the overlapping one; the suggestion then
    // applies to ESLint's output. Pass 2: the second hoist (at line 12 of that text). Pass 3
    // changes nothing.
    expect(run.applied).toEqual([
      'autofix     src/server.ts:7 alloc/no-json-stringify-in-hot-path',
      expect.stringMatching(/^suggestion {2}src\/server\.ts:6 .*`SCRATCH_ID`/u),
      'autofix     src/server.ts:12 alloc/no-json-stringify-in-hot-path',
    ]);
    expect(run.passes).toBe(2);
    expect(run.remaining).toEqual([]);
    const after = await typedESLint(false).lintFiles([file]);
    expect(after[0]!.messages).toEqual([]);
  });

  it('applies no suggestion it is not asked to, and stops when nothing changes', async () => {
    const file = path.join(dir, 'src/server.ts');
    writeFileSync(file, SERVER_TS);
    const run = await applyFixes({ cwd: dir, eslint: typedESLint, files: [file] });
    expect(run.applied).toEqual([
      'autofix     src/server.ts:7 alloc/no-json-stringify-in-hot-path',
      'autofix     src/server.ts:10 alloc/no-json-stringify-in-hot-path',
    ]);
    expect(run.passes).toBe(2);
    expect(readFileSync(file, 'utf8')).toContain('const id = Buffer.alloc(8);');
    // The same as `eslint --fix` writes.
    writeFileSync(file, SERVER_TS);
    const [fixed] = await typedESLint(true).lintFiles([file]);
    expect(readFileSync(file, 'utf8')).toBe(SERVER_TS);
    await ESLint.outputFixes([fixed!]);
    const byEslint = readFileSync(file, 'utf8');
    writeFileSync(file, SERVER_TS);
    await applyFixes({ cwd: dir, eslint: typedESLint, files: [file] });
    expect(readFileSync(file, 'utf8')).toBe(byEslint);
  });

  it(`stops after ${MAX_PASSES} passes when the fixes never settle, and says what is left`, async () => {
    // A rule whose fix always makes another one: the run must end anyway.
    const endless: Rule.RuleModule = {
      create: (context) => ({
        'Program:exit'(node) {
          context.report({ fix: (fixer) => fixer.insertTextAfter(node, ';'), message: 'Add a semicolon.', node });
        },
      }),
      meta: { fixable: 'code', messages: {}, schema: [] },
    };
    const file = path.join(dir, 'endless.js');
    writeFileSync(file, 'export {}\n');
    const run = await applyFixes({
      cwd: dir,
      eslint: (fix) => new ESLint({ cwd: dir, fix, overrideConfig: [{ plugins: { t: { rules: { endless } } }, rules: { 't/endless': 'error' } }], overrideConfigFile: true }),
      files: [file],
    });
    expect(run.passes).toBe(MAX_PASSES);
    expect(run.remaining.map(({ file: at, message }) => [path.basename(at), message.ruleId])).toEqual([['endless.js', 't/endless']]);
    expect(readFileSync(file, 'utf8').startsWith('export {}\n;')).toBe(true);
  });
});
