/**
 * Renders the parts of README.md and docs/rules/*.md that come from rule metadata: the rules table
 * (deprecated rules in a table of their own), each page's header (title, description, a deprecation
 * notice, configs, fixable/suggestions/type information) and its options list (deprecated options
 * marked). Nothing in those parts is kept by hand. Every function takes the rules it documents
 * (default: the plugin's), so a test can render a fixture. The hand-written rest of a page must
 * follow RULE_PAGE_SECTIONS (checked on every render).
 */

import type { ConfigName } from '../../src/configs.js';
import { computeConfigRules } from '../../src/configs.js';
import { rules } from '../../src/rules/index.js';
import type { AllocRuleDocs } from '../../src/kit/create-rule.js';
import type { DeprecatableMeta, Replacement } from '../../src/kit/deprecation.js';
import { isDeprecatedOption, isDeprecatedRule, replacementsOf } from '../../src/kit/deprecation.js';

/** A rule as the generator reads it: the real rules, or a test's fixture. */
export interface DocumentedRule {
  meta: DeprecatableMeta & {
    defaultOptions?: readonly unknown[];
    docs?: AllocRuleDocs;
    fixable?: string;
    hasSuggestions?: boolean;
    schema: unknown;
  };
}

/** Rules by name, as in src/rules/index.ts. */
export type RuleMap = Readonly<Record<string, DocumentedRule>>;

/** The shape every alloc rule's schema has: one options object. */
export interface OptionsSchema {
  properties?: Record<string, { deprecated?: boolean; description?: string; type?: string }>;
}

/** The configs that turn rules on (`disable-type-checked` only turns them off, and has no column). */
type EnablingConfig = Exclude<ConfigName, 'disable-type-checked'>;

export const CONFIG_EMOJI: Record<Exclude<EnablingConfig, 'all'>, string> = {
  recommended: '🟢',
  'recommended-type-checked': '✅',
  strict: '🔒',
};

export function configsOf(name: string, ruleMap: RuleMap = rules): EnablingConfig[] {
  return (['recommended', 'recommended-type-checked', 'strict', 'all'] as const).filter(
    (config) => `alloc/${name}` in computeConfigRules(ruleMap, config),
  );
}

function docsOf(rule: DocumentedRule): AllocRuleDocs {
  return rule.meta.docs!;
}

const byName = (ruleMap: RuleMap) => Object.entries(ruleMap).sort(([a], [b]) => a.localeCompare(b));

/**
 * A replacement as Markdown: a link to its page for a rule of this plugin (`base` is the path to
 * docs/rules/ from the page being written), else the rule id.
 */
function replacementLink({ plugin, rule }: Replacement, ruleMap: RuleMap, base: string): string {
  const own = plugin === undefined && rule in ruleMap;
  if (own) return `[\`alloc/${rule}\`](${base}${rule}.md)`;
  return `\`${plugin === undefined ? `alloc/${rule}` : `${plugin}/${rule}`}\``;
}

function replacementsText(rule: DocumentedRule, ruleMap: RuleMap, base: string): string {
  const links = replacementsOf(rule.meta).map((replacement) => replacementLink(replacement, ruleMap, base));
  return links.length === 0 ? 'none' : links.join(', ');
}

/** The message of a `DeprecatedInfo`, if it has one. */
function deprecationMessage(rule: DocumentedRule): string | undefined {
  return typeof rule.meta.deprecated === 'object' ? rule.meta.deprecated.message : undefined;
}

