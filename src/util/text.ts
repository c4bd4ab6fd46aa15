/** Text for messages and generated names. Imports nothing of the plugin (the bottom layer). */
/** `fooBar` → `FOO_BAR`, for module-level constant names derived from local names. */
export function constantCase(name: string): string {
  const text = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1_$2')
    .replace(/[^A-Za-z0-9]+/gu, '_')
    .replace(/^_+|_+$/gu, '')
    .toUpperCase();
  // Always a valid identifier: `2fa` → `_2FA`, nothing left → `VALUE`.
  if (text === '') return 'VALUE';
  return /^[0-9]/u.test(text) ? `_${text}` : text;
}

/** Source text shortened for a message: at most 40 characters. */
export function shorten(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
}
