/** The machine-readable forms of the maintainer commands (DESIGN.md §7) are contracts. */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const run = (script: string, ...args: string[]) =>
  execFileSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8' });

// Each case starts a tsx process over the whole dataset: seconds, more on a busy machine.
describe('maintainer commands', { timeout: 60_000 }, () => {
  it('data:stats --json prints one object with the contract fields', () => {
    const stats = JSON.parse(run('data-stats.ts', '--json'));
    for (const key of ['entities', 'deals', 'facts', 'factsWithSource']) expect(typeof stats[key]).toBe('number');
    expect(Object.keys(stats.byType)).toEqual(expect.arrayContaining(['person', 'company', 'project']));
    expect(Object.keys(stats.languages).sort()).toEqual(['en', 'ru', 'zh']);
    expect(stats.factsWithSource).toBe(stats.facts);
    for (const key of ['entitiesWithSanctions', 'sourcesWithUrl', 'factsWithOriginalSource'])
      expect(typeof stats[key]).toBe('number');
    expect(typeof stats.byType.place).toBe('number');
    const kinds = Object.values(stats.sourcesByKind) as number[];
    expect(kinds.reduce((sum, n) => sum + n, 0)).toBe(stats.sources);
  });

  it('data:review --json prints the cut-off, counts per group and findings with file and entry', () => {
    const review = JSON.parse(run('data-review.ts', '--json', '--before', '2024-01-01'));
    expect(review.cutoff).toBe('2024-01-01');
    expect(Object.keys(review.counts)).toEqual(expect.arrayContaining(['unconfirmed-deals', 'placeholder-titles']));
    expect(review.findings.length).toBe(
      Object.values(review.counts).reduce((sum: number, n) => sum + (n as number), 0),
    );
    for (const finding of review.findings.slice(0, 50))
      expect(finding.file).toMatch(/^data\/(entities|deals|sources)\//);
  });

  it('data:review, data:sample and data:candidates print their usage for --help, and refuse an unknown option in a line', () => {
    for (const script of ['data-review.ts', 'data-sample.ts', 'data-candidates.ts']) {
      const help = spawnSync(tsx, [join(root, 'scripts', script), '--help'], { cwd: root, encoding: 'utf8' });
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^usage: npm run data:/);
      const wrong = spawnSync(tsx, [join(root, 'scripts', script), '--no-such-option'], {
        cwd: root,
        encoding: 'utf8',
      });
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toMatch(/^Unknown option '--no-such-option'.*\nusage: npm run data:/);
      expect(wrong.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('annotate --json prints exactly one array with the contract fields and exact offsets', () => {
    const file = join(root, 'tests', 'fixtures', 'pages', 'plain-article.html');
    const output = run('annotate.ts', '--json', file);
    const parsed = JSON.parse(output);
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(1);
    expect(parsed[0].file).toBe(file);
    const mentions = parsed[0].mentions;
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) {
      expect(Object.keys(mention).sort()).toEqual(['end', 'id', 'name', 'start', 'text', 'type']);
    }
    expect(mentions.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining(['vladimir-putin', 'gazprom', 'power-of-siberia', 'power-of-siberia-2']),
    );
  });
});
