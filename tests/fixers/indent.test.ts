import { describe, expect, it } from 'vitest';

import { getIndent } from '../../src/fixers/index.js';
import { inspect, nodeByText } from '../helpers/nodes.js';

describe('getIndent', () => {
  it('is the whitespace that starts the line the node starts on', () => {
    const code = 'a();\nfunction f() {\n    b();\n\tif (x) {\n\t\tc(); d();\n\t}\n  const y = [\n    1,\n  ];\n}';
    inspect(code, (context, program) => {
      const at = (type: 'CallExpression' | 'ArrayExpression' | 'IfStatement', text: string) => getIndent(context.sourceCode, nodeByText(context.sourceCode, program, type, text));
      expect(at('CallExpression', 'a()')).toBe('');
      expect(at('CallExpression', 'b()')).toBe('    ');
      expect(at('IfStatement', 'if (x) {\n\t\tc(); d();\n\t}')).toBe('\t');
      expect(at('CallExpression', 'c()')).toBe('\t\t');
      // Not first on its line: still the line's indentation.
      expect(at('CallExpression', 'd()')).toBe('\t\t');
      // A node spanning lines: the line it starts on.
      expect(at('ArrayExpression', '[\n    1,\n  ]')).toBe('  ');
    });
  });
});
