/**
 * A fresh project with the plugin installed from its packed tarball: `npm pack` of this repository
 * (exactly the files npm would publish, `dist/` included) extracted into
 * `node_modules/eslint-plugin-alloc`, with the package's dependencies and peers, and the packages
 * the user's project adds, linked from this repository's `node_modules` (no registry needed;
 * tests/realworld/install.test.ts installs from the registry).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface PackedProject {
  /** The project directory. */
  dir: string;
  /** Writes `text` to a file of the project (folders created as needed). */
  write(file: string, text: string): void;
  /** Deletes the project. */
  remove(): void;
}

/** The message when the package has not been built: what to run, not a resolution error later. */
export function missingBuildMessage(root: string): string {
  return `${path.join(root, 'dist')} has no index.js: the packed package would have no code. Run \`npm run build\` first (\`npm test\` builds before it runs the tests).`;
}

/**
 * Packs `root` (default: this repository) and installs the tarball into a fresh project. `link` adds
 * packages of the user's project (they must be in `root`'s node_modules), beside the package's own
 * dependencies and peer dependencies.
 */
export function packedProject(options: { link?: readonly string[]; root?: string } = {}): PackedProject {
  const root = options.root ?? repositoryRoot;
  if (!existsSync(path.join(root, 'dist/index.js'))) throw new Error(missingBuildMessage(root));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-packed-'));
  try {
    const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8' })
      .trim()
      .split('\n')
      .at(-1)!;
    const installed = path.join(dir, 'node_modules/eslint-plugin-alloc');
    mkdirSync(installed, { recursive: true });
    execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', installed, '--strip-components=1']);
    rmSync(path.join(dir, tarball));
    const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
    };
    const names = new Set([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {}), ...(options.link ?? [])]);
    for (const name of names) {
      const target = path.join(dir, 'node_modules', name);
      mkdirSync(path.dirname(target), { recursive: true });
      symlinkSync(path.join(root, 'node_modules', name), target, 'dir');
    }
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "consumer", "private": true, "type": "module" }\n');
  } catch (error) {
    rmSync(dir, { force: true, recursive: true });
    throw error;
  }
  return {
    dir,
    remove: () => rmSync(dir, { force: true, recursive: true }),
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
  };
}
