import type { Linter } from 'eslint';

import type { AllocRuleDocs } from './kit/create-rule.js';

export type ConfigName = 'all' | 'recommended' | 'recommended-type-checked' | 'strict';

interface RuleMeta {
  meta: { docs?: AllocRuleDocs; defaultOptions?: readonly unknown[] };
}

const NAMESPACE = 'alloc';

/**
 * The rule settings of each config, computed from rule metadata:
 * - `recommended`: `docs.recommended: 'recommended'` rules that need no type information;
 * - `recommended-type-checked`: every `'recommended'` rule;
 * - `strict`: adds `'strict'` rules, and turns on each rule's `docs.strictOptions`;
 * - `all`: every rule, with its strict options and its `docs.allOptions` (reports that are often noise).
 */
export function computeConfigRules(
  rules: Record<string, RuleMeta>,
  name: ConfigName,
): Linter.RulesRecord {
  const settings: Linter.RulesRecord = {};
  for (const ruleName of Object.keys(rules)) {
    const rule = rules[ruleName]!;
    const docs = rule.meta.docs!;
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
