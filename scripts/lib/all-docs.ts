import { readFileSync } from 'node:fs';
import path from 'node:path';

import { computeFigures, loadResults, loadSuites, markdownFiles, renderMarkdown, root } from './bench-docs.js';
import { renderLintCost } from './lint-docs.js';
import { renderReadme, renderRulePage, ruleNames } from './rule-docs.js';

/** Every generated file's expected content, keyed by absolute path. */
export async function renderAllDocs(): Promise<Map<string, string>> {
  const suites = await loadSuites();
  const results = loadResults();
  const figures = computeFigures(suites, results);
  const out = new Map<string, string>();
  const rulePages = new Map(ruleNames.map((name) => [path.join(root, 'docs/rules', `${name}.md`), name]));
  for (const file of markdownFiles()) {
    let text = readFileSync(file, 'utf8');
    if (file === path.join(root, 'README.md')) text = renderReadme(text);
    const rule = rulePages.get(file);
    if (rule) text = renderRulePage(rule, text);
    out.set(file, renderLintCost(renderMarkdown(text, suites, results, figures)));
  }
  return out;
}
