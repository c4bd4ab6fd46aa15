/**
 * Deprecation, at the two levels ESLint users meet it:
 * - a rule: `meta.deprecated` (`true`, or ESLint's `DeprecatedInfo`: message, `replacedBy`, …; the
 *   older `meta.replacedBy` names replacements too); no config turns a deprecated rule on
 *   (src/configs.ts), and the docs list it apart and put a notice on its page (scripts/lib/rule-docs.ts);
 * - an option: kept in the schema so existing configs still validate, marked with JSON Schema's
 *   `deprecated` keyword (ESLint's validator ignores keywords it does not know), described as
 *   deprecated, and given no default (the rule maps it onto its replacement).
 */
import type { JSONSchema } from '@typescript-eslint/utils';

/** What a rule's meta says about its deprecation (ESLint's and typescript-eslint's shape). */
export interface DeprecatableMeta {
  deprecated?: boolean | { message?: string; replacedBy?: readonly { plugin?: { name?: string }; rule?: { name?: string } }[] };
  /** The pre-9.21 form of `deprecated.replacedBy`: rule names. */
  replacedBy?: readonly string[];
}

/** A rule that replaces a deprecated one: `plugin` is absent for a rule of this plugin. */
export interface Replacement {
  plugin?: string;
  rule: string;
}

/** Whether the rule is deprecated: `meta.deprecated` is set, as ESLint decides (`usedDeprecatedRules`). */
export function isDeprecatedRule(meta: DeprecatableMeta): boolean {
  return Boolean(meta.deprecated);
}

/**
 * The rules that replace a deprecated rule, read as ESLint reads them: `deprecated.replacedBy` when
 * `deprecated` is an object, else the older `meta.replacedBy`.
 */
export function replacementsOf(meta: DeprecatableMeta): Replacement[] {
  if (typeof meta.deprecated !== 'object') return (meta.replacedBy ?? []).map((rule) => ({ rule }));
  return (meta.deprecated.replacedBy ?? []).flatMap(({ plugin, rule }) =>
    rule?.name ? [{ ...(plugin?.name ? { plugin: plugin.name } : {}), rule: rule.name }] : [],
  );
}

/** A schema property that is `deprecated` (JSON Schema 2019-09); read by the docs generator. */
export type DeprecatedSchema = JSONSchema.JSONSchema4 & { deprecated: true; description: `Deprecated: ${string}` };

/**
 * Marks an option's schema as deprecated. The description must start with `Deprecated:` and say
 * what to use instead; the option must have no default in `meta.defaultOptions`.
 */
export function deprecatedOption(schema: JSONSchema.JSONSchema4 & { description: `Deprecated: ${string}` }): JSONSchema.JSONSchema4 {
  const deprecated: DeprecatedSchema = { ...schema, deprecated: true };
  return deprecated;
}

/** Whether an option's schema is marked deprecated. */
export function isDeprecatedOption(schema: unknown): boolean {
  return typeof schema === 'object' && schema !== null && (schema as { deprecated?: unknown }).deprecated === true;
}
