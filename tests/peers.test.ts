/**
 * Issue 7's bar: this plugin reports every accumulating-spread and regex form that oxlint and Biome
 * report on the same input, plus the loop, `forEach`, `concat` and `new RegExp` forms they miss.
 * Both peers run as their real CLIs (pinned devDependencies) on tests/fixtures/peers-sample.ts.
 */
import tsParser from '@typescript-eslint/parser';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { fixturesDir } from './rule-tester.js';

const root = path.resolve(import.meta.dirname, '..');
const sample = path.join(fixturesDir, 'peers-sample.ts');
const code = readFileSync(sample, 'utf8');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-peers-'));
afterAll(() => rmSync(scratch, { force: true, recursive: true }));

const EXPORTED_FUNCTION = /^export function (\w+)/u;

/** The sample's function (`a` … `i`) that holds each line: tools point at different lines of one construct. */
const functionAt = (line: number): string => {
  const starts = code.split('\n').flatMap((text, index) => {
    const match = EXPORTED_FUNCTION.exec(text);
    return match ? [{ line: index + 1, name: match[1]! }] : [];
  });
  return starts.filter((start) => start.line <= line).at(-1)?.name ?? '';
};

/** Functions of the sample a CLI reports in, from its output (`file:line:col`, or `[file:line:col]`). */
function linesFrom(output: string): string[] {
  // Machine-readable reporters on purpose: oxlint `--format unix` (`file:line:col: …`), Biome
  // `--reporter=github` (`…,line=N,…`); their default output is colored when CI=true.
  const lines = [...output.matchAll(/peers-sample\.ts(?::(\d+):\d+|,line=(\d+))/gu)].map((match) => functionAt(Number(match[1] ?? match[2])));
  return [...new Set(lines)].sort();
}

function run(command: string, args: string[], cwd: string): string {
  try {
    return execFileSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // Both exit non-zero when they report; their report is the point.
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return `${stdout}\n${stderr}`;
  }
}

function ours(): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
        plugins: { alloc: plugin },
        rules: { 'alloc/no-accumulating-spread': 'error', 'alloc/no-regexp-in-loop': 'error' },
      },
    ],
    { filename: sample },
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return [...new Set(messages.map((m) => functionAt(m.line)))].sort();
}

describe('against oxlint and Biome on the same input', () => {
  const mine = ours();

  it('reports in every function oxlint reports (oxc/no-accumulating-spread)', () => {
    const theirs = linesFrom(run(bin('oxlint'), ['--format', 'unix', '-A', 'all', '-D', 'oxc/no-accumulating-spread', sample], root));
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine).toEqual(expect.arrayContaining(theirs));
  });

  it('reports in every function Biome reports (noAccumulatingSpread, useTopLevelRegex)', () => {
    writeFileSync(
      path.join(scratch, 'biome.json'),
      JSON.stringify({ linter: { enabled: true, rules: { performance: { noAccumulatingSpread: 'error', useTopLevelRegex: 'error' }, recommended: false } } }),
    );
    const theirs = linesFrom(run(bin('biome'), ['lint', '--reporter=github', `--config-path=${scratch}`, sample], root));
    expect(theirs.length).toBeGreaterThan(0);
    expect(mine).toEqual(expect.arrayContaining(theirs));
  });

  it('also reports the forEach, concat and new RegExp forms', () => {
    // e: forEach, f: concat in a loop, g: new RegExp in a loop (and h: Object.assign, i: object spread in a loop).
    expect(mine).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']);
  });
});
