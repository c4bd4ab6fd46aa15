// Data transforms over orders.
export interface Order {
  id: number;
  customer: string;
  total: number;
  status: 'open' | 'paid' | 'shipped';
}

export interface Summary {
  count: number;
  revenue: number;
  byStatus: Record<string, number>;
  customers: string[];
}

export function summarize(orders: readonly Order[]): Summary {
  const customers: string[] = [];
  for (const order of orders) {
    customers.push(order.customer.trim());
  }
  const byStatus = orders.reduce<Record<string, number>>(
    (counts, order) => ({ ...counts, [order.status]: (counts[order.status] ?? 0) + 1 }),
    {},
  );
  let revenue = 0;
  for (const order of orders) revenue += order.total;
  return { byStatus, count: orders.length, customers, revenue };
}

export function normalizeIds(ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (new RegExp('^[a-z0-9-]+$').test(id)) out.push(id.toLowerCase());
  }
  return out;
}

/** Key for grouping; builds a path and checks it against known prefixes as it goes. */
export function groupKey(parts: readonly string[], known: ReadonlySet<string>): string {
  let key = '';
  for (const part of parts) {
    key += `/${part}`;
    if (known.has(key)) return key;
  }
  return key;
}

/** The ids of a page of orders, for the response's `links` section. */
export function orderIds(orders: readonly Order[]): number[] {
  const ids: number[] = [];
  for (const order of orders) ids.push(order.id);
  return ids;
}
