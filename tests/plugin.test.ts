import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import plugin, { rules } from '../src/index.js';
import { ruleDocsUrl } from '../src/kit/create-rule.js';
import type { AllocRuleDocs } from '../src/kit/create-rule.js';
import { TYPE_INFORMATION_MESSAGES } from '../src/kit/typed-context.js';
import type { OptionsSchema } from '../scripts/lib/rule-docs.js';

const root = path.resolve(import.meta.dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -3))
  .sort();
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  bugs: { url: string };
  homepage: string;
  license: string;
  name: string;
  repository: { type: string; url: string };
  version: string;
};
const REPOSITORY = 'https://github.com/eslint-plugin-alloc/eslint-plugin-alloc';
/** A deprecated option says so first, and what to use instead. */
const DEPRECATED_DESCRIPTION = /^Deprecated: use `\w+`/u;

describe('plugin object', () => {
  it('has flat-config meta read from package.json', () => {
    expect(plugin.meta).toEqual({ name: pkg.name, namespace: 'alloc', version: pkg.version });
  });

  it('has the repository, homepage and issue tracker npm needs to resolve the README\'s relative links', () => {
    expect(pkg.repository).toEqual({ type: 'git', url: `git+${REPOSITORY}.git` });
    expect(pkg.homepage).toBe(`${REPOSITORY}#readme`);
    expect(pkg.bugs).toEqual({ url: `${REPOSITORY}/issues` });
  });

  it('ships a LICENSE that is the license package.json names, and a CHANGELOG with this version', () => {
    expect(pkg.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/u);
    expect(readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8')).toContain(`\n## ${pkg.version} `);
    const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as [{ files: { path: string }[] }];
    const files = packed[0].files.map((file) => file.path);
    expect(files).toEqual(expect.arrayContaining(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist/index.js', 'package.json']));
  });

  it('exports every rule file, under its file name, alphabetically', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
    expect(Object.keys(rules)).toEqual(ruleFiles);
  });
});

describe.each(ruleFiles)('rule %s', (name) => {
  const rule = rules[name as keyof typeof rules];
  const docs = rule.meta.docs as AllocRuleDocs & { url: string };
  const source = readFileSync(path.join(root, 'src/rules', `${name}.ts`), 'utf8');

  it('has a name, docs URL and docs page that agree', () => {
    expect(rule.name).toBe(name);
    expect(docs.url).toBe(ruleDocsUrl(name));
    // The released version's tag, not `main`: the page matches the rule the user has.
    expect(docs.url).toBe(`${REPOSITORY}/blob/v${pkg.version}/docs/rules/${name}.md`);
    expect(docs.url.endsWith(`/docs/rules/${name}.md`)).toBe(true);
    expect(readdirSync(path.join(root, 'docs/rules'))).toContain(`${name}.md`);
  });

  it('describes itself as ESLint core rules do', () => {
    expect(docs.description).toMatch(/^(Disallow|Enforce|Require|Prefer) .+[^. ]$/u);
  });

  it('declares type checking exactly when it asks for type information', () => {
    expect(docs.requiresTypeChecking).toBe(source.includes('getTypeServices(') || source.includes('getTypedRuleContext('));
    // The notice a file without type information gets, worded for the parser in use.
    // (createRule appends the profile placeholder to every message; it is filled with nothing there.)
    if (docs.requiresTypeChecking) {
      for (const [id, text] of Object.entries(TYPE_INFORMATION_MESSAGES)) expect(rule.meta.messages, id).toHaveProperty(id, `${text}{{profile}}`);
    }
  });

  it('ends every report message with {{profile}}, which createRule fills (suggestions excepted)', () => {
    const reports = Object.entries(rule.meta.messages).filter(([id]) => !id.startsWith('suggest') && !(id in TYPE_INFORMATION_MESSAGES));
    expect(reports.length).toBeGreaterThan(0);
    const endsWithProfile = /[.)]\{\{profile\}\}$/u;
    for (const [id, message] of reports) expect(message, id).toMatch(endsWithProfile);
  });

  it('has a schema with a description on every option, and defaults for each (none for a deprecated one)', () => {
    const schema = rule.meta.schema as unknown as OptionsSchema[];
    const defaults = (rule.meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
    const properties = schema[0]?.properties ?? {};
    for (const key of Object.keys(properties)) {
      const property = properties[key]!;
      expect(property.description, key).toBeTruthy();
      if (property.deprecated) {
        // Read only when a config sets it: the rule maps it onto its replacement.
        expect(property.description, key).toMatch(DEPRECATED_DESCRIPTION);
        expect(defaults, key).not.toHaveProperty(key);
      } else {
        expect(defaults, key).toHaveProperty(key);
      }
    }
    for (const key of Object.keys({ ...docs.strictOptions, ...docs.allOptions })) {
      expect(schema[0]?.properties, key).toHaveProperty(key);
    }
  });
});

describe('configs', () => {
  // Re-derived here from metadata, independently of src/configs.ts.
  const expected = (include: (docs: AllocRuleDocs) => boolean, level: 'all' | 'default' | 'strict') =>
    Object.fromEntries(
      Object.entries(rules)
        // No config turns a deprecated rule on (tests/deprecation.test.ts has fixtures of them).
        .filter(([, rule]) => !('deprecated' in rule.meta && rule.meta.deprecated))
        .filter(([, rule]) => include(rule.meta.docs as AllocRuleDocs))
        .map(([name, rule]) => {
          const docs = rule.meta.docs as AllocRuleDocs;
          const options =
            level === 'all' && (docs.strictOptions || docs.allOptions)
              ? { ...docs.strictOptions, ...docs.allOptions }
              : level === 'strict'
                ? docs.strictOptions
                : undefined;
          return [`alloc/${name}`, options ? ['error', { ...rule.meta.defaultOptions?.[0], ...options }] : 'error'];
        }),
    );

  it('computes every config from rule metadata', () => {
    expect(plugin.configs.recommended.rules).toEqual(
      expected((d) => d.recommended === 'recommended' && !d.requiresTypeChecking, 'default'),
    );
    expect(plugin.configs['recommended-type-checked'].rules).toEqual(
      expected((d) => d.recommended === 'recommended', 'default'),
    );
    expect(plugin.configs.strict.rules).toEqual(expected(() => true, 'strict'));
    expect(plugin.configs.all.rules).toEqual(expected(() => true, 'all'));
    // For files linted without type information: the type-aware rules off, the others untouched.
    expect(plugin.configs['disable-type-checked'].rules).toEqual(
      Object.fromEntries(Object.entries(expected((d) => d.requiresTypeChecking, 'default')).map(([id]) => [id, 'off'])),
    );
    expect(Object.keys(plugin.configs['disable-type-checked'].rules!).length).toBeGreaterThan(0);
  });

  it('are each described in the README', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^- `([\w-]+)`: /gmu)].map((match) => match[1]);
    expect(listed).toEqual(Object.keys(plugin.configs));
  });

  it('gives `all` a meaning of its own: options that `strict` leaves off', () => {
    expect(plugin.configs.all.rules).not.toEqual(plugin.configs.strict.rules);
    // strict: every loop and once-code (the frequency options); all: loops that end early too.
    expect(plugin.configs.strict.rules!['alloc/prefer-presized-array']).toEqual([
      'error',
      { arrayFrom: true, forLoops: true, minIterations: 0, rangeLoops: true, reportEarlyExits: false, reportRareCode: true },
    ]);
    expect(plugin.configs.all.rules!['alloc/prefer-presized-array']).toEqual([
      'error',
      { arrayFrom: true, forLoops: true, minIterations: 0, rangeLoops: true, reportEarlyExits: true, reportRareCode: true },
    ]);
  });

  it('names each config and registers the plugin under its namespace', () => {
    for (const [name, config] of Object.entries(plugin.configs)) {
      expect(config.name).toBe(`alloc/${name}`);
      expect(config.plugins).toEqual({ alloc: plugin });
    }
  });

  it('puts the one rule that exists today where its metadata says', () => {
    expect(plugin.configs['recommended-type-checked'].rules).toHaveProperty('alloc/no-string-concat-in-loop', 'error');
    expect(plugin.configs.recommended.rules).not.toHaveProperty('alloc/no-string-concat-in-loop');
    expect(plugin.configs.strict.rules).toHaveProperty('alloc/no-string-concat-in-loop', [
      'error',
      { checkPlainAppends: true, minIterations: 0, reportRareCode: true },
    ]);
  });
});
