import { defineBench, formatBytes, formatTime, ratioRange } from './harness.js';

const STATUS = { ok: true, service: 'orders', version: 3, features: ['csv', 'summary'] };

interface Order {
  id: number;
  customer: string;
  total: number;
  tags: string[];
}

function orders(n: number): Order[] {
  return Array.from({ length: n }, (_, i) => ({ customer: `c${i % 97}`, id: i, tags: ['a', 'b'], total: i * 1.5 }));
}

export default defineBench({
  rule: 'no-json-stringify-in-hot-path',
  groups: [
    {
      id: 'constant',
      title: 'A constant response body, per request',
      baseline: 'per-call',
      sizes: [1],
      cases: [
        { id: 'per-call', label: '`JSON.stringify(STATUS)` in the handler', prepare: () => () => JSON.stringify(STATUS) },
        {
          id: 'hoisted',
          label: '`const STATUS_JSON = JSON.stringify(STATUS)` at module level (the autofix)',
          prepare: () => {
            const json = JSON.stringify(STATUS);
            return () => json;
          },
        },
      ],
    },
    {
      id: 'twice',
      title: 'The same value stringified for the log and for the response',
      baseline: 'twice',
      sizes: [1, 100],
      cases: [
        {
          id: 'twice',
          label: '`log(JSON.stringify(page)); send(JSON.stringify(page))`',
          prepare: (n) => {
            const page = orders(n);
            return () => JSON.stringify(page).length + JSON.stringify(page).length;
          },
        },
        {
          id: 'once',
          label: '`const body = JSON.stringify(page); log(body); send(body)`',
          prepare: (n) => {
            const page = orders(n);
            return () => {
              const body = JSON.stringify(page);
              return body.length + body.length;
            };
          },
        },
      ],
    },
    {
      id: 'clone',
      title: 'Deep-copying records',
      baseline: 'json',
      sizes: [1, 100, 10_000],
      cases: [
        {
          id: 'json',
          label: '`JSON.parse(JSON.stringify(records))`',
          prepare: (n) => {
            const records = orders(n);
            return () => JSON.parse(JSON.stringify(records)) as Order[];
          },
        },
        {
          id: 'structured-clone',
          label: '`structuredClone(records)`',
          prepare: (n) => {
            const records = orders(n);
            return () => structuredClone(records);
          },
        },
        {
          id: 'shape-copy',
          label: '`records.map((o) => ({ ...o, tags: [...o.tags] }))` (a shape-specific copy)',
          prepare: (n) => {
            const records = orders(n);
            return () => records.map((o) => ({ ...o, tags: [...o.tags] }));
          },
        },
      ],
    },
  ],
  figures: {
    constantPerCall: (r) => formatTime(r.constant!['1']!['per-call']!.timeNs),
    constantBytes: (r) => formatBytes(r.constant!['1']!['per-call']!.bytes),
    onceRatio: (r) => ratioRange(Object.values(r.twice!).map((row) => row.once!.timeRatio)),
    structuredCloneRatio: (r) => ratioRange(Object.values(r.clone!).map((row) => row['structured-clone']!.timeRatio)),
    shapeCopyRatio: (r) => ratioRange(Object.values(r.clone!).map((row) => row['shape-copy']!.timeRatio)),
  },
});
