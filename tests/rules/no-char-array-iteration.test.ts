import { describe, expect, it } from 'vitest';

import type { MessageIds, Options } from '../../src/rules/no-char-array-iteration.js';
import rule from '../../src/rules/no-char-array-iteration.js';
import { createTypedRuleTester } from '../rule-tester.js';
import { RuleCases } from '../helpers/cases.js';

const ruleTester = createTypedRuleTester();
const cases = new RuleCases<MessageIds, Options>();
const STRICT: Options = [{ minIterations: 0, reportRareCode: true }];

/** A function `f(s)` whose body is `body`, called on ASCII, accented and astral input. */
function walker(body: string, call = 'f("a_b-c") + "|" + f("é_😀-") + "|" + f("")'): string {
  return `export function f(s: string) {\n  const out: string[] = [];\n${body}\n  return out.join(",");\n}\nconst result = ${call};`;
}

const SPLIT_FOR_OF = walker('  for (const c of s.split("")) {\n    out.push(c);\n  }');
const SPLIT_INDEX = walker('  for (let i = 0; i < s.length; i++) {\n    const c = s[i];\n    out.push(c);\n  }');

ruleTester.run('no-char-array-iteration', rule, {
  valid: [
    // Lookalikes: a user object with split, `any`, an array spread, Array.from of an array, a separator that is not empty.
    'const text = { split(sep: string) { return [sep]; } };\nexport function f() {\n  for (const c of text.split("")) console.log(c);\n}',
    'export function f(s: any) {\n  for (const c of s.split("")) console.log(c);\n}',
    'export function f(xs: string[]) {\n  for (const x of [...xs]) console.log(x);\n}',
    'export function f(x: string | string[]) {\n  for (const c of [...x]) console.log(c);\n}',
    'export function f(xs: string[]) {\n  Array.from(xs).forEach((x) => console.log(x));\n}',
    'export function f(s: string) {\n  for (const w of s.split(" ")) console.log(w);\n}',
    // The array is kept or used as an array.
    'export function f(s: string) {\n  const chars = s.split("");\n  return chars.reverse().join("");\n}',
    'export function f(s: string) {\n  return [...s].map((c) => c.toUpperCase());\n}',
    'export function f(s: string) {\n  const chars = s.split("");\n  for (let i = 0; i < chars.length; i++) console.log(chars[i]);\n  return chars.join("");\n}',
    'export function f(s: string) {\n  const chars = s.split("");\n  for (let i = 0; i < chars.length; i++) chars[i] = "x";\n}',
    // Once-code, test-like set-up, an error path, an awaiting loop.
    'for (const c of "abc".split("")) console.log(c);',
    'export function setupAlphabet(alphabet: string) {\n  for (const c of [...alphabet]) console.log(c);\n}',
    'export function check(s: string) {\n  if (!s) throw new Error([...s].join(","));\n}',
    'declare function save(c: string): Promise<void>;\nexport async function f(s: string) {\n  for (const c of s.split("")) await save(c);\n}',
  ],
  invalid: [
    cases.invalid({
      at: 's.split("")',
      code: SPLIT_FOR_OF,
      messageId: 'charArray',
      name: "split(''): an index loop over the same UTF-16 units (autofix)",
      output: SPLIT_INDEX,
    }),
    cases.invalid({
      at: 's.split("")',
      code: walker('  for (const c of s.split("")) out.push(c);'),
      messageId: 'charArray',
      name: 'a one-statement body gets a block',
      output: walker('  for (let i = 0; i < s.length; i++) {\n    const c = s[i];\n    out.push(c);\n  }'),
    }),
    cases.invalid({
      at: 's.split("")',
      code: walker('  s.split("").forEach((c, i) => {\n    out.push(c + i);\n  });'),
      messageId: 'charArray',
      name: 'forEach with an index: the index loop keeps it',
      output: walker('  for (let i = 0; i < s.length; i++) {\n    const c = s[i];\n    out.push(c + i);\n  }'),
    }),
    cases.invalid({
      at: '[...s]',
      code: walker('  for (const c of [...s]) out.push(c);'),
      messageId: 'charArray',
      name: '[...s]: for…of the string walks the same code points (autofix)',
      output: walker('  for (const c of s) out.push(c);'),
    }),
    cases.invalid({
      at: '[...s]',
      code: walker('  for (const c of [...s]) if (c === "_" || c === "-") out.push(c);'),
      messageId: 'charArray',
      name: '[...s] with a body that acts only on one-unit literals: the faster index loop (autofix)',
      output: walker('  for (let i = 0; i < s.length; i++) {\n    const c = s[i];\n    if (c === "_" || c === "-") out.push(c);\n  }'),
    }),
    cases.invalid({
      at: 'Array.from(s)',
      code: walker('  Array.from(s).forEach((c) => out.push(c));'),
      messageId: 'charArray',
      name: 'Array.from(s).forEach: for…of the string (autofix)',
      output: walker('  for (const c of s) {\n    out.push(c);\n  }'),
    }),
    cases.invalid({
      at: '[...s]',
      code: walker('  [...s].forEach((c, i) => out.push(c + i));'),
      messageId: 'charArray',
      name: 'a forEach index over code points: reported, nothing offered',
      output: null,
    }),
    cases.invalid({
      at: 'line.trim().split("")',
      code: walker('  const line = s;\n  for (const c of line.trim().split("")) if (c === "_" || c === "-") out.push(c);'),
      messageId: 'charArray',
      name: 'an expression receiver, a body that acts only on one-unit literals: for…of is the same (autofix)',
      output: walker('  const line = s;\n  for (const c of line.trim()) if (c === "_" || c === "-") out.push(c);'),
    }),
    cases.invalid({
      at: 's.trim().split("")',
      code: walker('  for (const c of s.trim().split("")) out.push(c);', 'f(" a_b ")'),
      messageId: 'charArray',
      name: 'an expression receiver and a body that sees every unit: for…of only as a suggestion',
      output: null,
      suggestions: [{ messageId: 'suggestForOf', output: walker('  for (const c of s.trim()) out.push(c);', 'f(" a_b ")') }],
    }),
    cases.invalid({
      at: 'word.split("")',
      code: 'export function count(words: string[]) {\n  let n = 0;\n  for (const word of words) {\n    for (const c of word.split("")) if (c === "a") n++;\n  }\n  return n;\n}\nconst result = count(["banana", "apple"]);',
      messageId: 'charArray',
      name: 'nested in a loop over words; a body without the element',
      output: 'export function count(words: string[]) {\n  let n = 0;\n  for (const word of words) {\n    for (let i = 0; i < word.length; i++) {\n      const c = word[i];\n      if (c === "a") n++;\n    }\n  }\n  return n;\n}\nconst result = count(["banana", "apple"]);',
    }),
    cases.invalid({
      at: 's.split("")',
      code: walker('  s.split("").forEach((c) => {\n    if (!c) return;\n    out.push(c);\n  });'),
      messageId: 'charArray',
      name: 'a forEach callback that returns: reported, nothing offered',
      output: null,
    }),
    cases.invalid({
      at: 's.split("")',
      code: 'export function f(s: string) {\n  let n = 0;\n  for (const c of s.split("")) { n += c.length; s = "x"; }\n  return n;\n}\nconst result = f("abc");',
      messageId: 'charArray',
      name: 'the loop reassigns the string: no index loop; for…of as a suggestion',
      output: null,
      suggestions: [{ messageId: 'suggestForOf', output: 'export function f(s: string) {\n  let n = 0;\n  for (const c of s) { n += c.length; s = "x"; }\n  return n;\n}\nconst result = f("abc");' }],
    }),
    cases.invalid({
      at: 's.split("")',
      code: walker('  for (const c of s.split("")) {\n    const s = c + c;\n    out.push(s);\n  }', 'f("a_b-c")'),
      messageId: 'charArray',
      name: 'the body shadows the string: no index loop (its s would be the inner one); for…of as a suggestion',
      output: null,
      suggestions: [{ messageId: 'suggestForOf', output: walker('  for (const c of s) {\n    const s = c + c;\n    out.push(s);\n  }', 'f("a_b-c")') }],
    }),
    cases.invalid({
      at: 's.split("")',
      code: walker('  const chars = s.split("");\n  for (let i = 0; i < chars.length; i++) {\n    if (chars[i] !== "_") out.push(chars[i] + i);\n  }'),
      messageId: 'charArray',
      name: 'an index loop over the array: the string itself, the declaration dropped (autofix)',
      output: walker('  for (let i = 0; i < s.length; i++) {\n    if (s[i] !== "_") out.push(s[i] + i);\n  }'),
    }),
    cases.invalid({
      at: '[...s]',
      code: walker('  const chars = [...s];\n  for (let i = 0; i < chars.length; i++) out.push(chars[i] + i);'),
      messageId: 'charArray',
      name: 'an index loop over code points: reported, nothing offered (s[i] would be units)',
      output: null,
    }),
    cases.invalid({
      at: 'text.split("")',
      code: 'let text = "ab";\nfunction change() { text = "xyz"; }\nexport function f() {\n  const out: string[] = [];\n  for (const c of text.split("")) { change(); out.push(c); }\n  return out.join("");\n}\nconst result = f();',
      messageId: 'charArray',
      name: 'a module-level let another function assigns: no index loop; for…of as a suggestion',
      output: null,
      suggestions: [{ messageId: 'suggestForOf', output: 'let text = "ab";\nfunction change() { text = "xyz"; }\nexport function f() {\n  const out: string[] = [];\n  for (const c of text) { change(); out.push(c); }\n  return out.join("");\n}\nconst result = f();' }],
    }),
    cases.invalid({
      at: '[..."abc"]',
      code: 'const out: string[] = [];\nfor (const c of [..."abc"]) out.push(c);\nconst result = out;',
      messageId: 'charArray',
      name: 'strict options: module level',
      options: STRICT,
      output: 'const out: string[] = [];\nfor (const c of "abc") out.push(c);\nconst result = out;',
    }),
  ],
});

cases.register('no-char-array-iteration');

describe('no-char-array-iteration: units and code points', () => {
  it("split('') gives UTF-16 units, spread and for…of give code points", () => {
    const s = 'a😀';
    expect(s.split('')).toHaveLength(3);
    expect([...s]).toHaveLength(2);
    expect(Array.from(s)).toEqual([...s]);
    const walked: string[] = [];
    for (const c of s) walked.push(c);
    expect(walked).toEqual([...s]);
  });

  it('a body that acts only on one-unit literals does the same over units and code points', () => {
    const s = 'é_😀-x';
    const units = s.split('').filter((c) => c === '_' || c === '-');
    const points = [...s].filter((c) => c === '_' || c === '-');
    expect(units).toEqual(points);
  });
});
