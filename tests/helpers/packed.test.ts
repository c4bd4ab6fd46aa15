import { lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { missingBuildMessage, packedProject, repositoryRoot } from './packed.js';

describe('packedProject', () => {
  it('installs the files npm would publish, not a link to this repository', () => {
    const project = packedProject();
    try {
      const installed = path.join(project.dir, 'node_modules/eslint-plugin-alloc');
      expect(lstatSync(installed).isSymbolicLink()).toBe(false);
      expect(readdirSync(installed).sort()).toEqual(['CHANGELOG.md', 'LICENSE', 'README.md', 'dist', 'package.json']);
      // The project resolves the package name to the installed copy, and its dependencies to this repository's.
      const require = createRequire(path.join(project.dir, 'index.js'));
      expect(require.resolve('eslint-plugin-alloc/package.json')).toBe(path.join(installed, 'package.json'));
      expect(realpathSync(path.join(project.dir, 'node_modules/@typescript-eslint/utils'))).toBe(path.join(repositoryRoot, 'node_modules/@typescript-eslint/utils'));
    } finally {
      project.remove();
    }
  });

  it('says to build first when dist/ is missing, instead of packing a package without code', () => {
    const unbuilt = mkdtempSync(path.join(os.tmpdir(), 'alloc-unbuilt-'));
    try {
      writeFileSync(path.join(unbuilt, 'package.json'), '{ "name": "eslint-plugin-alloc", "version": "0.0.0" }\n');
      expect(() => packedProject({ root: unbuilt })).toThrow(missingBuildMessage(unbuilt));
      expect(missingBuildMessage(unbuilt)).toBe(
        `${unbuilt}/dist has no index.js: the packed package would have no code. Run \`npm run build\` first (\`npm test\` builds before it runs the tests).`,
      );
    } finally {
      rmSync(unbuilt, { force: true, recursive: true });
    }
  });
});
