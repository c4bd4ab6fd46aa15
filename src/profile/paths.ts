/** Paths as profiles meet them: which files are the project's own, and how to show a path. */
import path from 'node:path';

/** `file` is under `cwd` and not in a `node_modules` folder: the project's own source. */
export function isOwnSource(cwd: string, file: string): boolean {
  if (!path.isAbsolute(file)) return false;
  const relative = path.relative(cwd, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative) && !relative.split(path.sep).includes('node_modules');
}

/** A path as the user would type it: relative inside `cwd`, absolute outside. */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
