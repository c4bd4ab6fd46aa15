// The example service under load, for `npm run demo:profile` (docs/profile-guided.md): seeds
// orders, starts the server on a free port and requests each route in turn.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

import { orders, start } from '../src/server.js';

const ORDERS = Number(process.argv[2] ?? 2000);
const ROUNDS = Number(process.argv[3] ?? 40);
const STATUSES = ['open', 'paid', 'shipped'] as const;

for (let id = 0; id < ORDERS; id++) {
  orders.push({ customer: `customer ${id % 97}`, id, status: STATUSES[id % 3]!, total: (id * 7.31) % 500 });
}

const server = start(0);
await once(server, 'listening');
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
let bytes = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const route of ['/orders.csv', '/summary', '/replication']) {
    const response = await fetch(base + route);
    bytes += (await response.arrayBuffer()).byteLength;
  }
}
server.close();
console.log(`${ROUNDS} rounds, ${bytes} bytes served`);
