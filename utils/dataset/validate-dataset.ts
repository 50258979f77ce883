/**
 * Validates the parsed data files as a whole: each file against the schema, then the rules that
 * span files. Pure: the caller reads the files (scripts/lib/load-dataset.ts) and passes today's
 * date, so tests can feed broken inputs directly.
 */
import * as v from 'valibot';
import { aliasKey } from '../text/normalize';
import { nameList } from './records';
import { type Deal, Deal as DealSchema, type Entity, Entity as EntitySchema, type Source, SourcesFile } from './schema';

type DataFileKind = 'entity' | 'deal' | 'sources';

export interface DataFile {
  /** Path relative to the project, used in messages. */
  readonly path: string;
  readonly kind: DataFileKind;
  readonly data: unknown;
  /** Set when the file could not be read or parsed; `data` is then meaningless. */
  readonly readError?: string;
}

export interface DataProblem {
  readonly file: string;
  /** The entry (entity, deal or source id) when known. */
  readonly entry?: string;
  /** Dotted path to the field, e.g. `facts.2.sources.0`. */
  readonly field?: string;
  readonly message: string;
}

export interface Dataset {
  readonly entities: readonly Entity[];
  readonly deals: readonly Deal[];
  readonly sources: Readonly<Record<string, Source>>;
}

export interface ValidationResult {
  readonly dataset: Dataset;
  readonly problems: readonly DataProblem[];
  /** The file each entity or deal id (`entries`) and each source id (`sources`) came from, for messages. */
  readonly files: { readonly entries: ReadonlyMap<string, string>; readonly sources: ReadonlyMap<string, string> };
}

export function formatProblem(problem: DataProblem): string {
  const where = [problem.entry, problem.field].filter(Boolean).join(' › ');
  return `${problem.file}${where ? `: ${where}` : ''}: ${problem.message}`;
}

function issuePath(issue: v.BaseIssue<unknown>): string | undefined {
  const keys = issue.path?.map((item) => String(item.key));
  return keys && keys.length > 0 ? keys.join('.') : undefined;
}

function schemaProblems(file: string, entry: string | undefined, issues: readonly v.BaseIssue<unknown>[]) {
  return issues.map((issue): DataProblem => ({ file, entry, field: issuePath(issue), message: issue.message }));
}

function idOf(data: unknown): string | undefined {
  if (data && typeof data === 'object' && 'id' in data && typeof data.id === 'string') return data.id;
  return undefined;
}

function baseName(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.ya?ml$/, '');
}

/** YYYY, YYYY-MM or YYYY-MM-DD against today's YYYY-MM-DD: compares the known precision. */
function isFuture(date: string, today: string): boolean {
  return date > today.slice(0, date.length);
}

