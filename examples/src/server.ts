// A small HTTP service: routes requests to the report export and the data transforms.
import { createServer, type Server } from 'node:http';

import { exportCsv } from './report.js';
import { LineLog } from './log.js';
import { encodeFeedHeader, encodeOrder } from './replication.js';
import { summarize, type Order } from './transform.js';

export const orders: Order[] = [];
const log = new LineLog();

const server = createServer((request, response) => {
  const started = Date.now();
  const requestId = Buffer.alloc(8);
  requestId.writeUInt32BE(started >>> 0, 0);
  response.setHeader('x-request-id', requestId.toString('hex'));
  if (request.url === '/orders.csv') {
    response.setHeader('content-type', 'text/csv');
    response.end(exportCsv(orders));
  } else if (request.url === '/replication') {
    response.setHeader('content-type', 'text/plain');
    response.end([encodeFeedHeader(1), ...orders.map(encodeOrder)].join('\n'));
  } else if (request.url === '/summary') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(summarize(orders)));
  } else {
    response.statusCode = 404;
    response.end(JSON.stringify({ error: 'not found' }));
  }
  log.write([`${request.method ?? 'GET'} ${request.url ?? '/'} ${Date.now() - started}ms`]);
});

export function start(port: number): Server {
  return server.listen(port);
}
