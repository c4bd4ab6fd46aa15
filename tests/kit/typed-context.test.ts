/**
 * A file without type information gets one notice from alloc's type-aware rules, not one per rule,
 * and the notice's advice fits the parser in use. Real ESLint (`Linter`, flat config) with the
 * plugin's configs and typescript-eslint's.
 */
import { Linter } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../../src/index.js';
import type { AllocRuleDocs } from '../../src/kit/create-rule.js';
import { TYPE_INFORMATION_MESSAGES } from '../../src/kit/typed-context.js';
import { fixturesDir } from '../rule-tester.js';

// A handler-style loop: the JSON.stringify needs no type information, the string read does.
const CODE = `export function encode(rows) {
  let out = '';
  for (const row of rows) {
    out += JSON.stringify({ version: 1 });
    if (out.endsWith(',')) out += row.id;
  }
  return out;
}
`;

const typeAware = Object.entries(rules)
  .filter(([, rule]) => (rule.meta.docs as AllocRuleDocs).requiresTypeChecking)
  .map(([name]) => `alloc/${name}`);

const TYPED = { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } };

function lint(config: Linter.Config[], filename = 'legacy.js', code = CODE): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(code, config, { filename: path.join(fixturesDir, filename) });
}

const summary = (messages: Linter.LintMessage[]) => messages.map(({ column, line, message, messageId, ruleId }) => ({ column, line, message, messageId, ruleId }));

describe('a file without type information', () => {
  it('parsed by espree: one notice for all the type-aware rules, naming the parser', () => {
    expect(typeAware.length).toBeGreaterThan(1);
    const messages = lint([plugin.configs.all]);
    expect(summary(messages.filter((m) => m.ruleId !== 'alloc/no-json-stringify-in-hot-path'))).toEqual([
      {
        column: 1,
        line: 1,
        message:
          "This file's parser, `espree`, gives no type information, so alloc's type-aware rules skip it: use typescript-eslint's parser with `parserOptions.projectService`, or turn them off for such files with `alloc.configs['disable-type-checked']`.",
        messageId: 'requiresTypeScriptParser',
        ruleId: typeAware[0],
      },
    ]);
  });

  it("parsed by typescript-eslint's parser without projectService: one notice saying to enable it", () => {
    const messages = lint([...tseslint.configs.recommended, plugin.configs.all]);
    expect(summary(messages.filter((m) => m.ruleId?.startsWith('alloc/') && m.ruleId !== 'alloc/no-json-stringify-in-hot-path'))).toEqual([
      {
        column: 1,
        line: 1,
        message:
          "This file has no type information, so alloc's type-aware rules skip it: enable `parserOptions.projectService`, or turn them off for such files with `alloc.configs['disable-type-checked']`.",
        messageId: 'requiresTypeInformation',
        ruleId: typeAware[0],
      },
    ]);
    expect(TYPE_INFORMATION_MESSAGES.requiresTypeInformation).toBe(messages.find((m) => m.ruleId === typeAware[0])!.message);
  });

  it('comes from the first type-aware rule that is on', () => {
    const messages = lint([...tseslint.configs.recommended, plugin.configs.all, { rules: { [typeAware[0]!]: 'off' } }]);
    expect(messages.filter((m) => m.messageId === 'requiresTypeInformation').map((m) => m.ruleId)).toEqual([typeAware[1]]);
  });

  it('gets its notice again on every lint (it is per file, not per process)', () => {
    const config = [...tseslint.configs.recommended, plugin.configs.all];
    const linter = new Linter({ configType: 'flat' });
    for (const file of ['a.js', 'b.js', 'a.js']) {
      const messages = linter.verify(CODE, config, { filename: path.join(fixturesDir, file) });
      expect(messages.filter((m) => m.messageId === 'requiresTypeInformation')).toHaveLength(1);
    }
  });

  it("under typescript-eslint's disableTypeChecked alone, one notice; with alloc's disable-type-checked too, none, and the other rules still report", () => {
    const base = [...tseslint.configs.recommended, TYPED, plugin.configs.all, { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked }];
    const alone = lint(base).filter((m) => m.ruleId?.startsWith('alloc/'));
    expect(alone.map((m) => [m.ruleId, m.messageId])).toEqual([
      [typeAware[0], 'requiresTypeInformation'],
      ['alloc/no-json-stringify-in-hot-path', 'constantStringify'],
    ]);
    const both = lint([...base, { files: ['**/*.js'], ...plugin.configs['disable-type-checked'] }]);
    expect(both.map((m) => [m.ruleId, m.messageId, m.line])).toEqual([['alloc/no-json-stringify-in-hot-path', 'constantStringify', 4]]);
  });
});

describe('a file with type information', () => {
  it('gets findings and no notice', () => {
    const messages = lint([...tseslint.configs.recommended, TYPED, plugin.configs.all], 'file.ts', CODE.replace('(rows)', '(rows: { id: number }[])'));
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    expect(messages.map((m) => m.ruleId)).toEqual(['alloc/no-json-stringify-in-hot-path', 'alloc/no-string-concat-in-loop']);
  });
});
