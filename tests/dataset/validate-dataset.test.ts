import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../scripts/lib/load-dataset';
import { MAX_ALIAS_LENGTH } from '../../utils/dataset/limits';
import { type DataFile, formatProblem, validateDataset } from '../../utils/dataset/validate-dataset';

const TODAY = '2026-11-23';

const source = {
  publisher: 'Reuters',
  kind: 'wire',
  title: 'A headline',
  date: '2019-12-02',
  url: 'https://www.reuters.com/a',
};

function entity(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    type: 'company',
    country: 'RU',
    names: { en: id.toUpperCase().replace(/-/g, ' ') },
    summary: { en: 'A company.' },
    facts: [{ text: 'Founded.', asOf: '1993', sources: ['src-a'] }],
    ...extra,
  };
}

function deal(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    title: { en: 'A deal' },
    date: '2019-06-05',
    parties: ['alpha'],
    sector: 'gas',
    statuses: [{ status: 'signed', date: '2019-06-05', sources: ['src-a'] }],
    summary: { en: 'Signed.' },
    confidence: 'high',
    sources: ['src-a'],
    ...extra,
  };
}

function files(options: { entities?: object[]; deals?: object[]; sources?: Record<string, unknown> } = {}): DataFile[] {
  const entities = options.entities ?? [entity('alpha')];
  return [
    { path: 'data/sources/test.yaml', kind: 'sources', data: options.sources ?? { 'src-a': source } },
    ...entities.map((data) => ({
      path: `data/entities/${(data as { id: string }).id}.yaml`,
      kind: 'entity' as const,
      data,
    })),
    ...(options.deals ?? []).map((data) => ({
      path: `data/deals/${(data as { id: string }).id}.yaml`,
      kind: 'deal' as const,
      data,
    })),
  ];
}

function problemsOf(input: DataFile[]): string[] {
  return validateDataset(input, TODAY).problems.map(formatProblem);
}

