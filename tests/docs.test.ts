import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { renderAllDocs } from '../scripts/lib/all-docs.js';
import { markdownFiles } from '../scripts/lib/bench-docs.js';
import { lintResultsPath, renderLintCostTable } from '../scripts/lib/lint-docs.js';
import type { OptionsSchema } from '../scripts/lib/rule-docs.js';
import { INTRO_LIMIT, renderRulePage, RULE_PAGE_SECTIONS, rulePageProblems } from '../scripts/lib/rule-docs.js';
import plugin, { rules } from '../src/index.js';
import { readProfileNote } from '../src/profile/figure.js';
import { fixturesDir } from './rule-tester.js';

const root = path.resolve(import.meta.dirname, '..');
/** `// ❌ …` or `// ✅ … with { "option": value }` on an example's first line. */
const EXAMPLE_MARKER = /^\/\/ (❌|✅)(?:.*? with (\{.*\}))?/u;
// String#replace and #match reset `lastIndex` of a `g` regex, so these can be shared.
const CODE_BLOCK = /```[\s\S]*?```/gu;
const FIGURE_MARKER = /<!-- figure [\s\S]*?<!-- \/figure -->/gu;
const TABLE_MARKER = /<!-- bench-table [\s\S]*?<!-- \/bench-table -->/gu;
const RATIO = /\d[\d.,–-]*\s?×/gu;

/** The most characters of fixed text (placeholders excluded) a message may have. */
const MESSAGE_LIMIT = 120;
/** Set-up advice rather than a finding, with a link: not held to the limit. */
const SETUP_MESSAGES = new Set(['requiresTypeInformation', 'requiresTypeScriptParser']);
const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/gu;
/** A measured quantity (`291 ns`, `1.07 KiB`, `0.49–0.5×`, `3.2%`) or the engine it was measured on (`Node 20.20.2`, `Node {{node}}`). */
const FIGURE = /\d[\d,.]*(?:[–-]\d[\d,.]*)?\s?(?:×|%|ns|µs|ms|s|B|KiB|MiB|GiB)(?!\w)|Node (?:v?\d|\{\{)/gu;
/** What a message must say of a figure that is not the user's own. */
const BENCHMARK_LABEL = "on the rule's benchmark";

/**
 * The figures in `message` that are not labelled: a figure is the user's own only in the profile note
 * a message ends with (`Profile: `f` allocates 3.00 MiB (75.0%) in alloc.heapprofile.`); any other
 * must stand in a clause that says it was measured on the rule's benchmark.
 */
export function unlabelledFigures(message: string): string[] {
  const text = readProfileNote(message)?.text ?? message;
  return text.split(/(?<=[.;:)])\s/u).flatMap((clause) => (clause.includes(BENCHMARK_LABEL) ? [] : (clause.match(FIGURE) ?? [])));
}

interface Example {
  code: string;
  kind: '❌' | '✅';
  options: unknown[];
  line: number;
}

/** The ```ts blocks of a page that start with a `// ❌` or `// ✅` comment (optionally `with {…}`). */
function examplesOf(text: string): { examples: Example[]; unmarked: number[] } {
  const examples: Example[] = [];
  const unmarked: number[] = [];
  for (const match of text.matchAll(/```ts\n([\s\S]*?)```/gu)) {
    const code = match[1]!;
    const line = text.slice(0, match.index).split('\n').length;
    const marker = EXAMPLE_MARKER.exec(code);
    if (!marker) {
      unmarked.push(line);
      continue;
    }
    examples.push({ code, kind: marker[1] as Example['kind'], line, options: marker[2] ? [JSON.parse(marker[2])] : [] });
  }
  return { examples, unmarked };
}

function lint(ruleName: string, code: string, options: unknown[]): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } },
        plugins: { alloc: plugin },
        rules: { [`alloc/${ruleName}`]: ['error', ...options] },
      },
    ],
    { filename: path.join(fixturesDir, 'file.ts') },
  );
}

const linted = new Map<string, Linter.LintMessage[]>();
/** `lint`, once per rule, code and options. */
function lintOnce(ruleName: string, code: string, options: unknown[]): Linter.LintMessage[] {
  const key = JSON.stringify([ruleName, code, options]);
  let messages = linted.get(key);
  if (!messages) {
    messages = lint(ruleName, code, options);
    linted.set(key, messages);
  }
  return messages;
}

