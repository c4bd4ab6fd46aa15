/** One timed lint of a prepared corpus project, in a fresh process: prints JSON with wall time and per-rule times. */
import { ESLint } from 'eslint';

const [dir, concurrency] = process.argv.slice(2);
const start = performance.now();
const eslint = new ESLint({ concurrency: concurrency === 'auto' ? 'auto' : 'off', cwd: dir!, stats: true });
const results = await eslint.lintFiles(['src/**/*.ts']);
const wallMs = performance.now() - start;
const rules: Record<string, number> = {};
let messages = 0;
let fatal = 0;
for (const result of results) {
  messages += result.messages.length;
  fatal += result.fatalErrorCount;
  for (const pass of result.stats?.times.passes ?? []) {
    for (const [rule, time] of Object.entries(pass.rules ?? {})) rules[rule] = (rules[rule] ?? 0) + time.total;
  }
}
console.log(JSON.stringify({ fatal, files: results.length, messages, rules, wallMs }));
