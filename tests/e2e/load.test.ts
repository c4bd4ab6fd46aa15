/**
 * What importing the built plugin loads, as ESLint does it: after the user's typescript-eslint, with
 * `import`. A lint without a profile must not load the profile reader, the CLI, the sampler or the
 * formatter; typescript and typescript-eslint's packages come from the CommonJS cache (`require`,
 * see src/util/deps.ts), not through an ES import that re-lexes them. `npm test` builds `dist/` first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-load-'));
afterAll(() => rmSync(dir, { force: true, recursive: true }));

interface Loaded {
  /** Every module loaded as an ES module (URLs), from the loader hook. */
  esm: string[];
  /** Every module in the CommonJS cache (paths). */
  cjs: string[];
  /** What the process printed on stderr. */
  stderr: string;
}

/** Imports typescript-eslint, then `entry` (as `entryModule`, its default export as `plugin`), in a fresh Node process; then runs `after` (a script body) there. */
function loadedBy(entry: string, after = ''): Loaded {
  const log = path.join(dir, `esm-${Math.random().toString(36).slice(2)}.log`);
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
  const main = path.join(dir, 'main.mjs');
  writeFileSync(
    main,
    [
      `import { createRequire } from 'node:module';`,
      `await import(${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/typescript-eslint/dist/index.js')).href)});`,
      `const entryModule = await import(${JSON.stringify(pathToFileURL(path.join(root, entry)).href)});`,
      `const plugin = entryModule.default;`,
      after,
      `console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`,
    ].join('\n'),
  );
  writeFileSync(log, '');
  const { status, stderr, stdout } = spawnSync(process.execPath, ['--no-warnings', '--experimental-loader', pathToFileURL(hooks).href, main], { cwd: root, encoding: 'utf8' });
  if (status !== 0) throw new Error(`the load script failed (${status}):\n${stderr}`);
  const esm = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { cjs: JSON.parse(stdout.trim().split('\n').at(-1)!) as string[], esm, stderr };
}

const dist = (file: string) => path.join(root, 'dist', file);

describe('importing the plugin', () => {
  const loaded = loadedBy('dist/index.js');

  it('loads the rules (the check sees what it should), and prints nothing', () => {
    expect(loaded.stderr).toBe('');
    expect(loaded.esm).toContain(pathToFileURL(dist('index.js')).href);
    expect(loaded.esm).toContain(pathToFileURL(dist('rules/no-regexp-in-loop.js')).href);
  });

  /** The plugin's own modules that `loaded` includes from the profile reader, the CLI, the sampler or the formatter. */
  const heavy = ({ cjs, esm }: Loaded): string[] => {
    const ours = [...esm.map((url) => (url.startsWith('file:') ? new URL(url).pathname : url)), ...cjs].filter((file) => file.startsWith(dist('')));
    const re = /\/dist\/(?:profile|cli)\/|\/dist\/formatter\.js$/u;
    return ours.filter((file) => re.test(file));
  };

  it('does not load the profile reader, the CLI, the sampler or the formatter (as ES modules, or required)', () => {
    expect(heavy(loaded)).toEqual([]);
  });

  it('profileConfig() only stats the profile: it loads none of them either', () => {
    const profile = path.join(dir, 'stamped.heapprofile');
    writeFileSync(profile, '{}');
    const withHelper = loadedBy('dist/index.js', `const config = entryModule.profileConfig({ profile: ${JSON.stringify(profile)} });
if (config.settings.alloc.profileStamp[${JSON.stringify(profile)}].size !== 2) throw new Error(JSON.stringify(config));`);
    expect(withHelper.esm).toContain(pathToFileURL(dist('profile-config.js')).href);
    expect(heavy(withHelper)).toEqual([]);
  });

  it('takes typescript and typescript-eslint from the CommonJS cache, never through an ES import', () => {
    const re = /\/node_modules\/(?:typescript|ts-api-utils|@typescript-eslint)\//u;
    const esImported = loaded.esm.filter((url) => re.test(url) && !url.includes('/typescript-eslint/dist/index.js'));
    expect(esImported).toEqual([]);
    expect(loaded.cjs.some((file) => file.endsWith(path.join('node_modules', 'typescript', 'lib', 'typescript.js')))).toBe(true);
  });

  it('loads the profile reader once a lint asks for a profile', () => {
    const profile = path.join(dir, 'missing.heapprofile');
    const withProfile = loadedBy(
      'dist/index.js',
      `const { ESLint } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'node_modules/eslint/lib/api.js')).href)});
const eslint = new ESLint({ cwd: ${JSON.stringify(dir)}, overrideConfigFile: true, overrideConfig: [{ plugins: { alloc: plugin }, rules: { 'alloc/no-buffer-alloc-in-hot-path': 'error' }, settings: { alloc: { profile: ${JSON.stringify(profile)} } } }] });
await eslint.lintText('export const x = 1;', { filePath: ${JSON.stringify(path.join(dir, 'x.js'))} });`,
    );
    // `require` of an ES module (how the reader is loaded) puts it in the CommonJS cache.
    expect(withProfile.cjs).toContain(dist('profile/index.js'));
    expect(withProfile.cjs).not.toContain(dist('formatter.js'));
    // The profile named does not exist: the reader says so once, on stderr.
    expect(withProfile.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^eslint-plugin-alloc: settings\.alloc\.profile: .*missing\.heapprofile/u),
    ]);
  });
});
