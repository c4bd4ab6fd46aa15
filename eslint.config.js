// Lints this repository: the plugin with its own rules (from the built dist/, so run `npm run build`
// first) plus eslint-plugin-eslint-plugin for rule metadata and tests.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import alloc from './dist/index.js';

/** A config forbidding files matching `files` to import from the named `src/` folders. */
function layer(files, forbidden) {
  return [
    {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            patterns: forbidden.map((folder) => ({
              group: [`../${folder}/*`, `../${folder}`],
              message: `${files.split('/')[1]}/ sits below ${folder}/: move the helper down, or the caller up (see the README's "Look here before writing a helper").`,
            })),
          },
        ],
      },
    },
  ];
}

export default [
  { ignores: ['dist/', 'node_modules/', 'examples/', 'tests/fixtures/', 'coverage/'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/lib/lint-once.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  alloc.configs.strict,
  {
    files: ['src/rules/**/*.ts'],
    ...eslintPlugin.configs['rules-recommended'],
    rules: {
      ...eslintPlugin.configs['rules-recommended'].rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Enforce|Require|Prefer) .+[^. ]$' }],
    },
  },
  // Layers, lowest first: util → ast → profile → analysis → fixers → kit → rules (tests/architecture.test.ts
  // also checks the whole import graph for cycles). Each layer may import only from layers below it.
  ...layer('src/util/**', ['ast', 'profile', 'analysis', 'fixers', 'kit', 'rules']),
  ...layer('src/ast/**', ['util', 'profile', 'analysis', 'fixers', 'kit', 'rules']),
  ...layer('src/profile/**', ['ast', 'analysis', 'fixers', 'kit', 'rules']),
  ...layer('src/analysis/**', ['fixers', 'kit', 'rules']),
  ...layer('src/fixers/**', ['profile', 'analysis', 'kit', 'rules']),
  ...layer('src/kit/**', ['fixers', 'rules']),
  {
    // CommonJS on purpose: `node --require` preloads it into any process (alloc-profile record).
    files: ['src/profile/sampler.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    ...eslintPlugin.configs['tests-recommended'],
    rules: {
      ...eslintPlugin.configs['tests-recommended'].rules,
      'eslint-plugin/require-test-error-positions': 'error',
    },
  },
  {
    // Build scripts stringify per item by design; they serve no requests.
    files: ['scripts/**/*.ts'],
    rules: { 'alloc/no-json-stringify-in-hot-path': ['error', { checkDynamic: false }] },
  },
  {
    // The benchmark cases reproduce the anti-patterns on purpose.
    files: ['bench/**/*.bench.ts'],
    rules: Object.fromEntries(Object.keys(alloc.rules).map((name) => [`alloc/${name}`, 'off'])),
  },
];
