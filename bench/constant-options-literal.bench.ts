/**
 * Measured for issue 16 item 6, and dropped: no rule reports it (see docs/benchmarks.md, "Measured,
 * no rule"). A constant options or headers object literal built per call, against the same object
 * hoisted to a frozen module constant, with real callees (Node's `ServerResponse#writeHead`, the
 * fetch API's `Response` and `Request` constructors) and, for contrast, a small callee V8 inlines.
 */
import http from 'node:http';
import { Socket } from 'node:net';

import type { SuiteResults } from './harness.js';
import { defineBench, formatBytes, ratioRange } from './harness.js';

const SIZES = [1_000];

const HEADERS = Object.freeze({ 'cache-control': 'no-store', 'content-type': 'application/json' });
/** The same objects hoisted but not frozen: freezing changes the object's map, which callees may read differently. */
const PLAIN_HEADERS = { 'cache-control': 'no-store', 'content-type': 'application/json' };
const PLAIN_RESPONSE_INIT = { headers: PLAIN_HEADERS, status: 200 };
const PLAIN_REQUEST_INIT = { headers: PLAIN_HEADERS, method: 'POST' };
const RESPONSE_INIT = Object.freeze({ headers: HEADERS, status: 200 });
const REQUEST_INIT = Object.freeze({ headers: HEADERS, method: 'POST' });
const BODY = '{"ok":true}';

/** A small callee that V8 inlines into the loop: it only reads the options. */
function contentTypeLength(options: { headers: Record<string, string> }): number {
  return options.headers['content-type']!.length;
}

const INLINED_OPTIONS = Object.freeze({ headers: HEADERS });