describe('validateDataset', () => {
  it('accepts a well-formed dataset', () => {
    expect(problemsOf(files({ deals: [deal('2019-alpha-deal')] }))).toEqual([]);
  });

  it('reports schema errors with file, entry and field', () => {
    const problems = problemsOf(files({ entities: [entity('alpha', { type: 'planet' })] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/entities\/alpha\.yaml: alpha › type: /);
  });

  it('rejects a missing required field', () => {
    const broken = entity('alpha');
    delete (broken as Partial<typeof broken>).summary;
    expect(problemsOf(files({ entities: [broken] }))[0]).toMatch(/alpha › summary: /);
  });

  it('rejects an alias longer than the scout overlaps its text parts by', () => {
    const long = 'A'.repeat(MAX_ALIAS_LENGTH + 1);
    expect(problemsOf(files({ entities: [entity('alpha', { aliases: [long] })] }))[0]).toMatch(
      /alpha › aliases.*at most 160 characters/,
    );
    expect(problemsOf(files({ entities: [entity('alpha', { aliases: ['A'.repeat(MAX_ALIAS_LENGTH)] })] }))).toEqual([]);
  });

  it('rejects unknown fields (typos do not pass silently)', () => {
    expect(problemsOf(files({ entities: [entity('alpha', { sumary: 'x' })] }))[0]).toMatch(/alpha › sumary: /);
  });

  it('rejects duplicate ids', () => {
    const input = files();
    input.push({ path: 'data/entities/alpha.yaml', kind: 'entity', data: entity('alpha') });
    expect(problemsOf(input)).toContainEqual(
      expect.stringMatching(/alpha › id: duplicate id \(also in data\/entities\/alpha\.yaml\)/),
    );
  });

  it('requires the id to match the file name', () => {
    const input = files();
    input.push({ path: 'data/entities/beta.yaml', kind: 'entity', data: entity('gamma') });
    expect(problemsOf(input)).toContainEqual(
      expect.stringMatching(/beta\.yaml: gamma › id: must match the file name "beta"/),
    );
  });

  it('rejects ids that are not kebab-case', () => {
    expect(problemsOf(files({ entities: [entity('Alpha_Co')] }))[0]).toMatch(/id: must be kebab-case/);
  });

  it('reports dangling references in related, parties, roles and alsoNames', () => {
    const person = entity('bob', {
      type: 'person',
      roles: [{ title: 'CEO', org: 'nowhere-inc', from: '2001' }],
      related: ['ghost'],
      aliases: [{ text: 'BobAlpha', alsoNames: ['phantom'] }],
    });
    const problems = problemsOf(
      files({
        entities: [entity('alpha'), person],
        deals: [deal('2019-alpha-deal', { parties: ['alpha', 'nobody'] })],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bob › related\.0: unknown entity "ghost"/),
        expect.stringMatching(/bob › roles\.0\.org\.0: unknown organisation "nowhere-inc"/),
        expect.stringMatching(/bob › aliases\.0\.alsoNames\.0: unknown entity "phantom"/),
        expect.stringMatching(/2019-alpha-deal › parties\.1: unknown party "nobody"/),
      ]),
    );
  });

  it("rejects a notMentionedBy phrase that contains none of the entity's names", () => {
    const alpha = entity('alpha', { notMentionedBy: ['Alpha Neft', 'Beta Bank', 'alpha'] });
    const problems = problemsOf(files({ entities: [alpha] }));
    expect(problems).toEqual([
      expect.stringMatching(/alpha › notMentionedBy\.1: "Beta Bank" contains none of this entity's names/),
      expect.stringMatching(/alpha › notMentionedBy\.2: "alpha" contains none/),
    ]);
  });

  it('checks series: sources, dates and increasing periods', () => {
    const point = (period: string, sources = ['src-a']) => ({ period, value: 1, sources });
    const alpha = entity('alpha', {
      series: [
        { title: { en: 'Trade' }, unit: 'USD bn', points: [point('2020'), point('2019', ['nope']), point('2090')] },
      ],
    });
    const problems = problemsOf(files({ entities: [alpha] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/alpha › series\.0\.points\.1\.period: periods must increase \(2019 follows 2020\)/),
        expect.stringMatching(/alpha › series\.0\.points\.1\.sources\.0: unknown source "nope"/),
        expect.stringMatching(/alpha › series\.0\.points\.2\.period: date 2090 is in the future/),
      ]),
    );
  });

  it('reports citations of unknown sources', () => {
    const problems = problemsOf(
      files({ entities: [entity('alpha', { facts: [{ text: 'x', asOf: '2001', sources: ['src-a', 'src-zz'] }] })] }),
    );
    expect(problems).toContainEqual(expect.stringMatching(/alpha › facts\.0\.sources\.1: unknown source "src-zz"/));
  });

  it('rejects facts and deals without a source', () => {
    const problems = problemsOf(
      files({
        entities: [entity('alpha', { facts: [{ text: 'x', asOf: '2001', sources: [] }] })],
        deals: [deal('2019-alpha-deal', { sources: [] })],
        sources: { 'src-a': source },
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/alpha › facts\.0\.sources: needs at least one source/),
        expect.stringMatching(/2019-alpha-deal › sources: needs at least one source/),
      ]),
    );
  });

  it('rejects alias collisions between entities unless both are marked needsContext', () => {
    const colliding = files({
      entities: [entity('alpha', { aliases: ['Power Co'] }), entity('beta', { aliases: ['POWER  co'] })],
    });
    expect(problemsOf(colliding)).toContainEqual(
      expect.stringMatching(/alpha › aliases: alias "Power Co" is also an alias of "beta"/),
    );
    const marked = files({
      entities: [
        entity('alpha', { aliases: [{ text: 'Power Co', needsContext: true }] }),
        entity('beta', { aliases: [{ text: 'Power Co', needsContext: true }] }),
      ],
    });
    expect(problemsOf(marked)).toEqual([]);
  });

  it('lets case-sensitive acronyms that differ in case coexist', () => {
    const input = files({
      entities: [
        entity('alpha', { aliases: [{ text: 'MTS', caseSensitive: true }] }),
        entity('beta', { aliases: [{ text: 'Mts', caseSensitive: true }] }),
      ],
    });
    expect(problemsOf(input)).toEqual([]);
  });

  it('accepts http and https URLs and nothing else', () => {
    expect(problemsOf(files({ sources: { 'src-a': { ...source, url: 'http://example.com/a' } } }))).toEqual([]);
    const problems = problemsOf(files({ sources: { 'src-a': { ...source, url: 'ftp://example.com/a' } } }));
    expect(problems).toContainEqual(expect.stringMatching(/src-a › url: must be an https:\/\/ \(or/));
  });

  it('requires a known kind on every source', () => {
    const { kind: _, ...noKind } = source;
    expect(problemsOf(files({ sources: { 'src-a': noKind } }))).toContainEqual(expect.stringMatching(/src-a › kind: /));
    expect(problemsOf(files({ sources: { 'src-a': { ...source, kind: 'blog' } } }))).toContainEqual(
      expect.stringMatching(/src-a › kind: must be one of/),
    );
  });

  it("checks a deal's status history: at least one, known sources, real dates, oldest first", () => {
    const entries = [
      { status: 'signed', date: '2019-06-05', sources: ['src-a'] },
      { status: 'completed', date: '2019-01', sources: ['src-zz'] },
      { status: 'stalled', date: '2027', sources: ['src-a'] },
    ];
    const problems = problemsOf(files({ deals: [deal('2019-alpha-deal', { statuses: entries })] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/statuses\.1\.sources\.0: unknown source "src-zz"/),
        expect.stringMatching(/statuses\.1\.date: statuses go oldest first \(2019-01 follows 2019-06-05\)/),
        expect.stringMatching(/statuses\.2\.date: date 2027 is in the future/),
      ]),
    );
    expect(problemsOf(files({ deals: [deal('2019-alpha-deal', { statuses: [] })] }))).toContainEqual(
      expect.stringMatching(/statuses: needs at least one status/),
    );
    expect(problemsOf(files({ deals: [deal('2019-alpha-deal', { status: 'signed' })] }))).not.toEqual([]);
  });

  it('checks sanctions: authority, sources, dates, lifted not before listed', () => {
    const listing = { by: 'US', programme: 'SDN (EO 14024)', since: '2022-02-24', sources: ['src-a'] };
    expect(problemsOf(files({ entities: [entity('alpha', { sanctions: [listing] })] }))).toEqual([]);
    const problems = problemsOf(
      files({
        entities: [
          entity('alpha', {
            sanctions: [
              { ...listing, until: '2021' },
              { ...listing, since: '2027', sources: ['src-zz'] },
              { ...listing, by: 'XX' },
            ],
          }),
        ],
      }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/alpha › sanctions\.2\.by: must be one of: US, EU/)]),
    );
    const dated = problemsOf(
      files({
        entities: [
          entity('alpha', {
            sanctions: [
              { ...listing, until: '2021' },
              { ...listing, since: '2027', sources: ['src-zz'] },
            ],
          }),
        ],
      }),
    );
    expect(dated).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/sanctions\.0\.until: is lifted \(2021\) before it starts \(2022-02-24\)/),
        expect.stringMatching(/sanctions\.1\.since: date 2027 is in the future/),
        expect.stringMatching(/sanctions\.1\.sources\.0: unknown source "src-zz"/),
      ]),
    );
  });

  it('accepts a place with facts and no roles', () => {
    const place = entity('heihe', { type: 'place', country: 'CN', summary: { en: 'A border city.' } });
    expect(problemsOf(files({ entities: [entity('alpha'), place] }))).toEqual([]);
  });

  it('rejects malformed, impossible and future dates', () => {
    const problems = problemsOf(
      files({
        entities: [
          entity('alpha', {
            facts: [
              { text: 'a', asOf: '2019-13', sources: ['src-a'] },
              { text: 'b', asOf: '2019-02-30', sources: ['src-a'] },
            ],
          }),
        ],
      }),
    );
    expect(problems).toEqual([
      expect.stringMatching(/facts\.0\.asOf: must be a date/),
      expect.stringMatching(/facts\.1\.asOf: is not a real calendar date/),
    ]);
    const future = problemsOf(
      files({
        entities: [
          entity('alpha', {
            facts: [
              { text: 'c', asOf: '2027', sources: ['src-a'] },
              { text: 'd', asOf: '2026-12', sources: ['src-a'] },
            ],
          }),
        ],
      }),
    );
    expect(future).toEqual([
      expect.stringMatching(/facts\.0\.asOf: date 2027 is in the future/),
      expect.stringMatching(/facts\.1\.asOf: date 2026-12 is in the future/),
    ]);
    expect(
      problemsOf(
        files({ entities: [entity('alpha', { facts: [{ text: 'e', asOf: '2026-11', sources: ['src-a'] }] })] }),
      ),
    ).toEqual([]);
  });

  it('rejects roles that end before they start, and roles on non-people', () => {
    const person = entity('bob', { type: 'person', roles: [{ title: 'Minister', from: '2010-05', to: '2008' }] });
    const company = entity('alpha', { roles: [{ title: 'Minister' }] });
    const problems = problemsOf(files({ entities: [company, person] }));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bob › roles\.0\.to: ends \(2008\) before it starts \(2010-05\)/),
        expect.stringMatching(/alpha › roles: only a person has roles/),
      ]),
    );
  });

  it('reports sources that nothing cites', () => {
    const problems = problemsOf(files({ sources: { 'src-a': source, 'src-unused': source } }));
    expect(problems).toEqual([expect.stringMatching(/src-unused: source is never cited/)]);
  });
});

