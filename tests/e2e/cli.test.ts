/**
 * The README's CI instructions, run for real on the example project with the built plugin:
 * `eslint --max-warnings 0` fails on findings, and a SARIF formatter writes code-scanning results.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const examples = path.join(root, 'examples');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-cli-'));
afterAll(() => rmSync(scratch, { force: true, recursive: true }));

function eslint(...args: string[]) {
  return spawnSync(process.execPath, [eslintBin, ...args], { cwd: examples, encoding: 'utf8' });
}

describe('CI use from the README', () => {
  it('`eslint --max-warnings 0` exits non-zero on findings', () => {
    const run = eslint('--max-warnings', '0', 'src');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('alloc/no-string-concat-in-loop');
  });

  it('writes SARIF for code scanning with @microsoft/eslint-formatter-sarif', () => {
    const out = path.join(scratch, 'eslint.sarif');
    const run = eslint('-f', '@microsoft/eslint-formatter-sarif', '-o', out, 'src');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as {
      version: string;
      runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    expect(sarif.version).toBe('2.1.0');
    const rules = new Set(sarif.runs[0]!.results.map((result) => result.ruleId));
    expect([...rules].every((rule) => rule.startsWith('alloc/'))).toBe(true);
    expect(rules.has('alloc/prefer-presized-array')).toBe(true);
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine).toBeGreaterThan(0);
  });
});
