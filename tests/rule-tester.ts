import { RuleTester } from '@typescript-eslint/rule-tester';
import path from 'node:path';

export const fixturesDir = path.join(import.meta.dirname, 'fixtures');

/** The typed RuleTester every rule test uses: cases are linted as tests/fixtures/file.ts with types. */
export function createTypedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: fixturesDir,
      },
    },
  });
}

/** A RuleTester with no type information (plain TypeScript parsing). */
export function createUntypedRuleTester(): RuleTester {
  return new RuleTester();
}
