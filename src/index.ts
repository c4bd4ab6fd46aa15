import type { ESLint, Linter, Rule } from 'eslint';
import { readFileSync } from 'node:fs';

import type { ConfigName } from './configs.js';
import { computeConfigRules } from './configs.js';
import { rules } from './rules/index.js';

// Read rather than imported, so package.json stays out of the TypeScript program and `dist/`.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

const plugin = {
  configs: {} as Record<ConfigName, Linter.Config>,
  meta: { name: pkg.name, namespace: 'alloc', version: pkg.version },
  // The one boundary cast: typescript-eslint's rule type is structurally ESLint's, with stricter generics.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
} satisfies ESLint.Plugin;

for (const name of ['recommended', 'recommended-type-checked', 'strict', 'all'] as const) {
  plugin.configs[name] = {
    name: `alloc/${name}`,
    plugins: { alloc: plugin },
    rules: computeConfigRules(rules, name),
  };
}

export default plugin;
export { rules };
