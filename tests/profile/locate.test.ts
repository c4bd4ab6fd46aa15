import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

import { SourceLocator } from '../../src/profile/locate.js';

/** A compiled file whose whole first line maps to the start of `source` (one segment, `AAAA`). */
function compiled(dir: string, name: string, source: string, inline = false): string {
  mkdirSync(path.join(dir, 'dist'), { recursive: true });
  const map = JSON.stringify({ mappings: 'AAAA', names: [], sources: [source], version: 3 });
  const reference = inline ? `data:application/json;base64,${Buffer.from(map).toString('base64')}` : `${name}.map`;
  if (!inline) writeFileSync(path.join(dir, 'dist', `${name}.map`), map);
  const file = path.join(dir, 'dist', name);
  writeFileSync(file, `export function f() {}\n//# sourceMappingURL=${reference}\n`);
  return file;
}

const frame = (file: string) => ({ columnNumber: 5, functionName: 'f', lineNumber: 0, url: pathToFileURL(file).href });

describe('SourceLocator', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'alloc-locate-'));

  it('maps through a .map file next to the compiled file', () => {
    const file = compiled(dir, 'app.js', '../src/app.ts');
    expect(new SourceLocator().locate(frame(file))).toEqual({ column: 0, file: path.join(dir, 'src/app.ts'), line: 1, mapped: true });
  });

  it('file names with `#`, as tsc writes them (not URL fragments)', () => {
    const file = compiled(dir, 'a#b.js', '../src/a#b.ts');
    expect(new SourceLocator().locate(frame(file))?.file).toBe(path.join(dir, 'src/a#b.ts'));
  });

  it('an inline map of any length', () => {
    const file = compiled(dir, 'inline.js', `../src/${'x'.repeat(20_000)}.ts`, true);
    expect(new SourceLocator().locate(frame(file))?.file).toBe(path.join(dir, 'src', `${'x'.repeat(20_000)}.ts`));
  });

  it('no map: the compiled file itself', () => {
    const file = path.join(dir, 'plain.js');
    writeFileSync(file, 'export function f() {}\n');
    expect(new SourceLocator().locate(frame(file))).toEqual({ column: 5, file, line: 1, mapped: false });
  });

  it('positions the recording process mapped (tsx, --enable-source-maps) win', () => {
    const recorded = { ...frame(path.join(dir, 'plain.js')), originalColumnNumber: 2, originalLineNumber: 9, originalUrl: pathToFileURL(path.join(dir, 'src/x.ts')).href };
    expect(new SourceLocator().locate(recorded)).toEqual({ column: 2, file: path.join(dir, 'src/x.ts'), line: 10, mapped: true });
  });

  it('Node.js internals and code without a file are not located', () => {
    expect(new SourceLocator().locate({ columnNumber: 0, functionName: 'alloc', lineNumber: 3, url: 'node:buffer' })).toBeNull();
    expect(new SourceLocator().locate({ columnNumber: 0, functionName: 'x', lineNumber: 3, url: 'https://example.com/x.js' })).toBeNull();
  });
});
