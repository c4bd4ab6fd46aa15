/**
 * The published types, as a TypeScript user meets them: a project with the plugin installed from the
 * packed tarball, type-checked by `tsc --noEmit` in a subprocess. `rules` has one key per rule,
 * `RuleName`, `RuleOptions` and `RulesConfig` are exported, and `configs` has one key per config:
 * the right uses compile, and each wrong one is the error it should be (once with
 * `// @ts-expect-error`, which fails if the error goes away, and once without, to read the errors);
 * the README's example compiles.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { PackedProject } from '../helpers/packed.js';
import { packedProject, repositoryRoot } from '../helpers/packed.js';

/** `file(line,column): error TScode: …`, as tsc prints it with `--pretty false`. */
const DIAGNOSTIC = /^(\S+)\((\d+),(\d+)\): error (TS\d+)/u;

let project: PackedProject;

const TSCONFIG = JSON.stringify({
  compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', noEmit: true, skipLibCheck: true, strict: true, target: 'ES2023', types: ['node'] },
  files: ['uses.ts', 'wrong.ts', 'readme.ts'],
});

/** Right uses; each wrong one is marked, so tsc fails if it stops being an error. */
const USES_TS = `import type { Linter } from 'eslint';
import alloc from 'eslint-plugin-alloc';
import type { ConfigName, RuleName, RuleOptions, RulesConfig } from 'eslint-plugin-alloc';

export const names: RuleName[] = ['no-string-concat-in-loop', 'prefer-presized-array'];
export const presized = alloc.rules['prefer-presized-array'];
// @ts-expect-error: no rule has this name
export const missing = alloc.rules['no-such-rule'];
// @ts-expect-error: not a rule name
export const misspelled: RuleName = 'prefer-presized-arrays';

export const configName: ConfigName = 'recommended-type-checked';
export const configs: Linter.Config[] = [alloc.configs[configName], alloc.configs.strict, alloc.configs.all];
// @ts-expect-error: no config has this name
export const noConfig = alloc.configs['recommended-typed'];

export const options: RuleOptions['prefer-presized-array'] = [{ minIterations: 0, reportEarlyExits: true }];
// The deprecated name still type-checks (editors strike it through).
export const deprecated: RuleOptions['prefer-presized-array'] = [{ simple: false }];
// @ts-expect-error: not an option of prefer-presized-array
export const wrongOption: RuleOptions['prefer-presized-array'] = [{ reportEarlyExit: true }];

export const rules: RulesConfig = {
  'alloc/no-string-concat-in-loop': ['error', { checkPlainAppends: true }],
  'alloc/prefer-presized-array': 'warn',
};
export const config: Linter.Config = { plugins: { alloc }, rules };
export const wrongType: RulesConfig = {
  // @ts-expect-error: a boolean option given a number
  'alloc/prefer-presized-array': ['error', { forLoops: 1 }],
};
`;

/** The same wrong uses, unmarked: tsc must report exactly these. */
const WRONG_TS = `import alloc from 'eslint-plugin-alloc';
import type { RuleName, RuleOptions, RulesConfig } from 'eslint-plugin-alloc';

export const missing = alloc.rules['no-such-rule'];
export const misspelled: RuleName = 'prefer-presized-arrays';
export const noConfig = alloc.configs['recommended-typed'];
export const wrongOption: RuleOptions['prefer-presized-array'] = [{ reportEarlyExit: true }];
export const wrongType: RulesConfig = { 'alloc/prefer-presized-array': ['error', { forLoops: 1 }] };
export const wrongRule: RulesConfig = { 'alloc/no-such-rule': 'error' };
`;

/** The README's TypeScript example, as written there. */
const README_TS = /```ts\n([^`]*RulesConfig[^`]*)```/u.exec(readFileSync(path.join(repositoryRoot, 'README.md'), 'utf8'))![1]!;

/** tsc's errors for the project, as `file line column code` (one run: a program takes seconds to build). */
let diagnostics: string[];
let output: string;

beforeAll(() => {
  project = packedProject({ link: ['@types/node'] });
  project.write('uses.ts', USES_TS);
  project.write('wrong.ts', WRONG_TS);
  project.write('readme.ts', README_TS);
  project.write('tsconfig.json', TSCONFIG);
  const result = spawnSync(process.execPath, [path.join(repositoryRoot, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--pretty', 'false'], {
    cwd: project.dir,
    encoding: 'utf8',
  });
  output = result.stdout + result.stderr;
  // tsc exits 2 when it reports errors (wrong.ts has them).
  expect(result.status, output).toBe(2);
  diagnostics = output
    .split('\n')
    .filter((line) => DIAGNOSTIC.test(line))
    .map((line) => DIAGNOSTIC.exec(line)!.slice(1, 5).join(' '));
}, 120_000);

afterAll(() => project?.remove());

describe('the packed package under tsc --noEmit', () => {
  it('compiles the right uses, and every @ts-expect-error line is an error', () => {
    expect(diagnostics.filter((line) => line.startsWith('uses.ts ')), output).toEqual([]);
  });

  it("compiles the README's example", () => {
    expect(README_TS).toContain("const rules: RulesConfig = { 'alloc/prefer-presized-array'");
    expect(diagnostics.filter((line) => line.startsWith('readme.ts ')), output).toEqual([]);
  });

  it('reports each wrong use where it is: unknown rule and config names, unknown options, wrong option types', () => {
    expect(diagnostics, output).toEqual([
      'wrong.ts 4 24 TS7053', // alloc.rules['no-such-rule']: not a key
      'wrong.ts 5 14 TS2820', // 'prefer-presized-arrays' is not a RuleName ("did you mean")
      'wrong.ts 6 25 TS7053', // alloc.configs['recommended-typed']
      'wrong.ts 7 69 TS2561', // reportEarlyExit: not an option ("did you mean")
      'wrong.ts 8 84 TS2322', // forLoops: 1 is not a boolean
      'wrong.ts 9 41 TS2353', // 'alloc/no-such-rule' is not a rule id
    ]);
    expect(output).toContain(`Property 'no-such-rule' does not exist on type`);
    expect(output).toContain(`Did you mean to write 'reportEarlyExits'?`);
  });
});
