// Lint (with the layer rules of DESIGN.md) and the type checks are part of the
// test run, so a layering violation or a type error fails `npm test`.
import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('static checks', () => {
  it('lint finds no problems, layer rules included', { timeout: 180_000 }, async () => {
    const eslint = new ESLint({ cwd: process.cwd() });
    const results = await eslint.lintFiles(['.']);
    const problems = results.flatMap((r) =>
      r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`),
    );
    expect(problems).toEqual([]);
  });

  for (const project of ['tsconfig.node.json', 'tsconfig.web.json']) {
    it(`${project} type-checks`, { timeout: 180_000 }, () => {
      let output = '';
      try {
        execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', project], { encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout ?? error);
      }
      expect(output).toBe('');
    });
  }
});
