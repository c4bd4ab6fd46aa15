/** `fooBar` → `FOO_BAR`, for module-level constant names derived from local names. */
export function constantCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1_$2')
    .replace(/[^A-Za-z0-9]+/gu, '_')
    .toUpperCase();
}

/** Source text shortened for a message: at most 40 characters. */
export function shorten(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
