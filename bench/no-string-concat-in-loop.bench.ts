import type { GroupResults, SuiteResults } from './harness.js';
import { defineBench, ratioRange, sink } from './harness.js';

/** Realistic short parts, like CSV cells or log fragments; every 7th ends with `;`. */
function makeParts(n: number): string[] {
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = i % 7 === 6 ? `v${i};` : `v${i},`;
  return parts;
}

const SIZES = [10, 1_000, 10_000];

export default defineBench({
  rule: 'no-string-concat-in-loop',
  groups: [
    {
      id: 'builders',
      title: 'Building a string from n parts (read once at the end)',
      baseline: 'plus-equals',
      sizes: SIZES,
      cases: [
        {
          id: 'plus-equals',
          label: '`s += part`',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              for (const part of parts) s += part;
              return s.charCodeAt(s.length - 1); // the one read a built string always gets
            };
          },
        },
        {
          id: 'template',
          label: '`` s = `${s}${part}` ``',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              for (const part of parts) s = `${s}${part}`;
              return s.charCodeAt(s.length - 1);
            };
          },
        },
        {
          id: 'concat',
          label: '`s = s.concat(part)`',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              for (const part of parts) s = s.concat(part);
              return s.charCodeAt(s.length - 1);
            };
          },
        },
        {
          id: 'push-join',
          label: '`list.push(part)` + `list.join(\'\')`',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              const list: string[] = [];
              for (const part of parts) list.push(part);
              const s = list.join('');
              return s.charCodeAt(s.length - 1);
            };
          },
        },
      ],
    },
    {
      id: 'read-last-char',
      title: 'Reading the last character after every append',
      baseline: 'read-accumulator',
      sizes: SIZES,
      cases: [
        {
          id: 'read-accumulator',
          label: '`s += part; s.charCodeAt(s.length - 1)`',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              let semicolons = 0;
              for (const part of parts) {
                s += part;
                if (s.charCodeAt(s.length - 1) === 59) semicolons++;
              }
              sink(s);
              return semicolons;
            };
          },
        },
        {
          id: 'read-part',
          label: '`s += part; part.charCodeAt(part.length - 1)`',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              let semicolons = 0;
              for (const part of parts) {
                s += part;
                if (part.length > 0 && part.charCodeAt(part.length - 1) === 59) semicolons++;
              }
              sink(s);
              return semicolons;
            };
          },
        },
        {
          id: 'length-only',
          label: '`s += part; s.length` (no flattening)',
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              let total = 0;
              for (const part of parts) {
                s += part;
                total += s.length;
              }
              sink(s);
              return total;
            };
          },
        },
      ],
    },
    {
      id: 'read-ends-with',
      title: 'Checking how the string ends after every append',
      baseline: 'read-accumulator',
      sizes: SIZES,
      cases: [
        {
          id: 'read-accumulator',
          label: "`s += part; s.endsWith(';')`",
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              let count = 0;
              for (const part of parts) {
                s += part;
                if (s.endsWith(';')) count++;
              }
              sink(s);
              return count;
            };
          },
        },
        {
          id: 'track-flag',
          label: "`s += part; last = part.endsWith(';')` (running flag)",
          prepare(n) {
            const parts = makeParts(n);
            return () => {
              let s = '';
              let count = 0;
              let endsWithSemicolon = false;
              for (const part of parts) {
                s += part;
                if (part.length > 0) endsWithSemicolon = part.endsWith(';');
                if (endsWithSemicolon) count++;
              }
              sink(s);
              return count;
            };
          },
        },
      ],
    },
    {
      id: 'read-includes',
      title: 'Asking whether the string already contains an item, after every append',
      baseline: 'read-accumulator',
      sizes: SIZES,
      cases: [
        {
          id: 'read-accumulator',
          label: '`if (!s.includes(item)) s += item`',
          prepare(n) {
            const items = makeParts(n).map((part, i) => (i % 3 === 0 ? 'v0,' : part));
            return () => {
              let s = '';
              for (const item of items) if (!s.includes(item)) s += item;
              return s.length;
            };
          },
        },
        {
          id: 'set',
          label: '`if (!seen.has(item)) { seen.add(item); s += item }`',
          prepare(n) {
            const items = makeParts(n).map((part, i) => (i % 3 === 0 ? 'v0,' : part));
            return () => {
              let s = '';
              const seen = new Set<string>();
              for (const item of items) {
                if (!seen.has(item)) {
                  seen.add(item);
                  s += item;
                }
              }
              return s.length;
            };
          },
        },
      ],
    },
  ],
  figures: {
    /** How much slower collecting parts and joining is than `+=` (the remedy the rule never offers). */
    pushJoinSlowdown: (results) => ratioRange(timeRatios(results.builders!, 'push-join')),
    /** The read-after-append slowdown over the rewrite that reads the part, at 1,000 and 10,000. */
    lastCharSlowdown1k: (results) => lastCharSlowdown(results, '1000'),
    lastCharSlowdown10k: (results) => lastCharSlowdown(results, '10000'),
    lastCharAlloc10k: (results) => {
      const row = results['read-last-char']!['10000']!;
      return `${(row['read-accumulator']!.bytes / 1024 / 1024).toFixed(0)} MiB`;
    },
  },
});

function timeRatios(group: GroupResults, caseId: string): number[] {
  return Object.values(group).map((row) => row[caseId]!.timeRatio);
}

function lastCharSlowdown(results: SuiteResults, size: string): string {
  const row = results['read-last-char']![size]!;
  return ratioRange([row['read-accumulator']!.timeNs / row['read-part']!.timeNs]);
}