describe.each(Object.keys(rules))('docs/rules/%s.md', (name) => {
  const text = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');

  it('leads with a short introduction and the examples, then what it flags, why, options, fix safety and when not to use it', () => {
    const headings = [...text.matchAll(/^## (.+)$/gmu)].map((m) => m[1]!);
    expect(headings.slice(0, RULE_PAGE_SECTIONS.length)).toEqual([...RULE_PAGE_SECTIONS]);
    expect(rulePageProblems(text)).toEqual([]);
  });

  it('has a heading for every option', () => {
    const schema = rules[name as keyof typeof rules].meta.schema as unknown as OptionsSchema[];
    for (const key of Object.keys(schema[0]?.properties ?? {})) {
      expect(text).toContain(`### \`${key}\``);
    }
  });

  const { examples, unmarked } = examplesOf(text);

  it('marks every TypeScript example as ❌ or ✅, and has both', () => {
    expect(unmarked, 'unmarked ```ts blocks at these lines').toEqual([]);
    expect(examples.some((e) => e.kind === '❌')).toBe(true);
    expect(examples.some((e) => e.kind === '✅')).toBe(true);
  });

  it.each(examples.map((example) => [`${example.kind} at line ${example.line}`, example] as const))(
    'example %s is %s',
    (_, example) => {
      const messages = lintOnce(name, example.code, example.options);
      expect(messages.filter((m) => m.fatal || m.ruleId !== `alloc/${name}`)).toEqual([]);
      if (example.kind === '❌') expect(messages.length).toBeGreaterThan(0);
      else expect(messages).toEqual([]);
    },
  );
});

describe.each(Object.keys(rules))('%s messages', (name) => {
  const rule = rules[name as keyof typeof rules];
  const templates = Object.entries(rule.meta.messages as Record<string, string>);
  const findings = templates.map(([id]) => id).filter((id) => !id.startsWith('suggest') && !SETUP_MESSAGES.has(id));
  const page = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
  /** Every message and suggestion the page's examples produce, as ESLint renders them. */
  const rendered = () =>
    examplesOf(page).examples.flatMap((example) => lintOnce(name, example.code, example.options));

  it.each(templates.filter(([id]) => !SETUP_MESSAGES.has(id)))(`%s: at most ${MESSAGE_LIMIT} characters besides its data`, (_, template) => {
    expect(template.replace(PLACEHOLDER, '').length).toBeLessThanOrEqual(MESSAGE_LIMIT);
  });

  it('quote no figure as their own: any figure is labelled as the benchmark\'s', () => {
    for (const [id, template] of templates) expect(unlabelledFigures(template), id).toEqual([]);
    for (const message of rendered()) {
      expect(unlabelledFigures(message.message), message.message).toEqual([]);
      for (const suggestion of message.suggestions ?? []) expect(unlabelledFigures(suggestion.desc), suggestion.desc).toEqual([]);
    }
  });

  it('each finding message is shown by a ❌ example on the page', () => {
    const shown = new Set(rendered().map((message) => message.messageId));
    expect(findings.filter((id) => !shown.has(id))).toEqual([]);
  });
});

describe('the rule page structure check', () => {
  const header = '# alloc/x\n\n> Disallow x.\n\n<!-- end auto-generated rule header -->\n\n';
  const section = (title: string, text = 'Text.') => `## ${title}\n\n${text}\n\n`;
  const page = (intro: string, titles: readonly string[], why = 'Text.') =>
    header + intro + titles.map((title) => section(title, title === 'Why' ? why : 'Text.')).join('');
  const ordered = [...RULE_PAGE_SECTIONS, 'Limitations'];

  it('accepts an introduction, the sections in order, then others, and figures from Why on', () => {
    expect(rulePageProblems(page('Short intro.\n\n', ordered, '<!-- figure x.y -->1×<!-- /figure -->'))).toEqual([]);
  });

  it('rejects a page that leads with the benchmark, as the pages used to', () => {
    const old = ['What it flags', 'Why', 'Examples', 'Options', 'Fix safety', 'When not to use it'];
    expect(rulePageProblems(page('Short intro.\n\n', old))).toEqual([
      'sections are "What it flags", "Why", "Examples", "Options", "Fix safety", "When not to use it"; they must start with "Examples", "What it flags", "Why", "Options", "Fix safety", "When not to use it"',
    ]);
    const tableFirst = header + 'Intro.\n\n<!-- bench-table x/y -->\n<!-- /bench-table -->\n\n' + ordered.map((title) => section(title)).join('');
    expect(rulePageProblems(tableFirst)).toEqual(['the introduction is more than one paragraph of prose', 'a measured figure or benchmark table comes before "Why"']);
    // `npm run docs` and `docs:check` stop on such a page.
    expect(() => renderRulePage('no-regexp-in-loop', page('Short intro.\n\n', old))).toThrow('docs/rules/no-regexp-in-loop.md: sections are "What it flags"');
  });

  it('wants one short paragraph of introduction', () => {
    expect(rulePageProblems(page('', ordered))).toEqual(['no introduction before the first section']);
    expect(rulePageProblems(page('One.\n\nTwo.\n\n', ordered))).toEqual(['the introduction is more than one paragraph of prose']);
    expect(rulePageProblems(page(`${'x'.repeat(INTRO_LIMIT + 1)}\n\n`, ordered))).toEqual([`the introduction has ${INTRO_LIMIT + 1} characters (at most ${INTRO_LIMIT})`]);
  });
});

describe('the message figure check', () => {
  it('finds the benchmark figures an old message quoted as if they were the user\'s', () => {
    expect(
      unlabelledFigures(
        'This `JSON.stringify` of a constant runs in a `node:http` request handler and builds the same string every time (542 ns and 1,901 B per call, measured on Node 20.20.2): compute it once at module level.',
      ),
    ).toEqual(['542 ns', '1,901 B', 'Node 2']);
    expect(unlabelledFigures('a reused, cleared 4 KiB buffer took {{figure}} of the time, measured on Node {{node}}.')).toEqual(['4 KiB', 'Node {{']);
    expect(unlabelledFigures('hoisted, the loop took 0.15–0.22× of the time.')).toEqual(['0.15–0.22×']);
  });

  it("accepts a figure labelled as the rule's benchmark, the user's profile note, and numbers from the code", () => {
    expect(unlabelledFigures("compute it once (291 ns per call on the rule's benchmark).")).toEqual([]);
    expect(
      unlabelledFigures('`Buffer.alloc(64)` allocates a new 64-byte buffer in `f`: reuse one. Profile: `f` allocates 64.0 MiB (80.0%) in alloc.heapprofile.'),
    ).toEqual([]);
    expect(unlabelledFigures('`out` grows by one `push` per element, and the count (`16`) is known before the `for` loop at line 12.')).toEqual([]);
  });
});

describe('generated docs', () => {
  it('are up to date with rule metadata and bench/results.json (npm run docs)', async () => {
    for (const [file, expected] of await renderAllDocs()) {
      expect(readFileSync(file, 'utf8'), path.relative(root, file)).toBe(expected);
    }
  });

  it('quote no measured ratio outside a generated figure or table', () => {
    for (const file of markdownFiles()) {
      const prose = readFileSync(file, 'utf8')
        .replace(CODE_BLOCK, '')
        .replace(FIGURE_MARKER, '')
        .replace(TABLE_MARKER, '');
      expect(prose.match(RATIO), path.relative(root, file)).toBeNull();
    }
  });
});

describe('lint-cost table (README, from bench/lint-results.json)', () => {
  const measured = JSON.parse(readFileSync(lintResultsPath, 'utf8')) as Parameters<typeof renderLintCostTable>[0];
  const row = { alloc: 0.01, allocAuto: 0.01, baselineMs: 5000, lines: 12_000, loaded: 0, name: 'pkg' };
  const base = { ...measured, overhead: 0.01, perPackage: [row] };

  it('says within budget only when every package of 10,000 lines or more and the corpus are', () => {
    expect(renderLintCostTable(base)).toContain('Within budget in this run.');
    expect(renderLintCostTable({ ...base, perPackage: [{ ...row, alloc: 0.031 }] })).toContain('Over budget in this run: `pkg` (+3.1%).');
    // A small package's percentage is mostly start-up noise: it has no budget of its own.
    expect(renderLintCostTable({ ...base, perPackage: [{ ...row, alloc: 0.05, lines: 2000 }] })).toContain('Within budget in this run.');
    expect(renderLintCostTable({ ...base, overhead: 0.025 })).toContain('Over budget in this run: the corpus (+2.5%).');
  });

  it('prints a row per package and a corpus row with signed percentages', () => {
    const table = renderLintCostTable({ ...base, perPackage: [{ ...row, loaded: -0.004 }] });
    expect(table).toContain('| `pkg` | 12,000 | 5.00 s | −0.4% | +1.0% | +1.0% |');
    expect(table).toContain(`| **corpus** | ${measured.lines.toLocaleString('en-US')} |`);
  });
});
