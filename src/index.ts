import type { ESLint, Linter, Rule } from 'eslint';

import type { ConfigName } from './configs.js';
import { computeConfigRules } from './configs.js';
import { rules } from './rules/index.js';
// Shares the print-once table with ESLint's `--concurrency` workers; must load in the main thread.
import './util/once.js';
import { packageInfo } from './util/package-info.js';

const plugin = {
  configs: {} as Record<ConfigName, Linter.Config>,
  meta: { name: packageInfo.name, namespace: 'alloc', version: packageInfo.version },
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
export { profileConfig } from './profile-config.js';
export type { ProfileSettings, ProfileStamp } from './profile-config.js';
