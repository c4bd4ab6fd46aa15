import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { renderAllDocs } from '../scripts/lib/all-docs.js';
import { markdownFiles } from '../scripts/lib/bench-docs.js';
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
