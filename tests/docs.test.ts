import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { renderAllDocs } from '../scripts/lib/all-docs.js';
import { markdownFiles } from '../scripts/lib/bench-docs.js';
import { lintResultsPath, renderLintCostTable } from '../scripts/lib/lint-docs.js';
import type { OptionsSchema } from '../scripts/lib/rule-docs.js';
import plugin, { rules } from '../src/index.js';
import { fixturesDir } from './rule-tester.js';

const root = path.resolve(import.meta.dirname, '..');
/** `// ❌ …` or `// ✅ … with { "option": value }` on an example's first line. */
const EXAMPLE_MARKER = /^\/\/ (❌|✅)(?:.*? with (\{.*\}))?/u;
// String#replace and #match reset `lastIndex` of a `g` regex, so these can be shared.
const CODE_BLOCK = /```[\s\S]*?```/gu;
const FIGURE_MARKER = /<!-- figure [\s\S]*?<!-- \/figure -->/gu;
const TABLE_MARKER = /<!-- bench-table [\s\S]*?<!-- \/bench-table -->/gu;
const RATIO = /\d[\d.,–-]*\s?×/gu;
const SECTIONS = ['What it flags', 'Why', 'Examples', 'Options', 'Fix safety', 'When not to use it'];

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

describe.each(Object.keys(rules))('docs/rules/%s.md', (name) => {
  const text = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');

  it('has the required sections, in order', () => {
    const headings = [...text.matchAll(/^## (.+)$/gmu)].map((m) => m[1]!);
    expect(headings.slice(0, SECTIONS.length)).toEqual(SECTIONS);
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
      const messages = lint(name, example.code, example.options);
      expect(messages.filter((m) => m.fatal || m.ruleId !== `alloc/${name}`)).toEqual([]);
      if (example.kind === '❌') expect(messages.length).toBeGreaterThan(0);
      else expect(messages).toEqual([]);
    },
  );
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
