/** `npm run bench:docs`: copies measured figures from bench/results.json into docs and messages. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import {
  computeFigures,
  figuresModulePath,
  loadResults,
  loadSuites,
  markdownFiles,
  renderFiguresModule,
  renderMarkdown,
  root,
} from './lib/bench-docs.js';

const suites = await loadSuites();
const results = loadResults();
const figures = computeFigures(suites, results);
writeFileSync(figuresModulePath, renderFiguresModule(figures));
for (const file of markdownFiles()) {
  const text = readFileSync(file, 'utf8');
  const next = renderMarkdown(text, suites, results, figures);
  if (next !== text) {
    writeFileSync(file, next);
    console.log(`updated ${path.relative(root, file)}`);
  }
}
console.log(`updated ${path.relative(root, figuresModulePath)}`);