export function validateDataset(files: readonly DataFile[], today: string): ValidationResult {
  const problems: DataProblem[] = [];
  const entities: Entity[] = [];
  const deals: Deal[] = [];
  const sources: Record<string, Source> = {};
  const fileOfId = new Map<string, string>();
  const fileOfSource = new Map<string, string>();
  // A file that fails the schema may be the one citing a source: only then is "never cited" unsure.
  let someFileInvalid = false;

  for (const file of files) {
    if (file.readError !== undefined) {
      someFileInvalid = true;
      problems.push({ file: file.path, message: file.readError });
      continue;
    }
    if (file.kind === 'sources') {
      const result = v.safeParse(SourcesFile, file.data);
      if (!result.success) {
        someFileInvalid = true;
        problems.push(
          ...result.issues.map((issue) => {
            const [entry, ...rest] = issuePath(issue)?.split('.') ?? [];
            return { file: file.path, entry, field: rest.join('.') || undefined, message: issue.message };
          }),
        );
        continue;
      }
      for (const [id, source] of Object.entries(result.output)) {
        const previous = fileOfSource.get(id);
        if (previous) {
          problems.push({ file: file.path, entry: id, message: `duplicate source id (also in ${previous})` });
          continue;
        }
        fileOfSource.set(id, file.path);
        sources[id] = source;
      }
      continue;
    }

    const schema = file.kind === 'entity' ? EntitySchema : DealSchema;
    const result = v.safeParse(schema, file.data);
    const entry = idOf(file.data);
    if (!result.success) {
      someFileInvalid = true;
      problems.push(...schemaProblems(file.path, entry, result.issues));
      continue;
    }
    const item = result.output;
    if (baseName(file.path) !== item.id) {
      problems.push({
        file: file.path,
        entry: item.id,
        field: 'id',
        message: `must match the file name "${baseName(file.path)}"`,
      });
    }
    const previous = fileOfId.get(item.id);
    if (previous) {
      problems.push({ file: file.path, entry: item.id, field: 'id', message: `duplicate id (also in ${previous})` });
      continue;
    }
    fileOfId.set(item.id, file.path);
    if (file.kind === 'entity') entities.push(item as Entity);
    else deals.push(item as Deal);
  }

  const entityIds = new Set(entities.map((entity) => entity.id));
  const usedSources = new Set<string>();

  const checkRefs = (file: string, entry: string, field: string, ids: readonly string[], what: string) => {
    ids.forEach((id, index) => {
      if (!entityIds.has(id))
        problems.push({ file, entry, field: `${field}.${index}`, message: `unknown ${what} "${id}"` });
    });
  };
  const checkSources = (file: string, entry: string, field: string, ids: readonly string[]) => {
    ids.forEach((id, index) => {
      usedSources.add(id);
      if (!(id in sources))
        problems.push({
          file,
          entry,
          field: `${field}.${index}`,
          message: `unknown source "${id}" (add it to a file in data/sources/)`,
        });
    });
  };
  const checkDate = (file: string, entry: string, field: string, date: string | undefined) => {
    if (date !== undefined && isFuture(date, today))
      problems.push({ file, entry, field, message: `date ${date} is in the future` });
  };

  for (const entity of entities) {
    const file = fileOfId.get(entity.id) as string;
    checkRefs(file, entity.id, 'related', entity.related, 'entity');
    if (entity.related.includes(entity.id))
      problems.push({ file, entry: entity.id, field: 'related', message: 'an entity cannot be related to itself' });
    entity.facts.forEach((fact, index) => {
      checkSources(file, entity.id, `facts.${index}.sources`, fact.sources);
      checkDate(file, entity.id, `facts.${index}.asOf`, fact.asOf);
    });
    entity.series.forEach((series, seriesIndex) => {
      series.points.forEach((point, index) => {
        const field = `series.${seriesIndex}.points.${index}`;
        checkSources(file, entity.id, `${field}.sources`, point.sources);
        checkDate(file, entity.id, `${field}.period`, point.period);
        const previous = series.points[index - 1];
        if (previous && point.period <= previous.period)
          problems.push({
            file,
            entry: entity.id,
            field: `${field}.period`,
            message: `periods must increase (${point.period} follows ${previous.period})`,
          });
      });
    });
    entity.sanctions.forEach((sanction, index) => {
      const field = `sanctions.${index}`;
      checkSources(file, entity.id, `${field}.sources`, sanction.sources);
      checkDate(file, entity.id, `${field}.since`, sanction.since);
      checkDate(file, entity.id, `${field}.until`, sanction.until);
      if (sanction.until && sanction.until < sanction.since)
        problems.push({
          file,
          entry: entity.id,
          field: `${field}.until`,
          message: `is lifted (${sanction.until}) before it starts (${sanction.since})`,
        });
    });
    entity.roles.forEach((role, index) => {
      if (role.org) checkRefs(file, entity.id, `roles.${index}.org`, [role.org], 'organisation');
      checkDate(file, entity.id, `roles.${index}.from`, role.from);
      checkDate(file, entity.id, `roles.${index}.to`, role.to);
      if (role.from && role.to && role.to < role.from)
        problems.push({
          file,
          entry: entity.id,
          field: `roles.${index}.to`,
          message: `ends (${role.to}) before it starts (${role.from})`,
        });
    });
    if (entity.roles.length > 0 && entity.type !== 'person')
      problems.push({ file, entry: entity.id, field: 'roles', message: 'only a person has roles' });
    entity.aliases.forEach((alias, index) => {
      if (typeof alias !== 'string' && alias.alsoNames)
        checkRefs(file, entity.id, `aliases.${index}.alsoNames`, alias.alsoNames, 'entity');
    });
    const aliasKeys = aliasesOf(entity).map((use) => aliasKey(use.text));
    entity.notMentionedBy.forEach((phrase, index) => {
      const key = aliasKey(phrase);
      if (!aliasKeys.some((alias) => key.length > alias.length && key.includes(alias)))
        problems.push({
          file,
          entry: entity.id,
          field: `notMentionedBy.${index}`,
          message: `"${phrase}" contains none of this entity's names or aliases, so it blocks nothing`,
        });
    });
  }

  for (const deal of deals) {
    const file = fileOfId.get(deal.id) as string;
    checkRefs(file, deal.id, 'parties', deal.parties, 'party');
    checkRefs(file, deal.id, 'related', deal.related, 'entity');
    checkSources(file, deal.id, 'sources', deal.sources);
    checkDate(file, deal.id, 'date', deal.date);
    deal.statuses.forEach((entry, index) => {
      const field = `statuses.${index}`;
      checkSources(file, deal.id, `${field}.sources`, entry.sources);
      checkDate(file, deal.id, `${field}.date`, entry.date);
      // Oldest first, so the last entry is the current status.
      const previous = deal.statuses[index - 1];
      if (previous && entry.date < previous.date)
        problems.push({
          file,
          entry: deal.id,
          field: `${field}.date`,
          message: `statuses go oldest first (${entry.date} follows ${previous.date})`,
        });
    });
  }

  for (const [id, source] of Object.entries(sources)) {
    const file = fileOfSource.get(id) as string;
    checkDate(file, id, 'date', source.date);
    if (!someFileInvalid && !usedSources.has(id))
      problems.push({ file, entry: id, message: 'source is never cited (remove it or cite it)' });
  }

  problems.push(...aliasCollisions(entities, fileOfId));
  return { dataset: { entities, deals, sources }, problems, files: { entries: fileOfId, sources: fileOfSource } };
}

