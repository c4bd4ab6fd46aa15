/**
 * A fresh project set up the way the README's Install section says, with the plugin as `npm pack`
 * builds it: the config is the README's own snippet (read from README.md, so a test fails when the
 * README drifts), the project has an `eslint.config.js`, a sub-folder, and JavaScript files at the
 * root and in a folder no tsconfig includes. Used by tests/e2e/readme.test.ts (the tarball unpacked,
 * dependencies linked from this repository) and tests/realworld/install.test.ts (the tarball
 * installed from the registry by npm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/** The README's Install config: the `// eslint.config.js` snippet, and the entries it says to add for JavaScript outside any tsconfig. */
export function readmeConfig(): { config: string; untypedJsEntries: string; ciCommand: string[] } {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```(js|sh)\n([\s\S]*?)```/gu)].map((match) => ({ lang: match[1], text: match[2]! }));
  const configs = blocks.filter((block) => block.lang === 'js' && block.text.startsWith('// eslint.config.js\n'));
  const entries = blocks.filter((block) => block.lang === 'js' && block.text.includes("alloc.configs['disable-type-checked']"));
  const ci = blocks.filter((block) => block.lang === 'sh' && block.text.startsWith('npx eslint --max-warnings 0'));
  if (configs.length !== 1 || entries.length !== 1 || ci.length !== 1) {
    throw new Error(`README.md: expected one eslint.config.js snippet, one disable-type-checked snippet and one CI command, found ${configs.length}, ${entries.length}, ${ci.length}`);
  }
  return { ciCommand: ci[0]!.text.trim().split(/\s+/u), config: configs[0]!.text, untypedJsEntries: entries[0]!.text };
}

/** The README's config with its JavaScript entries added at the end of the array, as it says. */
export function readmeConfigWithUntypedJs(): string {
  const { config, untypedJsEntries } = readmeConfig();
  if (!config.endsWith('\n];\n')) throw new Error('README.md: the eslint.config.js snippet does not end with `];`');
  return `${config.slice(0, -'];\n'.length)}${untypedJsEntries}];\n`;
}

/** `npm pack` of this repository (needs `dist/`) into `destination`; the tarball's path. */
export function packPlugin(destination: string): string {
  const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', destination], { cwd: root, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  return path.join(destination, name);
}

/** The tarball unpacked as `node_modules/eslint-plugin-alloc`, without npm (its dependencies must be linked separately). */
export function unpackPlugin(tarball: string, project: string): void {
  const target = path.join(project, 'node_modules/eslint-plugin-alloc');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
}

/** The lines of the scaffold's files that hold a finding, by rule: what a lint of the whole project must report. */
export const SCAFFOLD_FINDINGS = {
  'release.js': [['alloc/no-string-concat-in-loop', 5]],
  'scripts/build.js': [['alloc/no-json-stringify-in-hot-path', 4]],
  'src/lib/ids.ts': [['alloc/prefer-presized-array', 3]],
  'src/report.ts': [['alloc/no-string-concat-in-loop', 5]],
} as const;

/**
 * A fresh TypeScript project in `project` (which has its `node_modules`): `tsconfig.json` includes
 * `src` only; `src/lib` is a sub-folder; `release.js` is a root JavaScript file (typed through the
 * default project); `scripts/build.js` is JavaScript in a folder no tsconfig includes. `withScripts:
 * false` leaves `scripts/` out (the README's config alone does not cover it).
 */
export function writeScaffold(project: string, config: string, { withScripts = true } = {}): void {
  for (const dir of ['src/lib', 'scripts']) mkdirSync(path.join(project, dir), { recursive: true });
  writeFileSync(path.join(project, 'package.json'), `${JSON.stringify({ name: 'fresh', private: true, type: 'module' }, null, 2)}\n`);
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { module: 'NodeNext', noEmit: true, skipLibCheck: true, strict: true, target: 'ES2023' }, include: ['src'] }, null, 2)}\n`,
  );
  writeFileSync(path.join(project, 'eslint.config.js'), config);
  // Reads the string it builds: every `endsWith` flattens it.
  writeFileSync(
    path.join(project, 'src/report.ts'),
    "export function render(rows: string[][]): string {\n  let out = '';\n  for (const row of rows) {\n    out += row.join(',');\n    if (!out.endsWith('\\n')) out += '\\n';\n  }\n  return out;\n}\n",
  );
  writeFileSync(
    path.join(project, 'src/lib/ids.ts'),
    'export function ids(rows: readonly { id: number }[]): number[] {\n  const out: number[] = [];\n  for (const row of rows) out.push(row.id);\n  return out;\n}\n',
  );
  writeFileSync(
    path.join(project, 'release.js'),
    "/** @param {string[]} lines */\nexport function notes(lines) {\n  let text = '';\n  for (const line of lines) {\n    if (!text.endsWith('\\n')) text += '\\n';\n    text += line;\n  }\n  return text;\n}\n",
  );
  if (withScripts) {
    writeFileSync(
      path.join(project, 'scripts/build.js'),
      "export function manifest(files) {\n  let out = '';\n  for (const file of files) {\n    out += JSON.stringify({ version: 1 }) + file;\n    if (out.endsWith(',')) out += ',';\n  }\n  return out;\n}\n",
    );
  }
}

/** `file:line ruleId` of every message of `eslint -f json` output (`file fatal: message` for a parse error), sorted. */
export function findingsOf(json: string, project: string): string[] {
  const results = JSON.parse(json) as { filePath: string; messages: { fatal?: boolean; line: number; message: string; ruleId: string | null }[] }[];
  return results
    .flatMap((result) =>
      result.messages.map((m) => `${path.relative(project, result.filePath)}${m.fatal ? ` fatal: ${m.message}` : `:${m.line} ${m.ruleId}`}`),
    )
    .sort();
}

/** `SCAFFOLD_FINDINGS` in `findingsOf`'s form, for the given files. */
export function expectedFindings(files: (keyof typeof SCAFFOLD_FINDINGS)[]): string[] {
  return files.flatMap((file) => SCAFFOLD_FINDINGS[file].map(([rule, line]) => `${file}:${line} ${rule}`)).sort();
}