export function renderRulesTable(ruleMap: RuleMap = rules): string {
  const lines = [
    `${CONFIG_EMOJI.recommended} \`recommended\` · ${CONFIG_EMOJI['recommended-type-checked']} \`recommended-type-checked\` · ${CONFIG_EMOJI.strict} \`strict\` (also turns on informational options) · 🔧 autofix · 💡 suggestions · 💭 needs type information`,
    '',
    '| Rule | Description | Configs | 🔧 | 💡 | 💭 |',
    '| --- | --- | --- | :-: | :-: | :-: |',
  ];
  const deprecated: [string, DocumentedRule][] = [];
  for (const [name, rule] of byName(ruleMap)) {
    if (isDeprecatedRule(rule.meta)) {
      deprecated.push([name, rule]);
      continue;
    }
    const configs = configsOf(name, ruleMap)
      .filter((config): config is Exclude<EnablingConfig, 'all'> => config !== 'all')
      .map((config) => CONFIG_EMOJI[config])
      .join(' ');
    lines.push(
      `| [${name}](docs/rules/${name}.md) | ${docsOf(rule).description} | ${configs} | ${rule.meta.fixable ? '🔧' : ''} | ${rule.meta.hasSuggestions ? '💡' : ''} | ${docsOf(rule).requiresTypeChecking ? '💭' : ''} |`,
    );
  }
  if (deprecated.length > 0) {
    lines.push(
      '',
      '### Deprecated rules',
      '',
      'No config turns these on. A config that names one still works; ESLint lists it in the results\' `usedDeprecatedRules`.',
      '',
      '| Rule | Description | Replaced by |',
      '| --- | --- | --- |',
    );
    for (const [name, rule] of deprecated) {
      lines.push(`| [${name}](docs/rules/${name}.md) | ${docsOf(rule).description} | ${replacementsText(rule, ruleMap, 'docs/rules/')} |`);
    }
  }
  return lines.join('\n');
}

export function renderRuleHeader(name: string, ruleMap: RuleMap = rules): string {
  const rule = ruleMap[name]!;
  const docs = docsOf(rule);
  const configs = configsOf(name, ruleMap).filter((config) => config !== 'all');
  const lines = [`# alloc/${name}`, '', `> ${docs.description}.`, ''];
  if (isDeprecatedRule(rule.meta)) {
    const message = deprecationMessage(rule);
    const replacements = replacementsOf(rule.meta);
    const replaced = replacements.length > 0 ? ` It was replaced by ${replacementsText(rule, ruleMap, '')}.` : '';
    lines.push(`❌ This rule is deprecated and no config turns it on.${replaced}${message ? ` ${message}` : ''}`, '');
  }
  if (configs.length > 0) {
    const names = configs.map((config) => `${CONFIG_EMOJI[config as Exclude<EnablingConfig, 'all'>]} \`${config}\``);
    const sets = (options: Record<string, unknown>) => Object.entries(options).map(([k, v]) => `\`${k}: ${JSON.stringify(v)}\``).join(', ');
    const extras = [
      docs.strictOptions ? `${CONFIG_EMOJI.strict} \`strict\` also sets ${sets(docs.strictOptions)}` : null,
      docs.allOptions ? `\`all\` also sets ${sets(docs.allOptions)}` : null,
    ].filter((extra) => extra !== null);
    lines.push(`💼 Enabled in ${names.join(', ')}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}.`, '');
  }
  if (rule.meta.fixable) lines.push('🔧 Some problems are fixed by `eslint --fix`.', '');
  if (rule.meta.hasSuggestions) lines.push('💡 Some problems offer editor suggestions.', '');
  if (docs.requiresTypeChecking) lines.push('💭 Needs [type information](https://typescript-eslint.io/getting-started/typed-linting).', '');
  lines.push('<!-- end auto-generated rule header -->');
  return lines.join('\n');
}

/**
 * The options table. A deprecated option (schema `deprecated: true`) comes last, is marked so in the
 * name column, and has no default: the rule maps it onto the option that replaced it.
 */