interface AliasUse {
  readonly entity: string;
  readonly text: string;
  readonly caseSensitive: boolean;
  readonly needsContext: boolean;
}

/** Every name and alias of an entity, as the matcher sees them. */
export function aliasesOf(entity: Entity): AliasUse[] {
  const uses: AliasUse[] = [];
  for (const name of nameList(entity.names)) {
    uses.push({ entity: entity.id, text: name, caseSensitive: false, needsContext: false });
  }
  for (const alias of entity.aliases) {
    if (typeof alias === 'string')
      uses.push({ entity: entity.id, text: alias, caseSensitive: false, needsContext: false });
    else
      uses.push({
        entity: entity.id,
        text: alias.text,
        caseSensitive: alias.caseSensitive ?? false,
        needsContext: alias.needsContext ?? false,
      });
  }
  return uses;
}

/**
 * Two entities may share an alias only if every use of it is marked `needsContext`; a
 * case-sensitive alias collides with another only when their written forms agree.
 */
function aliasCollisions(entities: readonly Entity[], fileOfId: ReadonlyMap<string, string>): DataProblem[] {
  const byKey = new Map<string, AliasUse[]>();
  for (const entity of entities) {
    for (const use of aliasesOf(entity)) {
      const key = aliasKey(use.text);
      const list = byKey.get(key);
      if (list) list.push(use);
      else byKey.set(key, [use]);
    }
  }
  const problems: DataProblem[] = [];
  const reported = new Set<string>();
  for (const uses of byKey.values()) {
    for (const a of uses) {
      for (const b of uses) {
        if (a.entity >= b.entity) continue;
        if (a.needsContext && b.needsContext) continue;
        if (a.caseSensitive && b.caseSensitive && aliasKey(a.text, false) !== aliasKey(b.text, false)) continue;
        const pair = `${a.entity}|${b.entity}|${aliasKey(a.text)}`;
        if (reported.has(pair)) continue;
        reported.add(pair);
        problems.push({
          file: fileOfId.get(a.entity) as string,
          entry: a.entity,
          field: 'aliases',
          message: `alias "${a.text}" is also an alias of "${b.entity}" (${fileOfId.get(b.entity)}); mark both needsContext: true or remove one`,
        });
      }
    }
  }
  return problems;
}