describe('loadDataset', () => {
  function dataDir(filesByPath: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'lens-data-'));
    for (const [path, text] of Object.entries(filesByPath)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return dir;
  }

  it('reports a YAML syntax error with its file and keeps checking the rest', () => {
    const dir = dataDir({
      'sources/a.yaml': 'src-a: {publisher: P, kind: wire, title: T, date: 2001}\n',
      'entities/alpha.yaml': 'id: alpha\ntype: company\n  bad indent: [\n',
      'entities/beta.yaml':
        'id: beta\ntype: company\ncountry: RU\nnames: {en: Beta}\nsummary: {en: B.}\nfacts: [{text: x, asOf: 2001, sources: [src-a]}]\n',
    });
    const { dataset, problems } = loadDataset(dir, TODAY);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/entities\/alpha\.yaml: YAML: /)]);
    expect(dataset.entities.map((e) => e.id)).toEqual(['beta']);
  });

  it('rejects duplicate keys in a YAML mapping', () => {
    const dir = dataDir({
      'sources/a.yaml': 'src-a: {publisher: P, kind: wire, title: T, date: 2001}\n',
      'entities/beta.yaml':
        'id: beta\nid: beta\ntype: company\ncountry: RU\nnames: {en: Beta}\nsummary: {en: B.}\nfacts: [{text: x, asOf: 2001, sources: [src-a]}]\n',
    });
    expect(loadDataset(dir, TODAY).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/beta\.yaml: YAML: Map keys must be unique/),
    ]);
  });

  it('passes on the shipped dataset', () => {
    expect(loadDataset().problems.map(formatProblem)).toEqual([]);
  });
});
