/**
 * The developer set-up is clean on every Node the plugin supports: `npm ci` warns about nothing (no
 * EBADENGINE from a dev dependency that needs a newer Node, no unreviewed install scripts), because
 * every locked package accepts the lowest version of each Node line in package.json's `engines`
 * (the `overrides` entry keeps @graphql-tools/utils, under the @apollo/server corpus package, on a
 * @whatwg-node/promise-helpers that still supports Node 20) and `allowScripts` lists every package
 * with an install script. And the typescript-eslint it is developed with is the lowest its ranges accept.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const semver = createRequire(import.meta.url)('semver') as {
  minVersion(range: string): { version: string } | null;
  satisfies(version: string, range: string): boolean;
};
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: Record<string, string> | string[]; version?: string }>;
};

/** The lowest version of each Node line package.json accepts: `^20.19.0 || ^22.13.0 || >=24` → 20.19.0, 22.13.0, 24.0.0. */
const lowestSupported = pkg.engines.node.split('||').map((range) => semver.minVersion(range.trim())!.version);

describe('npm ci', () => {
  it('warns about nothing on this Node (a dry run reads the same lock and checks the same engines)', () => {
    // Outside `npm test`'s environment, as a developer runs it: npm warns about unknown npm_config_* variables.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
    const result = spawnSync('npm', ['ci', '--dry-run', '--no-audit', '--no-fund'], { cwd: root, encoding: 'utf8', env });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('npm warn'))).toEqual([]);
  });

  it('installs only packages whose engines accept the lowest version of every supported Node line', () => {
    expect(lowestSupported).toEqual(['20.19.0', '22.13.0', '24.0.0']);
    const refused = Object.entries(lock.packages).flatMap(([location, entry]) => {
      const node = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
      if (!location || !node) return [];
      return lowestSupported.filter((version) => !semver.satisfies(version, node)).map((version) => `${location}@${entry.version} needs node ${node}, not ${version}`);
    });
    expect(refused).toEqual([]);
  });
});

describe('typescript-eslint', () => {
  const range = pkg.dependencies['@typescript-eslint/utils']!;

  it('is developed and tested at the lowest version the dependency ranges accept (the newest: tests/realworld/install.test.ts)', () => {
    expect(pkg.dependencies['@typescript-eslint/type-utils']).toBe(range);
    const lowest = semver.minVersion(range)!.version;
    for (const name of ['typescript-eslint', '@typescript-eslint/parser', '@typescript-eslint/rule-tester']) expect(pkg.devDependencies[name], name).toBe(lowest);
    const installed = JSON.parse(readFileSync(path.join(root, 'node_modules/@typescript-eslint/utils/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(lowest);
  });

  it('has its range named in the README', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain(`\`@typescript-eslint/utils\` and \`@typescript-eslint/type-utils\` \`${range}\``);
  });
});
