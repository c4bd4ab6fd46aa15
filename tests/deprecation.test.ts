/**
 * Deprecation, end to end: rule-level (`meta.deprecated` / `meta.replacedBy`, on fixture rules since
 * no real rule is deprecated) in the configs, the README rules table, the rule page header and
 * ESLint's own `usedDeprecatedRules`; option-level (`prefer-presized-array`'s `simple`, renamed
 * `reportEarlyExits`) in the schema, the options table and the rule's behaviour.
 */
import { ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { renderOptionsList, renderRuleHeader, renderRulePage, renderRulesTable, type OptionsSchema } from '../scripts/lib/rule-docs.js';
import type { ConfigName } from '../src/configs.js';
import { computeConfigRules } from '../src/configs.js';
import { isDeprecatedOption, isDeprecatedRule, replacementsOf } from '../src/kit/deprecation.js';
import { rules } from '../src/rules/index.js';
import { legacyDeprecatedRule, renamedRule, rulesWithDeprecated } from './helpers/deprecated-rules.js';

const CONFIGS: ConfigName[] = ['recommended', 'recommended-type-checked', 'strict', 'all'];

describe('rule-level deprecation', () => {
  it('reads both forms of rule metadata as ESLint does', () => {
    expect(isDeprecatedRule(renamedRule.meta)).toBe(true);
    expect(isDeprecatedRule(legacyDeprecatedRule.meta)).toBe(true);
    expect(Object.values(rules).filter((rule) => isDeprecatedRule(rule.meta))).toEqual([]);
    expect(replacementsOf(renamedRule.meta)).toEqual([{ rule: 'prefer-presized-array' }]);
    expect(replacementsOf(legacyDeprecatedRule.meta)).toEqual([{ rule: 'no-string-concat-in-loop' }]);
    expect(replacementsOf({ deprecated: { replacedBy: [{ plugin: { name: 'eslint-plugin-unicorn' }, rule: { name: 'no-array-push-push' } }] } })).toEqual([
      { plugin: 'eslint-plugin-unicorn', rule: 'no-array-push-push' },
    ]);
    // `replacedBy` alone does not deprecate a rule: ESLint looks at `deprecated`.
    expect(isDeprecatedRule({ replacedBy: ['x'] })).toBe(false);
  });

  it('leaves deprecated rules out of every config, even those their docs.recommended names', () => {
    for (const config of CONFIGS) {
      const settings = computeConfigRules(rulesWithDeprecated, config);
      expect(Object.keys(settings), config).not.toContain('alloc/presized-array');
      expect(Object.keys(settings), config).not.toContain('alloc/no-concat-in-loop');
      // The rest is unchanged by their presence.
      expect(settings, config).toEqual(computeConfigRules(rules, config));
    }
  });

  it('lists deprecated rules apart in the README rules table, with their replacements linked', () => {
    const table = renderRulesTable(rulesWithDeprecated);
    const [active, deprecated] = table.split('\n### Deprecated rules\n');
    expect(active).toBe(`${renderRulesTable(rules)}\n`);
    expect(deprecated).toBe(
      [
        '',
        "No config turns these on. A config that names one still works; ESLint lists it in the results' `usedDeprecatedRules`.",
        '',
        '| Rule | Description | Replaced by |',
        '| --- | --- | --- |',
        '| [no-concat-in-loop](docs/rules/no-concat-in-loop.md) | Disallow string concatenation in loops | [`alloc/no-string-concat-in-loop`](docs/rules/no-string-concat-in-loop.md) |',
        '| [presized-array](docs/rules/presized-array.md) | Prefer allocating an array once at its final size | [`alloc/prefer-presized-array`](docs/rules/prefer-presized-array.md) |',
      ].join('\n'),
    );
    expect(renderRulesTable(rules)).not.toContain('Deprecated');
  });

  it('puts a deprecation notice on the rule page, and no config line', () => {
    expect(renderRuleHeader('presized-array', rulesWithDeprecated)).toBe(
      [
        '# alloc/presized-array',
        '',
        '> Prefer allocating an array once at its final size.',
        '',
        '❌ This rule is deprecated and no config turns it on. It was replaced by [`alloc/prefer-presized-array`](prefer-presized-array.md). Renamed to `alloc/prefer-presized-array`.',
        '',
        '<!-- end auto-generated rule header -->',
      ].join('\n'),
    );
    const page = renderRulePage(
      'no-concat-in-loop',
      'old header\n<!-- end auto-generated rule header -->\n\nReports string concatenation in loops.\n\n## Examples\n\n## What it flags\n\n## Why\n\n## Options\n\n<!-- begin auto-generated rule options list -->\n<!-- end auto-generated rule options list -->\n\n## Fix safety\n\n## When not to use it\n',
      rulesWithDeprecated,
    );
    expect(page).toBe(
      [
        '# alloc/no-concat-in-loop',
        '',
        '> Disallow string concatenation in loops.',
        '',
        '❌ This rule is deprecated and no config turns it on. It was replaced by [`alloc/no-string-concat-in-loop`](no-string-concat-in-loop.md).',
        '',
        '<!-- end auto-generated rule header -->',
        '',
        'Reports string concatenation in loops.',
        '',
        '## Examples',
        '',
        '## What it flags',
        '',
        '## Why',
        '',
        '## Options',
        '',
        '<!-- begin auto-generated rule options list -->',
        'This rule has no options.',
        '<!-- end auto-generated rule options list -->',
        '',
        '## Fix safety',
        '',
        '## When not to use it',
        '',
      ].join('\n'),
    );
  });

  it('is what ESLint reports in usedDeprecatedRules when a config turns such a rule on', async () => {
    const eslint = new ESLint({
      overrideConfig: [
        {
          plugins: { alloc: { rules: rulesWithDeprecated as unknown as Record<string, import('eslint').Rule.RuleModule> } },
          rules: { 'alloc/no-concat-in-loop': 'error', 'alloc/no-json-stringify-in-hot-path': 'error', 'alloc/presized-array': 'error' },
        },
      ],
      overrideConfigFile: true,
    });
    const [result] = await eslint.lintText('export const x = 1;\n', { filePath: 'x.js' });
    expect(result!.messages).toEqual([]);
    expect(result!.usedDeprecatedRules).toEqual([
      { info: undefined, replacedBy: ['no-string-concat-in-loop'], ruleId: 'alloc/no-concat-in-loop' },
      { info: renamedRule.meta.deprecated, replacedBy: ['prefer-presized-array'], ruleId: 'alloc/presized-array' },
    ]);
  });
});

describe('option-level deprecation: prefer-presized-array `simple` → `reportEarlyExits`', () => {
  const rule = rules['prefer-presized-array'];
  const properties = (rule.meta.schema as unknown as OptionsSchema[])[0]!.properties!;

  it('keeps `simple` in the schema, marked deprecated, with no default', () => {
    expect(properties.simple).toEqual({
      deprecated: true,
      description: 'Deprecated: use `reportEarlyExits`, with the opposite value (`simple: false` is `reportEarlyExits: true`).',
      type: 'boolean',
    });
    expect(isDeprecatedOption(properties.simple)).toBe(true);
    expect(isDeprecatedOption(properties.reportEarlyExits)).toBe(false);
    expect(rule.meta.defaultOptions?.[0]).not.toHaveProperty('simple');
    expect(rule.meta.defaultOptions?.[0]).toHaveProperty('reportEarlyExits', false);
  });

  it('marks it in the options table, last and without a default', () => {
    const rows = renderOptionsList('prefer-presized-array').split('\n');
    expect(rows.at(-1)).toBe(
      '| `simple` (deprecated) | Deprecated: use `reportEarlyExits`, with the opposite value (`simple: false` is `reportEarlyExits: true`). | boolean |  |  |  |',
    );
    expect(rows).toContain(
      '| `reportEarlyExits` | Also report loops that can end early (`break`, `continue`, `return`, `throw`), without a fix. | boolean | `false` |  | `true` |',
    );
  });

  it('is still accepted by ESLint\'s option validation (its behaviour: tests/rules/prefer-presized-array.test.ts)', () => {
    const code = 'export function f(src) {\n  const out = [];\n  for (const x of src) { if (x < 0) break; out.push(x); }\n  return out;\n}\n';
    const lint = (options: object) =>
      new Linter({ configType: 'flat' })
        .verify(code, [{ plugins: { alloc: { rules: { 'prefer-presized-array': rule as unknown as import('eslint').Rule.RuleModule } } }, rules: { 'alloc/prefer-presized-array': ['error', options] } }], { filename: 'f.js' })
        .map((message) => message.messageId ?? message.message);
    // Untyped here: the rule says so once, which shows the options passed validation.
    expect(lint({ simple: false })).toEqual(['requiresTypeScriptParser']);
    expect(() => lint({ simple: 'no' })).toThrow(/Value "no" should be boolean/u);
  });
});
