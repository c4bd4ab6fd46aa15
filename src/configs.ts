import type { Linter } from 'eslint';

import type { AllocRuleDocs } from './kit/create-rule.js';
import type { DeprecatableMeta } from './kit/deprecation.js';
import { isDeprecatedRule } from './kit/deprecation.js';

export type ConfigName = 'all' | 'disable-type-checked' | 'recommended' | 'recommended-type-checked' | 'strict';

/** Every config the plugin ships, in the order the README lists them. */
export const CONFIG_NAMES: readonly ConfigName[] = ['recommended-type-checked', 'recommended', 'strict', 'all', 'disable-type-checked'];

interface RuleMeta {
  meta: DeprecatableMeta & { docs?: AllocRuleDocs; defaultOptions?: readonly unknown[] };
}

const NAMESPACE = 'alloc';

/**
 * The rule settings of each config, computed from rule metadata:
 * - `recommended`: `docs.recommended: 'recommended'` rules that need no type information;
 * - `recommended-type-checked`: every `'recommended'` rule;
 * - `strict`: adds `'strict'` rules, and turns on each rule's `docs.strictOptions`;
 * - `all`: every rule, with its strict options and its `docs.allOptions` (reports that are often noise);
 * - `disable-type-checked`: every `docs.requiresTypeChecking` rule turned off, for files linted without
 *   type information (typescript-eslint's `disableTypeChecked` does the same for its own rules).
 * No config turns on a deprecated rule (`meta.deprecated`, `meta.replacedBy`): it stays in `rules` so
 * configs that name it still load, and its replacement is in the configs instead (`disable-type-checked`
 * turns deprecated type-aware rules off too).
 */
export function computeConfigRules(
  rules: Record<string, RuleMeta>,
  name: ConfigName,
): Linter.RulesRecord {
  const settings: Linter.RulesRecord = {};
  for (const ruleName of Object.keys(rules)) {
    const rule = rules[ruleName]!;
    const docs = rule.meta.docs!;
    if (name === 'disable-type-checked') {
      if (docs.requiresTypeChecking) settings[`${NAMESPACE}/${ruleName}`] = 'off';
      continue;
    }
    if (isDeprecatedRule(rule.meta)) continue;
    const included =
      name === 'all' ||
      (name === 'strict' && (docs.recommended === 'recommended' || docs.recommended === 'strict')) ||
      (name === 'recommended-type-checked' && docs.recommended === 'recommended') ||
      (name === 'recommended' && docs.recommended === 'recommended' && !docs.requiresTypeChecking);
    if (!included) continue;
    const id = `${NAMESPACE}/${ruleName}`;
    const options =
      name === 'all' && (docs.strictOptions || docs.allOptions)
        ? { ...docs.strictOptions, ...docs.allOptions }
        : name === 'strict'
          ? docs.strictOptions
          : undefined;
    settings[id] = options ? ['error', { ...(rule.meta.defaultOptions?.[0] as object | undefined), ...options }] : 'error';
  }
  return settings;
}
