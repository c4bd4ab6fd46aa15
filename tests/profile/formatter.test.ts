import { describe, expect, it } from 'vitest';

import formatter from '../../src/formatter.js';

const message = (line: number, ruleId: string, text: string, severity = 2) => ({ column: 3, line, message: text, ruleId, severity });

describe('the ranking formatter', () => {
  it('groups findings by the function the profile measured, heaviest first; ties on the rounded share go by the amount', () => {
    const output = formatter(
      [
        {
          filePath: '/app/src/a.ts',
          messages: [
            message(9, 'alloc/x', 'Small. Profile: `small` allocates 3.49 MiB (0.2%) in alloc.heapprofile.'),
            message(4, 'alloc/y', 'Big. Profile: the anonymous function at line 3 allocates 4.22 MiB (0.2%) in alloc.heapprofile.'),
            message(20, 'other/rule', 'Not ours.', 1),
            message(30, 'alloc/x', 'Top. Profile: `top` allocates 2.18 GiB (97.1%) in alloc.heapprofile.'),
            message(31, 'alloc/y', 'Top again. Profile: `top` allocates 2.18 GiB (97.1%) in alloc.heapprofile.'),
          ],
        },
      ],
      { cwd: '/app' },
    );
    expect(output).toBe(
      [
        'Findings in profiled functions, heaviest first (settings.alloc.profile); paths relative to /app:',
        '',
        'src/a.ts  `top` allocates 2.18 GiB (97.1%) in alloc.heapprofile',
        '  src/a.ts:30:3  error  alloc/x  Top.',
        '  src/a.ts:31:3  error  alloc/y  Top again.',
        '',
        'src/a.ts  the anonymous function at line 3 allocates 4.22 MiB (0.2%) in alloc.heapprofile',
        '  src/a.ts:4:3  error  alloc/y  Big.',
        '',
        'src/a.ts  `small` allocates 3.49 MiB (0.2%) in alloc.heapprofile',
        '  src/a.ts:9:3  error  alloc/x  Small.',
        '',
        'Not in a function the profile measured (1):',
        '',
        'src/a.ts',
        '  20:3  warning  Not ours.  other/rule',
        '',
        '5 problems (4 errors, 1 warning)',
        '',
      ].join('\n'),
    );
  });

  it('CPU figures, and a message without a position', () => {
    const output = formatter([
      { filePath: `${process.cwd()}/x.ts`, messages: [{ message: 'Parsing error: nope', ruleId: null, severity: 2, fatal: true }, message(2, 'alloc/x', 'Hot. Profile: `f` spends 48.0 ms (43.2%) of CPU time in app.cpuprofile.')] },
    ]);
    expect(output).toContain('x.ts  `f` spends 48.0 ms (43.2%) of CPU time in app.cpuprofile\n  x.ts:2:3  error  alloc/x  Hot.\n');
    expect(output).toContain('Not in a function the profile measured (1):\n\nx.ts\n  0:0  error  Parsing error: nope\n');
  });

  it('no finding carries a profile figure (no profile configured): the usual report, grouped by file like stylish', () => {
    const output = formatter(
      [
        {
          filePath: '/app/src/report.ts',
          fixableErrorCount: 1,
          fixableWarningCount: 0,
          messages: [
            message(5, 'alloc/no-string-concat-in-loop', '`out` is built by concatenation in the loop at line 3 and read there by `out.endsWith()`.'),
            { column: 12, line: 14, message: 'Prefer a presized array.', ruleId: 'alloc/prefer-presized-array', severity: 1 },
          ],
        },
        { filePath: '/app/src/clean.ts', messages: [] },
        { filePath: '/app/src/broken.ts', messages: [{ fatal: true, message: 'Parsing error: Unexpected token', ruleId: null, severity: 2 }] },
      ],
      { cwd: '/app' },
    );
    expect(output).toBe(
      [
        '/app/src/report.ts',
        '   5:3   error    `out` is built by concatenation in the loop at line 3 and read there by `out.endsWith()`.  alloc/no-string-concat-in-loop',
        '  14:12  warning  Prefer a presized array.                                                                   alloc/prefer-presized-array',
        '',
        '/app/src/broken.ts',
        '  0:0  error  Parsing error: Unexpected token',
        '',
        '3 problems (2 errors, 1 warning)',
        '  1 error and 0 warnings potentially fixable with the `--fix` option.',
        '',
      ].join('\n'),
    );
    expect(output).not.toContain('profile');
  });

  it('nothing to report: empty output', () => {
    expect(formatter([{ filePath: '/a.ts', messages: [] }])).toBe('');
  });
});
