import type { ESLint, Linter, Rule } from 'eslint';

import type { ConfigName } from './configs.js';
import { CONFIG_NAMES, computeConfigRules } from './configs.js';
import { rules } from './rules/index.js';
// Shares the print-once table with ESLint's `--concurrency` workers; must load in the main thread.
import './util/once.js';
import { packageInfo } from './util/package-info.js';

/** The name of each rule, without the `alloc/` prefix: `'prefer-presized-array'`. */
export type RuleName = keyof typeof rules;

/**
 * Each rule's options, as written after the severity in a config:
 * `['error', ...options]` with `options: RuleOptions['prefer-presized-array']`.
 */
export type RuleOptions = {
  [Name in RuleName]: (typeof rules)[Name]['meta'] extends { defaultOptions?: infer Options extends unknown[] } ? Options : never;
};

/** A flat config's `rules` for this plugin: rule ids and their options are type-checked. */
export type RulesConfig = {
  [Name in RuleName as `alloc/${Name}`]?: Linter.RuleEntry<RuleOptions[Name]>;
};

export type { ConfigName };

const plugin = {
  configs: {} as Record<ConfigName, Linter.Config>,
  meta: { name: packageInfo.name, namespace: 'alloc', version: packageInfo.version },
  // The one boundary cast: typescript-eslint's rule type is structurally ESLint's, with stricter generics.
  rules: rules as unknown as Record<RuleName, Rule.RuleModule>,
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
export { profileConfig } from './profile-config.js';
export type { ProfileSettings, ProfileStamp } from './profile-config.js';
