import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const src = path.join(import.meta.dirname, '..', 'src');

/** Lowest first: a file may import from its own folder or from a folder with a lower rank. */
const RANK: Record<string, number> = {
  util: 0,
  ast: 1,
  profile: 1,
  analysis: 2,
  fixers: 2,
  kit: 3,
  rules: 4,
  cli: 5,
  '.': 5, // src/index.ts, configs.ts, formatter.ts
};

const SOURCE_FILE = /\.c?ts$/u;
const RELATIVE_IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/gu;
const JS_EXTENSION = /\.(c?)js$/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return SOURCE_FILE.test(entry.name) ? [full] : [];
  });
}

/** Every relative import of every file in src/, as paths relative to src/ (`.js` → `.ts`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(RELATIVE_IMPORT)].map((match) =>
      path.relative(src, path.resolve(path.dirname(file), match[1]!)).replace(JS_EXTENSION, '.$1ts'),
    );
    graph.set(path.relative(src, file), targets);
  }
  return graph;
}

const folderOf = (file: string): string => (file.includes(path.sep) ? file.split(path.sep)[0]! : '.');

function upwardImports(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([file, targets]) =>
    targets
      .filter((target) => folderOf(target) !== folderOf(file) && RANK[folderOf(target)]! >= RANK[folderOf(file)]!)
      .map((target) => `${file} → ${target}`),
  );
}

function cyclesOf(graph: Map<string, string[]>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'done' | 'open'>();
  const visit = (file: string, trail: string[]): void => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...trail, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return cycles;
}

describe('src/ layering', () => {
  const graph = importGraph();

  it('reads the import graph', () => {
    expect(graph.get(path.join('rules', 'no-regexp-in-loop.ts'))).toContain(path.join('ast', 'index.ts'));
    expect(graph.size).toBeGreaterThan(30);
  });

  it('every folder has a rank', () => {
    expect([...new Set([...graph.keys()].map(folderOf))].filter((folder) => RANK[folder] === undefined)).toEqual([]);
  });

  it('no file imports from a folder above its own', () => {
    expect(upwardImports(graph)).toEqual([]);
  });

  it('src/ast imports nothing of the plugin outside src/ast', () => {
    const outside = [...graph].filter(([file]) => folderOf(file) === 'ast').flatMap(([, targets]) => targets.filter((t) => folderOf(t) !== 'ast'));
    expect(outside).toEqual([]);
  });

  it('the import graph has no cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('the checks can fail: a cycle and an upward import are found', () => {
    const a = path.join('ast', 'a.ts');
    const b = path.join('ast', 'b.ts');
    const rule = path.join('rules', 'x.ts');
    const probe = new Map([
      [a, [b]],
      [b, [a, rule]],
      [rule, []],
    ]);
    expect(upwardImports(probe)).toEqual([`${b} → ${rule}`]);
    expect(cyclesOf(probe)).toEqual([`${a} → ${b} → ${a}`]);
  });
});