export default defineBench({
  rule: 'constant-options-literal',
  groups: [
    {
      id: 'write-head',
      title: '`res.writeHead(200, { … })` on a fresh `ServerResponse` per request',
      baseline: 'literal',
      sizes: SIZES,
      cases: [
        {
          id: 'literal',
          label: "`res.writeHead(200, { 'content-type': …, 'cache-control': … })` per request",
          prepare: (n) => {
            const req = new http.IncomingMessage(new Socket());
            return () => {
              let length = 0;
              for (let i = 0; i < n; i++) {
                const res = new http.ServerResponse(req);
                res.writeHead(200, { 'cache-control': 'no-store', 'content-type': 'application/json' });
                length += res.statusCode;
              }
              return length;
            };
          },
        },
        {
          id: 'hoisted-plain',
          label: '`res.writeHead(200, HEADERS)`, a module constant (not frozen)',
          prepare: (n) => {
            const req = new http.IncomingMessage(new Socket());
            return () => {
              let length = 0;
              for (let i = 0; i < n; i++) {
                const res = new http.ServerResponse(req);
                res.writeHead(200, PLAIN_HEADERS);
                length += res.statusCode;
              }
              return length;
            };
          },
        },
        {
          id: 'hoisted',
          label: '`res.writeHead(200, HEADERS)`, a frozen module constant',
          prepare: (n) => {
            const req = new http.IncomingMessage(new Socket());
            return () => {
              let length = 0;
              for (let i = 0; i < n; i++) {
                const res = new http.ServerResponse(req);
                res.writeHead(200, HEADERS);
                length += res.statusCode;
              }
              return length;
            };
          },
        },
      ],
    },
    {
      id: 'response',
      title: '`new Response(body, { status, headers: { … } })` per request',
      baseline: 'literal',
      sizes: SIZES,
      cases: [
        {
          id: 'literal',
          label: "`new Response(body, { status: 200, headers: { 'content-type': …, … } })`",
          prepare: (n) => () => {
            let status = 0;
            for (let i = 0; i < n; i++) {
              status += new Response(BODY, { headers: { 'cache-control': 'no-store', 'content-type': 'application/json' }, status: 200 }).status;
            }
            return status;
          },
        },
        {
          id: 'hoisted-plain',
          label: '`new Response(body, RESPONSE_INIT)`, a module constant (not frozen)',
          prepare: (n) => () => {
            let status = 0;
            for (let i = 0; i < n; i++) status += new Response(BODY, PLAIN_RESPONSE_INIT).status;
            return status;
          },
        },
        {
          id: 'hoisted',
          label: '`new Response(body, RESPONSE_INIT)`, a frozen module constant',
          prepare: (n) => () => {
            let status = 0;
            for (let i = 0; i < n; i++) status += new Response(BODY, RESPONSE_INIT).status;
            return status;
          },
        },
      ],
    },
    {
      id: 'request',
      title: "`new Request(url, { method: 'POST', headers: { … } })` per call (what `fetch` builds first)",
      baseline: 'literal',
      sizes: SIZES,
      cases: [
        {
          id: 'literal',
          label: "`new Request(url, { method: 'POST', headers: { … } })`",
          prepare: (n) => () => {
            let length = 0;
            for (let i = 0; i < n; i++) {
              length += new Request('http://127.0.0.1/items', { headers: { 'cache-control': 'no-store', 'content-type': 'application/json' }, method: 'POST' }).method.length;
            }
            return length;
          },
        },
        {
          id: 'hoisted-plain',
          label: '`new Request(url, REQUEST_INIT)`, a module constant (not frozen)',
          prepare: (n) => () => {
            let length = 0;
            for (let i = 0; i < n; i++) length += new Request('http://127.0.0.1/items', PLAIN_REQUEST_INIT).method.length;
            return length;
          },
        },
        {
          id: 'hoisted',
          label: '`new Request(url, REQUEST_INIT)`, a frozen module constant',
          prepare: (n) => () => {
            let length = 0;
            for (let i = 0; i < n; i++) length += new Request('http://127.0.0.1/items', REQUEST_INIT).method.length;
            return length;
          },
        },
      ],
    },
    {
      id: 'inlined',
      title: 'For contrast: a small callee V8 inlines, `read({ headers: { … } })`',
      baseline: 'literal',
      sizes: SIZES,
      cases: [
        {
          id: 'literal',
          label: "`read({ headers: { 'content-type': …, … } })` per call",
          prepare: (n) => () => {
            let length = 0;
            for (let i = 0; i < n; i++) length += contentTypeLength({ headers: { 'cache-control': 'no-store', 'content-type': 'application/json' } });
            return length;
          },
        },
        {
          id: 'hoisted',
          label: '`read(OPTIONS)`, a frozen module constant',
          prepare: (n) => () => {
            let length = 0;
            for (let i = 0; i < n; i++) length += contentTypeLength(INLINED_OPTIONS);
            return length;
          },
        },
      ],
    },
  ],
  figures: {
    writeHeadHoisted: (r) => hoisted(r, 'write-head'),
    responseHoisted: (r) => hoisted(r, 'response'),
    requestHoisted: (r) => hoisted(r, 'request'),
    inlinedHoisted: (r) => ratioRange([r.inlined!['1000']!.hoisted!.timeRatio]),
    /** Bytes per call of the I/O callees with the options hoisted, against the literal: what the literal is of a call's garbage. */
    ioHoistedBytes: (r) =>
      ratioRange(['write-head', 'response', 'request'].flatMap((group) => [r[group]!['1000']!.hoisted!.allocRatio, r[group]!['1000']!['hoisted-plain']!.allocRatio])),
    /** The literal's own bytes per call, in the inlined case (V8's escape analysis can remove it). */
    inlinedLiteralBytesPerCall: (r) => formatBytes(r.inlined!['1000']!.literal!.bytes / 1000),
    writeHeadLiteralBytesPerCall: (r) => formatBytes((r['write-head']!['1000']!.literal!.bytes - r['write-head']!['1000']!.hoisted!.bytes) / 1000),
  },
});

/** The time ratios of both hoisted forms (frozen and not) against the literal, as one range. */
function hoisted(results: SuiteResults, group: string): string {
  const row = results[group]!['1000']!;
  return ratioRange([row.hoisted!.timeRatio, row['hoisted-plain']!.timeRatio]);
}
