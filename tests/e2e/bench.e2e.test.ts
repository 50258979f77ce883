/**
 * `npm run bench` still works: its quick mode (a smaller page, one run) prints the contract
 * object. Timings are not asserted here (CI machines vary); docs/BENCHMARKS.md holds the figures.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from './harness/paths';

const CONTRACT_FIELDS = [
  'floor_ms',
  'annotate_ms',
  'ratio_to_floor',
  'complete_ms',
  'longest_task_ms',
  'mentions',
  'empty_page_overhead_ms',
  'hover_to_card_ms',
  'search_p95_ms',
  'search_p95_ms_10x',
  'content_script_gzip_kb',
];

it('bench --quick --json prints one object with every contract field', async () => {
  const { stdout } = await promisify(execFile)(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'),
    [join(PROJECT_ROOT, 'scripts', 'bench.ts'), '--quick', '--json'],
    { cwd: PROJECT_ROOT, maxBuffer: 10_000_000 },
  );
  const report = JSON.parse(stdout);
  for (const field of CONTRACT_FIELDS) {
    expect(Number.isFinite(report[field]), field).toBe(true);
    expect(report[field], field).toBeGreaterThanOrEqual(0);
  }
  expect(report.mentions).toBeGreaterThan(1000);
  expect(report.floor_ms).toBeGreaterThan(0);
  expect(report.baseline.mark_js_marks).toBeGreaterThan(0);
}, 300_000);
