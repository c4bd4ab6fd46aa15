/**
 * `npm run demo`: lints the example service in examples/ with the built plugin's
 * `recommended-type-checked` config (examples/eslint.config.js, exactly the README's setup) and prints
 * ESLint's findings. Exits 0 when the lint ran — findings are the point — and 1 if it could not run.
 * `npm run demo:fix`: prints the diff `eslint --fix` would apply, without writing any file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ESLint } from 'eslint';

const examples = path.resolve(import.meta.dirname, '../examples');
const fix = process.argv.includes('--fix');

const eslint = new ESLint({ cwd: examples, fix });
const results = await eslint.lintFiles(['src']);
const fatal = results.flatMap((result) => result.messages.filter((message) => message.fatal));
if (fatal.length > 0) {
  console.error('The demo could not lint the example:', fatal.map((message) => message.message).join('\n'));
  process.exit(1);
}

if (!fix) {
  const formatter = await eslint.loadFormatter('stylish');
  console.log(await formatter.format(results));
  const count = results.reduce((sum, result) => sum + result.messages.length, 0);
  const withFindings = results.filter((result) => result.messages.length > 0).length;
  console.log(
    `eslint-plugin-alloc demo: ${count} finding(s) in ${withFindings} of the ${results.length} file(s) in examples/src (ESLint ${ESLint.version}).`,
  );
} else {
  const changed = results.filter((result) => result.output !== undefined);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-demo-'));
  try {
    for (const result of changed) {
      const relative = path.relative(examples, result.filePath);
      const after = path.join(scratch, path.basename(result.filePath));
      writeFileSync(after, result.output!);
      try {
        execFileSync('diff', ['-u', '--label', `a/${relative}`, '--label', `b/${relative}`, result.filePath, after], {
          encoding: 'utf8',
        });
      } catch (error) {
        // diff exits 1 when the files differ; its output is the point.
        console.log((error as { stdout: string }).stdout);
      }
    }
  } finally {
    rmSync(scratch, { force: true, recursive: true });
  }
  console.log(
    changed.length === 0
      ? 'eslint-plugin-alloc demo:fix: no autofix applies to the example (the enabled rules report these findings without a mechanical fix).'
      : `eslint-plugin-alloc demo:fix: --fix would change ${changed.length} file(s) as shown; nothing was written.`,
  );
}
