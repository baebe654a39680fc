import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { checkBuildBudgets, measureBuild, runBudgetCheck, viewCodeNameProblems } from './bundleBudget';

const size = (gzip: number) => ({ minified: gzip * 4, gzip });

test('a build within both budgets passes, with one line per budget', () => {
  const result = checkBuildBudgets({ registration: size(5000), viewCode: size(140_000), viewCodeFiles: {} });
  expect(result.ok).toBe(true);
  expect(result.message.split('\n')).toEqual([
    expect.stringMatching(
      /^Plugin registration \(every Flex start loads it\) within budget: 20,000 B minified, 5,000 B gzip/,
    ),
    expect.stringMatching(
      /^Plugin total .* within budget: 580,000 B minified, 145,000 B gzip -9 \(141\.6 KB\) <= 155\.0 KB/,
    ),
  ]);
});

test('a registration over 15 KB fails though the total is within budget', () => {
  const result = checkBuildBudgets({ registration: size(15 * 1024 + 1), viewCode: size(1000), viewCodeFiles: {} });
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(/PLUGIN REGISTRATION \(EVERY FLEX START LOADS IT\) OVER BUDGET: .* by 1 B/);
});

test('a total over 155 KB fails though the registration is small', () => {
  const result = checkBuildBudgets({ registration: size(4000), viewCode: size(155 * 1024), viewCodeFiles: {} });
  expect(result.ok).toBe(false);
  expect(result.message).toMatch(/PLUGIN TOTAL .* OVER BUDGET: .* by 4,000 B/);
});

test('measures the registration and every view code file, and refuses a build without view code', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-'));
  try {
    const bundle = path.join(dir, 'plugin.js');
    const viewDir = path.join(dir, 'view');
    fs.writeFileSync(bundle, 'a'.repeat(1000));
    fs.mkdirSync(viewDir);
    expect(runBudgetCheck(bundle, viewDir)).toBe(false);
    const code = 'b'.repeat(2000);
    const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
    const name = `view.${hash}.js`;
    fs.writeFileSync(path.join(viewDir, name), code);
    fs.writeFileSync(path.join(viewDir, `${name}.map`), 'c'.repeat(9000));
    // The registration must name it.
    expect(runBudgetCheck(bundle, viewDir)).toBe(false);
    fs.writeFileSync(bundle, `${'a'.repeat(1000)}{1:"${hash}"}`);
    const measured = measureBuild(bundle, viewDir);
    expect(measured.registration.minified).toBe(1022);
    expect(Object.keys(measured.viewCodeFiles)).toEqual([name]);
    expect(measured.viewCode.minified).toBe(2000);
    expect(runBudgetCheck(bundle, viewDir)).toBe(true);
    // Named by anything but its content: refused.
    fs.writeFileSync(path.join(viewDir, name), `${code}x`);
    expect(viewCodeNameProblems(bundle, viewDir)).toEqual([expect.stringMatching(/is not named by its content/)]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
