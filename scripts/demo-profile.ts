/**
 * `npm run demo:profile`: the profile-guided loop of docs/profile-guided.md on the example service,
 * in scratch copies under examples/.profile/ (examples/src is never changed):
 *   1. compile with source maps, record a heap profile of the service under load
 *      (examples/profile/workload.ts), print `alloc-profile top`, lint with the profile (ranked);
 *   2. make the edit the top finding asks for (exportCsv stops reading the CSV it builds), profile again;
 *   3. apply the lint's autofixes (as `eslint --fix` does, pass after pass) and its suggestions in the
 *      measured functions, profile again.
 * Prints each round and a summary of the sampled allocation per round.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

import { loadProfile } from '../src/profile/load.js';
import { applyFixes } from './lib/apply-fixes.js';
import { formatBytes, formatShare } from '../src/util/units.js';

const root = path.resolve(import.meta.dirname, '..');
const examples = path.join(root, 'examples');
const work = path.join(examples, '.profile');
const cli = path.join(root, 'dist/cli/alloc-profile.js');
const PROFILE = 'alloc.heapprofile';

interface Round {
  name: string;
  total: number;
  top: { name: string; self: number; share: number }[];
}

function node(args: string[], cwd: string): string {
  return execFileSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Copies the example (or the previous round's sources) into a fresh round directory. */
function prepare(name: string, from: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['src', 'profile']) cpSync(path.join(from, entry), path.join(dir, entry), { recursive: true });
  for (const entry of ['tsconfig.json', 'tsconfig.profile.json', 'eslint.config.js']) cpSync(path.join(examples, entry), path.join(dir, entry));
  return dir;
}

function lintWithProfile(dir: string, fix: ESLint.Options['fix'] = false): ESLint {
  return new ESLint({ cwd: dir, fix, overrideConfig: { settings: { alloc: { profile: PROFILE } } } });
}

async function profileAndLint(name: string, dir: string, title: string): Promise<Round> {
  console.log(`\n=== ${title}\n`);
  node([path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.profile.json'], dir);
  node([cli, 'record', '--out', PROFILE, '--', process.execPath, '.profile/dist/profile/workload.js'], dir);
  console.log(`$ npx alloc-profile top ${PROFILE} -n 6\n${node([cli, 'top', PROFILE, '-n', '6'], dir)}`);
  const eslint = lintWithProfile(dir);
  const results = await eslint.lintFiles(['src']);
  const formatter = await eslint.loadFormatter(path.join(root, 'dist/formatter.js'));
  console.log(`$ eslint -f ./node_modules/eslint-plugin-alloc/dist/formatter.js src   (settings.alloc.profile: '${PROFILE}')\n`);
  console.log(await formatter.format(results));
  const profile = loadProfile(path.join(dir, PROFILE), null, dir)!;
  const program = profile.functions.filter((fn) => fn.location.file.startsWith(path.join(dir, 'src')));
  return { name, top: program.slice(0, 3).map(({ name: fn, self, share }) => ({ name: fn, self, share })), total: profile.total };
}

/** The edit the top finding asks for: build each row without reading the CSV built so far. */
function fixExportCsv(dir: string): void {
  const file = path.join(dir, 'src/report.ts');
  const before = `    for (const cell of cells) {
      csv += cell + ',';
    }
    // Reads the whole CSV so far on every row: quadratic in the export's size.
    if (csv.endsWith(',')) csv = csv.slice(0, -1);
    csv += '\\n';`;
  const text = readFileSync(file, 'utf8');
  if (!text.includes(before)) throw new Error('examples/src/report.ts changed: update fixExportCsv in scripts/demo-profile.ts');
  writeFileSync(file, text.replace(before, `    csv += cells.join(',') + '\\n';`));
}

/**
 * The lint's fixes with the profile, applied as `eslint --fix` applies them (pass after pass until
 * nothing changes, scripts/lib/apply-fixes.ts), plus, for findings in a function the profile
 * measured, their first suggestion. Later passes lint the fixed text with the same profile: the
 * plugin finds a function that moved by its name (docs/profile-guided.md).
 */
async function applyLintFixes(dir: string): Promise<string[]> {
  const files = (await lintWithProfile(dir).lintFiles(['src'])).map((result) => result.filePath);
  const run = await applyFixes({
    cwd: dir,
    eslint: (fix) => lintWithProfile(dir, fix),
    files,
    suggest: (message) => message.message.includes(' Profile: '),
  });
  if (run.remaining.length > 0) {
    const left = run.remaining.map(({ file, message }) => `${path.relative(dir, file)}:${message.line} ${message.ruleId}`);
    throw new Error(`demo:profile: fixes still apply after ${run.passes} passes: ${left.join(', ')}`);
  }
  return run.applied;
}

rmSync(work, { force: true, recursive: true });
const rounds: Round[] = [];
const first = prepare('1-profile', examples);
rounds.push(await profileAndLint('1. as written', first, 'Round 1: profile the example service under load, lint with the profile'));

const second = prepare('2-fix-top', first);
fixExportCsv(second);
rounds.push(await profileAndLint('2. exportCsv fixed', second, 'Round 2: exportCsv no longer reads the CSV it builds (the top finding); profile again'));

// Fixed in place: the profile must describe the code being linted (a copy would be another checkout).
cpSync(second, path.join(work, '2-fix-top.before-lint-fixes'), { recursive: true });
const applied = await applyLintFixes(second);
console.log(`\nApplied with round 2's profile, pass after pass until no fix applied:\n${applied.map((line) => `  ${line}`).join('\n')}`);
rounds.push(await profileAndLint('3. lint fixes applied', second, "Round 3: the lint's autofixes, plus its suggestions in the functions round 2's profile measured; profile again"));

console.log(`\n=== Summary (Node ${process.version}, V8 ${process.versions.v8}; the same workload each round)\n`);
for (const round of rounds) {
  const top = round.top.map((fn) => `${fn.name || '(anonymous)'} ${formatBytes(fn.self)} (${formatShare(fn.share)})`).join(', ');
  console.log(`${round.name.padEnd(24)} ${formatBytes(round.total).padStart(9)} sampled   top: ${top}`);
}
console.log(`\nThe rounds are in ${path.relative(process.cwd(), work)}/ (profiles, compiled code, fixed sources).`);
