/**
 * The real-code corpus: TypeScript sources published by pinned npm packages (devDependencies),
 * copied into a scratch directory with a generated tsconfig and an ESLint config file, so they can be
 * linted and type-checked like a user's project (a config file, not inline options, so that
 * `--concurrency` worker threads can load it too).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '../..');

export const CORPUS = [
  { lib: ['ES2022', 'DOM'], name: 'rxjs' },
  { lib: ['ES2022', 'DOM'], name: '@tanstack/query-core' },
  { lib: ['ES2022', 'DOM'], name: '@trpc/server' },
  { lib: ['ES2022', 'DOM'], name: 'apache-arrow' },
  { lib: ['ES2022', 'DOM'], name: '@apollo/server' },
  // Numeric spectra and matrices: per-iteration typed arrays and arrays of numeric records.
  { lib: ['ES2023', 'DOM'], name: 'ml-spectra-processing' },
  // Per-message encoding and decoding (buffers, strings, caches).
  { lib: ['ES2022', 'DOM'], name: '@msgpack/msgpack' },
  // Per-update structural sharing: proxies, drafts and patches on every `produce` call.
  { lib: ['ES2022', 'DOM'], name: 'immer' },
];

/**
 * `baseline`: typescript-eslint's `recommendedTypeChecked`, the plugin not imported at all;
 * `baseline+loaded`: the same with the plugin imported and registered but no rule of it on (its load
 * cost); `baseline+alloc`: with the plugin's `strict` config; `alloc`: the plugin alone with `strict`;
 * `recommended`: the plugin alone with its default config, `recommended-type-checked` (what tests/realworld/labels.json labels).
 */
export type CorpusConfig = 'alloc' | 'baseline' | 'baseline+alloc' | 'baseline+loaded' | 'recommended';

/** Copies a package's `src/` into `dir` with a tsconfig and an eslint.config.js for `config`. */
export function prepareProject(dir: string, name: string, lib: string[], config: CorpusConfig): string {
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(root, 'node_modules', name, 'src'), path.join(dir, 'src'), { recursive: true });
  writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { allowImportingTsExtensions: true, lib, module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, skipLibCheck: true, strict: true, target: 'ES2022', types: ['node'] },
      include: ['src'],
    }),
  );
  const url = (specifier: string) => pathToFileURL(path.join(root, specifier)).href;
  const parts: string[] = [
    `{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } }`,
  ];
  if (config !== 'alloc' && config !== 'recommended') parts.push('...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ["**/*.ts"] }))');
  if (config === 'alloc' || config === 'baseline+alloc') parts.push('alloc.configs.strict');
  if (config === 'recommended') parts.push("alloc.configs['recommended-type-checked']");
  if (config === 'baseline+loaded') parts.push("{ plugins: { alloc }, rules: {} }");
  const imports = [`import tseslint from ${JSON.stringify(url('node_modules/typescript-eslint/dist/index.js'))};`];
  if (config !== 'baseline') imports.push(`import alloc from ${JSON.stringify(url('dist/index.js'))};`);
  writeFileSync(path.join(dir, 'eslint.config.js'), `${imports.join('\n')}\nexport default [\n  ${parts.join(',\n  ')},\n];\n`);
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  return dir;
}
