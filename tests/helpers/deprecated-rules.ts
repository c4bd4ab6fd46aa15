/**
 * Test fixtures for the rule-level deprecation machinery (no real rule is deprecated yet): the
 * plugin's rules plus two deprecated rules, one in ESLint's `DeprecatedInfo` form and one in the
 * older `deprecated: true` + `replacedBy` form. Made with the plugin's own `createRule`.
 */
import { createRule } from '../../src/kit/index.js';
import { rules } from '../../src/rules/index.js';

/** A rule renamed to `prefer-presized-array`, deprecated the way ESLint 9.21+ describes it. */
export const renamedRule = createRule<[], 'grows'>({
  name: 'presized-array',
  meta: {
    type: 'suggestion',
    deprecated: {
      deprecatedSince: '0.1.0',
      message: 'Renamed to `alloc/prefer-presized-array`.',
      replacedBy: [{ rule: { name: 'prefer-presized-array' } }],
    },
    docs: {
      description: 'Prefer allocating an array once at its final size',
      recommended: 'recommended',
      requiresTypeChecking: false,
    },
    messages: { grows: 'The array grows by `push`.' },
    schema: [],
    defaultOptions: [],
  },
  create: () => ({}),
});

/** A rule deprecated in the pre-9.21 form: `deprecated: true` and rule names in `replacedBy`. */
export const legacyDeprecatedRule = createRule<[], 'concat'>({
  name: 'no-concat-in-loop',
  meta: {
    type: 'suggestion',
    deprecated: true,
    replacedBy: ['no-string-concat-in-loop'],
    docs: {
      description: 'Disallow string concatenation in loops',
      recommended: 'strict',
      requiresTypeChecking: false,
    },
    messages: { concat: 'A string is built by concatenation.' },
    schema: [],
    defaultOptions: [],
  },
  create: () => ({}),
});

/** The plugin's rules and the two deprecated fixtures, alphabetically, as src/rules/index.ts orders them. */
export const rulesWithDeprecated = Object.fromEntries(
  Object.entries({ ...rules, 'no-concat-in-loop': legacyDeprecatedRule, 'presized-array': renamedRule }).sort(([a], [b]) => a.localeCompare(b)),
);
