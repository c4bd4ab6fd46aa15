// CSV/report export. Plain appends are fine in V8; reading the string being built is not.
import type { Order } from './transform.js';

const HEADER = ['id', 'customer', 'total', 'status'];

function escapeCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function exportCsv(orders: readonly Order[]): string {
  let csv = HEADER.join(',') + '\n';
  for (const order of orders) {
    const cells = [String(order.id), escapeCell(order.customer), order.total.toFixed(2), order.status];
    for (const cell of cells) {
      csv += cell + ',';
    }
    // Reads the whole CSV so far on every row: quadratic in the export's size.
    if (csv.endsWith(',')) csv = csv.slice(0, -1);
    csv += '\n';
  }
  return csv;
}

/** A text report; the de-duplication check scans everything written so far. */
export function customerList(orders: readonly Order[]): string {
  let text = '';
  orders.forEach((order) => {
    if (!text.includes(order.customer)) text += `${order.customer}\n`;
  });
  return text;
}

/** Fine: appended in the loop, read once after it. */
export function statusLine(orders: readonly Order[]): string {
  let line = '';
  for (const order of orders) line += order.status[0];
  return line.toUpperCase();
}
