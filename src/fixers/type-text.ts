/** Writing a type out as source text that compiles where a fix puts it. */
import type ts from 'typescript';

import { typescript } from '../util/deps.js';

const TYPE_KEYWORDS = new Set([
  'bigint', 'boolean', 'false', 'keyof', 'never', 'null', 'number', 'object', 'readonly', 'string',
  'symbol', 'true', 'typeof', 'undefined', 'unique', 'unknown', 'void',
]);

/**
 * `type` as text (never truncated) that means the same type at `location`: `null` when it would
 * not — `any`, an `import(…)` type, a truncated one, or one naming a type that is not in scope there.
 */
export function typeTextAt(checker: ts.TypeChecker, type: ts.Type, location: ts.Node): string | null {
  const text = checker.typeToString(type, undefined, typescript.TypeFormatFlags.NoTruncation);
  if (/\bimport\(|\.\.\.|\bany\b/u.test(text)) return null;
  let inScope: Set<string> | undefined;
  // The inside of string literal types (`'circle'`) names no type.
  const names = text.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/gu, '""');
  for (const match of names.matchAll(/([A-Za-z_$][\w$]*)(\??:)?/gu)) {
    const name = match[1]!;
    if (match[2] || TYPE_KEYWORDS.has(name)) continue; // a property name, or a keyword
    inScope ??= new Set(checker.getSymbolsInScope(location, typescript.SymbolFlags.Type).map((symbol) => symbol.name));
    if (!inScope.has(name)) return null;
  }
  return text;
}
