/**
 * `npm run realworld:findings`: every default-config finding on the real-code corpus with its label
 * from tests/realworld/labels.json (or `UNLABELLED`), and the precision. For labelling by reading.
 * With `--write`, also rewrites the table in docs/real-world.md (which test:realworld checks).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { defaultFindings, precisionTable, readLabels, realworldDocPath, withTable } from './lib/findings.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-findings-'));
try {
  const findings = await defaultFindings(scratch);
  const labels = readLabels();
  const counts = { noise: 0, unlabelled: 0, worth: 0, wrong: 0 };
  for (const finding of findings) {
    const entry = labels[finding.key];
    counts[entry?.label ?? 'unlabelled']++;
    console.log(`${entry ? entry.label.toUpperCase() : 'UNLABELLED'} ${finding.key}\n  ${finding.code}\n  ${finding.message}${entry ? `\n  reason: ${entry.reason}` : ''}\n`);
  }
  const labelled = findings.length - counts.unlabelled;
  const table = precisionTable(findings, labels);
  if (process.argv.includes('--write')) {
    writeFileSync(realworldDocPath, withTable(readFileSync(realworldDocPath, 'utf8'), table));
    console.log(`wrote ${realworldDocPath}`);
  }
  console.log(`${findings.length} findings: ${counts.worth} worth, ${counts.noise} noise, ${counts.wrong} wrong, ${counts.unlabelled} unlabelled; precision ${labelled ? ((counts.worth / labelled) * 100).toFixed(0) : '-'}%`);
} finally {
  rmSync(scratch, { force: true, recursive: true });
}
