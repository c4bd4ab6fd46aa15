import type { ESLint, Linter, Rule } from 'eslint';

import type { ConfigName } from './configs.js';
import { CONFIG_NAMES, computeConfigRules } from './configs.js';
import { rules } from './rules/index.js';
import { packageInfo } from './util/package-info.js';

const plugin = {
  configs: {} as Record<ConfigName, Linter.Config>,
  meta: { name: packageInfo.name, namespace: 'alloc', version: packageInfo.version },
  // The one boundary cast: typescript-eslint's rule type is structurally ESLint's, with stricter generics.
  rules: rules as unknown as Record<string, Rule.RuleModule>,
} satisfies ESLint.Plugin;

for (const name of CONFIG_NAMES) {
  plugin.configs[name] = {
    name: `alloc/${name}`,
    plugins: { alloc: plugin },
    rules: computeConfigRules(rules, name),
  };
}

export default plugin;
export { rules };
