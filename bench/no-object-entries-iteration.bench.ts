import { defineBench, ratioRange } from './harness.js';

/** 100 records of `keys` numeric fields each, parsed from JSON like a request body or a row. */
function records(keys: number): Record<string, number>[] {
  const fields = Array.from({ length: keys }, (_, i) => `"field${i}":${i}`).join(',');
  return Array.from({ length: 100 }, () => JSON.parse(`{${fields}}`) as Record<string, number>);
}

const SIZES = [4, 20, 100];

export default defineBench({
  rule: 'no-object-entries-iteration',
  groups: [
    {
      id: 'entries',
      title: '`for (const [k, v] of Object.entries(o))` over 100 records of n keys',
      baseline: 'entries',
      sizes: SIZES,
      cases: [
        {
          id: 'entries',
          label: '`for (const [k, v] of Object.entries(o))`',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) for (const [k, v] of Object.entries(o)) total += k.length + v;
              return total;
            };
          },
        },
        {
          id: 'keys',
          label: '`for (const k of Object.keys(o)) { const v = o[k]; … }` (the fix)',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) {
                for (const k of Object.keys(o)) {
                  const v = o[k]!;
                  total += k.length + v;
                }
              }
              return total;
            };
          },
        },
        {
          id: 'for-in',
          label: '`for (const k in o) if (Object.hasOwn(o, k)) { const v = o[k]; … }`',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) {
                for (const k in o) {
                  if (!Object.hasOwn(o, k)) continue;
                  const v = o[k]!;
                  total += k.length + v;
                }
              }
              return total;
            };
          },
        },
      ],
    },
    {
      id: 'values',
      title: '`for (const v of Object.values(o))` over 100 records of n keys',
      baseline: 'values',
      sizes: SIZES,
      cases: [
        {
          id: 'values',
          label: '`for (const v of Object.values(o))`',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) for (const v of Object.values(o)) total += v;
              return total;
            };
          },
        },
        {
          id: 'keys',
          label: '`for (const k of Object.keys(o)) { const v = o[k]; … }`',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) {
                for (const k of Object.keys(o)) {
                  const v = o[k]!;
                  total += v;
                }
              }
              return total;
            };
          },
        },
      ],
    },
    {
      id: 'for-each',
      title: '`Object.entries(o).forEach(([k, v]) => …)` over 100 records of n keys',
      baseline: 'for-each',
      sizes: SIZES,
      cases: [
        {
          id: 'for-each',
          label: '`Object.entries(o).forEach(([k, v]) => …)`',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) {
                Object.entries(o).forEach(([k, v]) => {
                  total += k.length + v;
                });
              }
              return total;
            };
          },
        },
        {
          id: 'keys',
          label: '`for (const k of Object.keys(o)) { const v = o[k]; … }` (the fix)',
          prepare: (n) => {
            const rs = records(n);
            return () => {
              let total = 0;
              for (const o of rs) {
                for (const k of Object.keys(o)) {
                  const v = o[k]!;
                  total += k.length + v;
                }
              }
              return total;
            };
          },
        },
      ],
    },
  ],
  figures: {
    entriesKeys: (r) => ratioRange(Object.values(r.entries!).map((row) => row.keys!.timeRatio)),
    entriesKeysBytes: (r) => ratioRange(Object.values(r.entries!).map((row) => row.keys!.allocRatio)),
    entriesForIn: (r) => ratioRange(Object.values(r.entries!).map((row) => row['for-in']!.timeRatio)),
    valuesKeys: (r) => ratioRange(Object.values(r.values!).map((row) => row.keys!.timeRatio)),
    valuesKeysBytes: (r) => ratioRange(Object.values(r.values!).map((row) => row.keys!.allocRatio)),
    forEachKeys: (r) => ratioRange(Object.values(r['for-each']!).map((row) => row.keys!.timeRatio)),
    forEachKeysBytes: (r) => ratioRange(Object.values(r['for-each']!).map((row) => row.keys!.allocRatio)),
  },
});
