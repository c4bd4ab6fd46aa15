/**
 * The package's own name, version and repository, read once from package.json (rather than imported,
 * so package.json stays out of the TypeScript program and `dist/`). The path is the same from
 * `src/util/` and `dist/util/`.
 */
import { readFileSync } from 'node:fs';

interface PackageInfo {
  name: string;
  repository: { url: string };
  version: string;
}

export const packageInfo = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as PackageInfo;

/** `https://github.com/owner/name` from the `repository` field (`git+https://…/name.git`). */
export const repositoryUrl = packageInfo.repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '');
