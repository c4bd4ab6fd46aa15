// One lint of a prepared corpus project, in a fresh process, as a user runs it: plain Node (no
// TypeScript loader), ESLint loading the project's eslint.config.js. Prints JSON: the process's CPU
// time from its start (all threads: startup, ESLint, the config and the plugins it imports, the
// lint), the wall time of the lint call, and per-rule times from ESLint's stats.
import { ESLint } from 'eslint';

const [dir, concurrency] = process.argv.slice(2);
const start = performance.now();
const eslint = new ESLint({ concurrency: concurrency === 'auto' ? 'auto' : 'off', cwd: dir, stats: true });
const results = await eslint.lintFiles(['src/**/*.ts']);
const wallMs = performance.now() - start;
const cpu = process.cpuUsage();
const rules = {};
let messages = 0;
let fatal = 0;
for (const result of results) {
  messages += result.messages.length;
  fatal += result.fatalErrorCount;
  for (const pass of result.stats?.times.passes ?? []) {
    const times = pass.rules ?? {};
    for (const rule of Object.keys(times)) rules[rule] = (rules[rule] ?? 0) + times[rule].total;
  }
}
console.log(JSON.stringify({ cpuMs: (cpu.user + cpu.system) / 1000, fatal, files: results.length, messages, rules, wallMs }));
