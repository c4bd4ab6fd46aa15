// The replication feed: each order as a fixed 24-byte record, base64 per line, for followers.
import type { Order } from './transform.js';

const STATUS_CODES = { open: 0, paid: 1, shipped: 2 } as const;

/** Once per feed response: the format's header. */
export function encodeFeedHeader(version: number): string {
  const header = Buffer.alloc(24);
  header.write('ORDERS', 0, 'latin1');
  header.writeUInt32BE(version, 8);
  return header.toString('base64');
}

/** Once per order in every feed response. */
export function encodeOrder(order: Order): string {
  const record = Buffer.alloc(24);
  record.writeUInt32BE(order.id, 0);
  record.writeDoubleBE(order.total, 4);
  record.writeUInt8(STATUS_CODES[order.status], 12);
  return record.toString('base64');
}
