/**
 * The packed plugin installed the way a user installs it, next to the newest typescript-eslint of the
 * range the plugin claims: npm must find one copy of each `@typescript-eslint/*` package (the
 * plugin's ranges dedupe onto the user's), and the lint must work. Needs the npm registry.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
let project: string;

const npm = (args: string[], cwd: string) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' } });

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'alloc-install-'));
  const tarball = npm(['pack', '--silent', '--pack-destination', project], root).trim().split('\n').at(-1)!;
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'fresh', private: true, type: 'module' }));
  // The newest typescript-eslint 8 and ESLint 10, as a new project gets them today.
  npm(['install', '--prefer-offline', '--no-save', `./${tarball}`, 'typescript-eslint@8', 'eslint@10', 'typescript@5.9'], project);
  writeFileSync(path.join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', strict: true, noEmit: true }, include: ['src'] }));
  writeFileSync(
    path.join(project, 'eslint.config.js'),
    "import tseslint from 'typescript-eslint';\nimport alloc from 'eslint-plugin-alloc';\n\nexport default [\n  { files: ['src/**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },\n  { files: ['src/**/*.ts'], ...alloc.configs['recommended-type-checked'] },\n];\n",
  );
  execFileSync('mkdir', ['-p', path.join(project, 'src')]);
  writeFileSync(path.join(project, 'src', 'ids.ts'), 'export function ids(rows: readonly { id: number }[]): number[] {\n  const out: number[] = [];\n  for (const row of rows) out.push(row.id);\n  return out;\n}\n');
}, 600_000);

afterAll(() => rmSync(project, { force: true, recursive: true }));

describe('a fresh install next to the newest typescript-eslint', () => {
  it('has one copy of each @typescript-eslint package the plugin depends on', () => {
    for (const name of Object.keys(pkg.dependencies).filter((dependency) => dependency.startsWith('@typescript-eslint/'))) {
      const copies = npm(['ls', name, '--all', '--parseable'], project).trim().split('\n').filter(Boolean);
      expect(new Set(copies), name).toHaveProperty('size', 1);
    }
  });

  it('installed a typescript-eslint the plugin range accepts, newer than the one it is developed with', () => {
    const installed = JSON.parse(readFileSync(path.join(project, 'node_modules/@typescript-eslint/utils/package.json'), 'utf8')) as { version: string };
    const [, minor] = installed.version.split('.').map(Number);
    expect(minor).toBeGreaterThanOrEqual(Number(pkg.dependencies['@typescript-eslint/utils']!.split('.')[1]));
  });

  it('lints with type information', () => {
    let output = '';
    try {
      output = execFileSync(path.join(project, 'node_modules/.bin/eslint'), ['-f', 'json', 'src'], { cwd: project, encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit 1: findings
    }
    const results = JSON.parse(output) as { messages: { ruleId: string; line: number }[] }[];
    expect(results.flatMap((result) => result.messages.map((m) => `${m.ruleId}:${m.line}`))).toEqual(['alloc/prefer-presized-array:3']);
  });
});
