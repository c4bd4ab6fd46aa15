/**
 * The default config's findings on the real-code corpus against tests/realworld/labels.json, where
 * each was judged by reading the code (`worth` / `noise` / `wrong`, with a reason): every finding
 * must carry a label, a finding labelled `dropped` (no longer reported) must not come back, every
 * other label must still be found (a worth finding must not disappear; a noise one that does is
 * marked `dropped`), and no factually wrong finding may be reported. `npm run realworld:findings` prints them with their labels and the precision.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import type { Finding } from '../../scripts/lib/findings.js';
import { defaultFindings, precisionTable, readLabels, realworldDocPath, withTable } from '../../scripts/lib/findings.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'alloc-labels-'));
afterAll(() => rmSync(scratch, { force: true, recursive: true }));

describe('default-config findings on the real-code corpus', () => {
  const labels = readLabels();
  let findings: Finding[] = [];

  it('are found (a lint of every corpus package with `recommended-type-checked`)', async () => {
    findings = await defaultFindings(scratch);
    expect(findings.length).toBeGreaterThan(0);
  });

  it('every finding has a label with a reason', () => {
    expect(findings.filter((finding) => !labels[finding.key]).map((finding) => `${finding.key}\n  ${finding.code}\n  ${finding.message}`)).toEqual([]);
    for (const entry of Object.values(labels)) {
      expect(['noise', 'worth', 'wrong']).toContain(entry.label);
      expect(entry.reason.length).toBeGreaterThan(10);
    }
  });

  it('no dropped finding comes back, and none reported is factually wrong', () => {
    const found = new Set(findings.map((finding) => finding.key));
    expect(Object.entries(labels).filter(([key, entry]) => entry.dropped && found.has(key)).map(([key, entry]) => `${key} (${entry.label}: ${entry.reason})`)).toEqual([]);
    expect(Object.entries(labels).filter(([key, entry]) => entry.label === 'wrong' && found.has(key)).map(([key, entry]) => `${key} (${entry.reason})`)).toEqual([]);
  });

  it('only noise or wrong findings are dropped, and every label not dropped is still found', () => {
    const found = new Set(findings.map((finding) => finding.key));
    expect(Object.entries(labels).filter(([, entry]) => entry.dropped && entry.label === 'worth').map(([key]) => key)).toEqual([]);
    expect(Object.entries(labels).filter(([key, entry]) => !entry.dropped && !found.has(key)).map(([key, entry]) => `${key} (${entry.label})`)).toEqual([]);
  });

  it('docs/real-world.md states the current counts and precision (npm run realworld:findings -- --write)', () => {
    const doc = readFileSync(realworldDocPath, 'utf8');
    expect(doc).toBe(withTable(doc, precisionTable(findings, labels)));
  });
});