export function renderOptionsList(name: string, ruleMap: RuleMap = rules): string {
  const rule = ruleMap[name]!;
  const schema = (rule.meta.schema as OptionsSchema[])[0];
  const defaults = (rule.meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
  const strict = docsOf(rule).strictOptions ?? {};
  const all = { ...strict, ...docsOf(rule).allOptions };
  const properties = Object.entries(schema?.properties ?? {});
  if (properties.length === 0) return 'This rule has no options.';
  const lines = ['| Name | Description | Type | Default | `strict` | `all` |', '| --- | --- | --- | --- | --- | --- |'];
  const cell = (options: Record<string, unknown>, key: string) => (key in options ? `\`${JSON.stringify(options[key])}\`` : '');
  const ordered = [...properties.filter(([, p]) => !isDeprecatedOption(p)), ...properties.filter(([, p]) => isDeprecatedOption(p))];
  for (const [key, property] of ordered) {
    const label = isDeprecatedOption(property) ? `\`${key}\` (deprecated)` : `\`${key}\``;
    const fallback = key in defaults ? `\`${JSON.stringify(defaults[key])}\`` : '';
    lines.push(
      `| ${label} | ${property.description ?? ''} | ${String(property.type)} | ${fallback} | ${cell(strict, key)} | ${cell(all, key)} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The sections of every rule page, in this order, after a short introduction: examples first, as
 * typescript-eslint and unicorn pages do, then what is flagged in detail, why (the measured
 * figures), the options, what the fixes keep, and when not to use the rule. Other sections
 * (`Limitations`, …) may follow.
 */
export const RULE_PAGE_SECTIONS = ['Examples', 'What it flags', 'Why', 'Options', 'Fix safety', 'When not to use it'] as const;

/** The most characters the introduction (between the header and `## Examples`) may have. */
export const INTRO_LIMIT = 400;

const HEADER_END = '<!-- end auto-generated rule header -->';
const MEASURED = /<!-- (?:figure|bench-table) /u;

/** What is wrong with the order and shape of a rule page's hand-written part; empty when nothing is. */
export function rulePageProblems(text: string): string[] {
  const body = text.slice(text.indexOf(HEADER_END) + HEADER_END.length);
  const problems: string[] = [];
  const firstSection = body.search(/^## /mu);
  const intro = (firstSection < 0 ? body : body.slice(0, firstSection)).trim();
  if (intro === '') problems.push('no introduction before the first section');
  else if (intro.includes('\n\n') || /^(?:```|\||#|<!--)/mu.test(intro)) problems.push('the introduction is more than one paragraph of prose');
  else if (intro.length > INTRO_LIMIT) problems.push(`the introduction has ${intro.length} characters (at most ${INTRO_LIMIT})`);
  const headings = [...body.matchAll(/^## (.+)$/gmu)].map((match) => match[1]!);
  if (RULE_PAGE_SECTIONS.some((section, index) => headings[index] !== section)) {
    problems.push(`sections are ${headings.map((h) => `"${h}"`).join(', ')}; they must start with ${RULE_PAGE_SECTIONS.map((h) => `"${h}"`).join(', ')}`);
  }
  const why = body.search(/^## Why$/mu);
  if (MEASURED.test(why < 0 ? body : body.slice(0, why))) problems.push('a measured figure or benchmark table comes before "Why"');
  return problems;
}

const BLOCK = (begin: string, end: string) => new RegExp(`(${begin})[\\s\\S]*?(${end})`, 'u');

export function replaceBetween(text: string, begin: string, end: string, content: string, file: string): string {
  const pattern = BLOCK(begin, end);
  if (!pattern.test(text)) throw new Error(`${file}: missing ${begin} … ${end}`);
  return text.replace(pattern, (_, open: string, close: string) => `${open}\n${content}\n${close}`);
}

/** README.md with its rules table regenerated. */
export function renderReadme(text: string, ruleMap: RuleMap = rules): string {
  return replaceBetween(
    text,
    '<!-- begin auto-generated rules list -->',
    '<!-- end auto-generated rules list -->',
    renderRulesTable(ruleMap),
    'README.md',
  );
}

/** A rule page with its header and options list regenerated. */
export function renderRulePage(name: string, text: string, ruleMap: RuleMap = rules): string {
  const file = `docs/rules/${name}.md`;
  const marker = '<!-- end auto-generated rule header -->';
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${file}: missing ${marker}`);
  const withHeader = renderRuleHeader(name, ruleMap) + text.slice(at + marker.length);
  const problems = rulePageProblems(withHeader);
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return replaceBetween(
    withHeader,
    '<!-- begin auto-generated rule options list -->',
    '<!-- end auto-generated rule options list -->',
    renderOptionsList(name, ruleMap),
    file,
  );
}

export const ruleNames = Object.keys(rules).sort();
