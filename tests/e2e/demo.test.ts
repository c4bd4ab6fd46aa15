/**
 * `npm run demo`, run for real (scripts/demo.ts in a subprocess, with the built plugin): its summary
 * line counts the findings and the files that have them, as ESLint's own report lists them.
 * (`demo:profile`'s fixing is tested in tests/scripts/apply-fixes.test.ts; the whole loop is too
 * slow for the suite and is smoke-run by .ci/run.)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
/** A file heading in ESLint's stylish report: an absolute path on a line of its own. */
const FILE_HEADING = /^\/\S+\.ts$/u;
const PROBLEMS = /^✖ (\d+) problems? /mu;

describe('npm run demo', () => {
  it('says how many findings there are and in how many of the linted files', () => {
    const run = spawnSync(process.execPath, [tsx, 'scripts/demo.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    const headings = lines.filter((line) => FILE_HEADING.test(line));
    const problems = Number(PROBLEMS.exec(run.stdout)?.[1]);
    const linted = readdirSync(path.join(root, 'examples/src')).filter((file) => file.endsWith('.ts')).length;
    // The example has a file without findings, so "files with findings" and "files linted" differ.
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.length).toBeLessThan(linted);
    expect(lines.at(-1)).toBe(
      `eslint-plugin-alloc demo: ${problems} finding(s) in ${headings.length} of the ${linted} file(s) in examples/src (ESLint ${ESLint.version}).`,
    );
  });
});
