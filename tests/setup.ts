// @typescript-eslint/rule-tester looks for the test framework's hooks on its static properties; set
// them before the first `new RuleTester()` (its constructor registers an `afterAll`).
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.describeSkip = describe.skip;
RuleTester.it = it;
RuleTester.itOnly = it.only;
RuleTester.itSkip = it.skip;

// The plugin loads its profile reader with `require` on first use (src/analysis/profile.ts); under
// vitest the sources are TypeScript, which `require` cannot load, so hand over the module here.
import * as profileCode from '../src/profile/index.js';

(globalThis as Record<symbol, unknown>)[Symbol.for('eslint-plugin-alloc/profile-code')] = profileCode;
