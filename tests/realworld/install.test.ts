/**
 * The packed plugin installed by npm from the registry, the way the README says, next to the lowest
 * and the newest typescript-eslint 8 that the plugin's `@typescript-eslint/*` ranges accept, and a
 * fresh project set up from the README linted from its root and from a sub-folder. Next to the
 * newest, npm installs one copy of each of those packages (the plugin's ranges dedupe onto the
 * user's). Next to an older one, npm picks the newest in range for the plugin first and nests the
 * user's exact versions, so `npm dedupe` (the README says so) is what merges them. `npm test` runs
 * on the lowest too (the dev dependencies are that version, tests/dev-setup.test.ts); this is the
 * install as users get it. Needs the npm registry.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { expectedFindings, findingsOf, packPlugin, readmeConfigWithUntypedJs, root, writeScaffold } from '../helpers/scaffold.js';

const semver = createRequire(import.meta.url)('semver') as { minVersion(range: string): { version: string } | null };
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const typescriptEslintDependencies = Object.keys(pkg.dependencies).filter((name) => name.startsWith('@typescript-eslint/'));
const range = pkg.dependencies['@typescript-eslint/utils']!;
const scratch = path.join(os.tmpdir(), `alloc-install-${process.pid}`);

/** As in a user's shell: none of the npm_* variables of the `npm run` this suite runs under. */
const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_'))),
  npm_config_audit: 'false',
  npm_config_fund: 'false',
};
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });

/** Every version of typescript-eslint the ranges accept, oldest first, from the registry. */
const accepted = JSON.parse(npm(['view', `typescript-eslint@${range}`, 'version', '--json'], os.tmpdir())) as string | string[];
const versions = [...new Set([semver.minVersion(range)!.version, [accepted].flat().at(-1)!])];

afterAll(() => rmSync(scratch, { force: true, recursive: true }));

describe('the ranges', () => {
  it('are one range for every @typescript-eslint package, whose lowest version is on the registry', () => {
    expect([...typescriptEslintDependencies].sort()).toEqual(['@typescript-eslint/type-utils', '@typescript-eslint/utils']);
    for (const name of typescriptEslintDependencies) expect(pkg.dependencies[name], name).toBe(range);
    expect(range).toMatch(/^\^8\.\d+\.\d+$/u);
    expect([accepted].flat()).toContain(semver.minVersion(range)!.version);
  });
});

describe.each(versions)('a fresh install of the packed plugin next to typescript-eslint %s', (version) => {
  const project = path.join(scratch, version);
  const newest = version === versions.at(-1);

  beforeAll(() => {
    mkdirSync(project, { recursive: true });
    const tarball = packPlugin(project);
    writeScaffold(project, readmeConfigWithUntypedJs());
    // The README's install command, with the tarball for the plugin and the typescript-eslint under test.
    npm(['install', '--save-dev', '--save-exact', '--prefer-offline', tarball, `typescript-eslint@${version}`, 'eslint@10', 'typescript@~5.9.0'], project);
  }, 600_000);

  it('lints the README set-up from the root and from a sub-folder', () => {
    const eslint = (cwd: string) => {
      try {
        return execFileSync(path.join(project, 'node_modules/.bin/eslint'), ['-f', 'json', '.'], { cwd, encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (error) {
        const { status, stderr, stdout } = error as { status: number; stderr: string; stdout: string };
        expect(status, stderr).toBe(1); // findings, nothing else
        expect(stderr).toBe('');
        return stdout;
      }
    };
    expect(findingsOf(eslint(project), project)).toEqual(expectedFindings(['release.js', 'scripts/build.js', 'src/lib/ids.ts', 'src/report.ts']));
    expect(findingsOf(eslint(path.join(project, 'src/lib')), project)).toEqual(expectedFindings(['src/lib/ids.ts']));
  });

  it(`has exactly one copy of each @typescript-eslint package the plugin depends on, at that version${newest ? '' : ', after npm dedupe'}`, () => {
    if (!newest) npm(['dedupe'], project);
    for (const name of typescriptEslintDependencies) {
      const tree = JSON.parse(npm(['ls', name, '--all', '--json', '--long'], project)) as Tree;
      const copies = new Set(nodesNamed(tree, name).map((node) => `${node.path}@${node.version}`));
      expect([...copies], name).toEqual([`${path.join(project, 'node_modules', name)}@${version}`]);
    }
  });
});

interface Tree {
  dependencies?: Record<string, Tree>;
  name?: string;
  path?: string;
  version?: string;
}

/** Every node of `npm ls --json --long` output for the package `name`. */
function nodesNamed(tree: Tree, name: string): Tree[] {
  return Object.entries(tree.dependencies ?? {}).flatMap(([key, child]) => [...(key === name ? [child] : []), ...nodesNamed(child, name)]);
}
