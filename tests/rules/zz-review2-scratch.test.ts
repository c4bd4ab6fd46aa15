import { Linter } from 'eslint';
import * as parser from '@typescript-eslint/parser';
import fs from 'node:fs';
import { it } from 'vitest';
import plugin from '../../src/index.js';

it('scratch', () => {
  const cases: { rule: string; code: string }[] = JSON.parse(fs.readFileSync(process.env.CASES ?? '/tmp/rv/cases.json', 'utf8'));
  const out: string[] = [];
  for (const [i, { rule, code }] of cases.entries()) {
    const linter = new Linter({ configType: 'flat' });
    const config: any = [{
      files: ['**/*.ts'],
      plugins: { alloc: plugin as any },
      languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: '/work/main/tests/fixtures' } },
      rules: { ['alloc/' + rule]: 'error' },
    }];
    const filename = '/work/main/tests/fixtures/file.ts';
    out.push(`=== case ${i} [${rule}]\n${code}`);
    try {
      const msgs = linter.verify(code, config, filename);
      for (const m of msgs) {
        out.push(`  MSG ${m.line}:${m.column} ${m.ruleId} fix=${!!m.fix} ${m.fatal ? 'FATAL ' : ''}${m.message.slice(0, 110)}`);
        for (const s of m.suggestions ?? []) {
          const t = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
          out.push(`  SUGG ${s.desc}\n---\n${t}\n---`);
        }
      }
      const r = linter.verifyAndFix(code, config, filename);
      if (r.fixed) { out.push(`  FIXED:\n---\n${r.output}\n---`); fs.mkdirSync('/tmp/rv/pairs', { recursive: true }); fs.writeFileSync(`/tmp/rv/pairs/${i}.before.ts`, 'export {};\n' + code); fs.writeFileSync(`/tmp/rv/pairs/${i}.after.ts`, 'export {};\n' + r.output); }
    } catch (e: any) {
      out.push(`  CRASH ${e.stack?.split('\n').slice(0, 6).join('\n')}`);
    }
  }
  fs.writeFileSync(process.env.OUT ?? '/tmp/rv/out.txt', out.join('\n'));
});
