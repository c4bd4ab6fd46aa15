/**
 * `npm run docs`: regenerates every generated part of the docs — the README rules table, each rule
 * page's header and options list (from rule metadata), and every measured figure and table (from
 * bench/results.json).
 * `npm run docs:check` changes nothing and fails when any of them is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { renderAllDocs } from './lib/all-docs.js';

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [file, next] of await renderAllDocs()) {
  const current = readFileSync(file, 'utf8');
  if (current === next) continue;
  stale.push(path.relative(process.cwd(), file));
  if (!check) writeFileSync(file, next);
}
if (check && stale.length > 0) {
  console.error(`Generated docs are stale: ${stale.join(', ')}. Run \`npm run docs\` and commit the result.`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'docs are up to date' : `updated ${stale.join(', ')}`);
