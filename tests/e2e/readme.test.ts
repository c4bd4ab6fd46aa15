/**
 * The README's Install section, followed to the letter in a fresh project: its `eslint.config.js`
 * snippet (read from README.md) with the packed plugin (`npm pack`, unpacked as npm would; its
 * dependencies linked from this repository, so no registry is needed), linted with the ESLint CLI
 * at the root (config file included), from a sub-folder, and with the README's CI command; then
 * with the entries the README adds for JavaScript in a folder no tsconfig includes. Under ESLint 10
 * and ESLint 9. tests/realworld/install.test.ts does the same with npm installing from the registry.
 * `npm test` builds `dist/` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectedFindings, findingsOf, packPlugin, readmeConfig, readmeConfigWithUntypedJs, root, unpackPlugin, writeScaffold } from '../helpers/scaffold.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-readme-'));
let tarball: string;

beforeAll(() => {
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error('dist/ is missing: run npm run build');
  tarball = packPlugin(scratch);
});

afterAll(() => rmSync(scratch, { force: true, recursive: true }));

/** Without npm's environment (as a user's shell runs it), so `npx` prints only what it would for them. */
const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));

describe('examples/eslint.config.js', () => {
  it("is the README's Install config", () => {
    const example = readFileSync(path.join(root, 'examples/eslint.config.js'), 'utf8');
    const { config } = readmeConfig();
    // Its own comment replaces the snippet's `// eslint.config.js` line.
    expect(example.replace(/^(?:\/\/.*\n)+/u, '')).toBe(config.replace(/^\/\/ eslint\.config\.js\n/u, ''));
  });
});

/** A fresh project in `scratch/<eslintPackage>`: the unpacked tarball, and what npm would install next to it, linked. */
function setUp(eslintPackage: string, major: string): string {
  const project = path.join(scratch, eslintPackage);
  mkdirSync(path.join(project, 'node_modules/.bin'), { recursive: true });
  unpackPlugin(tarball, project);
  // What `npm install --save-dev eslint-plugin-alloc typescript-eslint eslint typescript` puts there.
  symlinkSync(path.join(root, 'node_modules', eslintPackage), path.join(project, 'node_modules/eslint'), 'dir');
  for (const name of ['typescript-eslint', 'typescript', '@typescript-eslint', 'ts-api-utils']) {
    symlinkSync(path.join(root, 'node_modules', name), path.join(project, 'node_modules', name), 'dir');
  }
  symlinkSync('../eslint/bin/eslint.js', path.join(project, 'node_modules/.bin/eslint'));
  const { version } = JSON.parse(readFileSync(path.join(project, 'node_modules/eslint/package.json'), 'utf8')) as { version: string };
  expect(version.startsWith(major)).toBe(true);
  return project;
}

/** The ESLint CLI of `project`, run in `cwd`. */
function eslint(project: string, args: string[], cwd = project) {
  return spawnSync(process.execPath, [path.join(project, 'node_modules/eslint/bin/eslint.js'), ...args], { cwd, encoding: 'utf8', env });
}

describe('a fresh project set up from the README, under ESLint 10', () => {
  let project: string;
  beforeAll(() => {
    project = setUp('eslint', '10.');
    writeScaffold(project, readmeConfig().config, { withScripts: false });
  });

  it('lints the whole project from its root, eslint.config.js and a root JavaScript file included', () => {
    const run = eslint(project, ['-f', 'json', '.']);
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout, project)).toEqual(expectedFindings(['release.js', 'src/lib/ids.ts', 'src/report.ts']));
    const files = (JSON.parse(run.stdout) as { filePath: string }[]).map((result) => path.relative(project, result.filePath)).sort();
    expect(files).toEqual(['eslint.config.js', 'release.js', 'src/lib/ids.ts', 'src/report.ts']);
  });

  it('lints a sub-folder, run from inside it', () => {
    const run = eslint(project, ['-f', 'json', '.'], path.join(project, 'src/lib'));
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout, project)).toEqual(expectedFindings(['src/lib/ids.ts']));
  });

  it("exits 1 on the findings with the README's CI command, and prints nothing else", () => {
    const { ciCommand } = readmeConfig();
    expect(ciCommand).toEqual(['npx', 'eslint', '--max-warnings', '0', '.']);
    const run = spawnSync(ciCommand[0]!, ciCommand.slice(1), { cwd: project, encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/\n✖ 3 problems \(3 errors, 0 warnings\)\n/u);
    expect(run.stdout).not.toMatch(/project service|type information/u);
  });

  it('lints JavaScript outside tsconfig with the entries the README adds: the rules that need no types report, and no notice', () => {
    writeScaffold(project, readmeConfigWithUntypedJs());
    try {
      const run = eslint(project, ['-f', 'json', '.']);
      expect(run.stderr).toBe('');
      expect(findingsOf(run.stdout, project)).toEqual(expectedFindings(['release.js', 'scripts/build.js', 'src/lib/ids.ts', 'src/report.ts']));
    } finally {
      writeFileSync(path.join(project, 'eslint.config.js'), readmeConfig().config);
      rmSync(path.join(project, 'scripts'), { force: true, recursive: true });
    }
  });

  it("without the README's JavaScript entries, a file outside tsconfig is a parse error that names the fix", () => {
    writeScaffold(project, readmeConfig().config);
    try {
      const run = eslint(project, ['-f', 'json', 'scripts']);
      expect(findingsOf(run.stdout, project)).toEqual([
        expect.stringMatching(/^scripts\/build\.js fatal: Parsing error: .*scripts\/build\.js was not found by the project service\. Consider either including it in the tsconfig\.json or including it in allowDefaultProject\./u),
      ]);
    } finally {
      rmSync(path.join(project, 'scripts'), { force: true, recursive: true });
    }
  });
});

describe('a fresh project set up from the README with its JavaScript entries, under ESLint 9', () => {
  let project: string;
  beforeAll(() => {
    project = setUp('eslint-v9', '9.');
    writeScaffold(project, readmeConfigWithUntypedJs());
  });

  it('lints everything from the root: JavaScript outside tsconfig gets the rules that need no types, and no notice', () => {
    const run = eslint(project, ['-f', 'json', '.']);
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout, project)).toEqual(expectedFindings(['release.js', 'scripts/build.js', 'src/lib/ids.ts', 'src/report.ts']));
  });

  it('lints a sub-folder, run from inside it', () => {
    const run = eslint(project, ['-f', 'json', '.'], path.join(project, 'src/lib'));
    expect(run.stderr).toBe('');
    expect(findingsOf(run.stdout, project)).toEqual(expectedFindings(['src/lib/ids.ts']));
  });
});
