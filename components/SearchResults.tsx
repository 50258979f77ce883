import type { EntityType } from '../utils/dataset/schema';
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import type { SearchHit, SearchMatch } from '../utils/search/search-index';
import { formatDate } from './format';

type Group = EntityType | 'deal' | 'figure';

function groupOf(hit: SearchHit): Group {
  return hit.kind === 'entity' ? hit.entity.type : hit.kind;
}

const groupLabel = (group: Group, locale: UiLocale) =>
  group === 'figure' ? t(locale, 'popup.figures') : t(locale, `group.${group}`);

function hitId(hit: SearchHit): string {
  if (hit.kind === 'entity') return hit.entity.id;
  if (hit.kind === 'deal') return hit.deal.id;
  return `${hit.figure.entity}-series-${hit.figure.series}`;
}

/** Hits in the order they are shown: grouped by type, groups in the order of their best hit. */
export function orderedHits(hits: readonly SearchHit[]): SearchHit[][] {
  const groups = new Map<Group, SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(groupOf(hit));
    if (group) group.push(hit);
    else groups.set(groupOf(hit), [hit]);
  }
  return [...groups.values()];
}

/** The text with the first occurrence of the query (any case) marked. */
function Marked({ text, query }: { text: string; query: string }) {
  const at = query ? text.toLowerCase().indexOf(query.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + query.length)}</mark>
      {text.slice(at + query.length)}
    </>
  );
}

/** Characters of summary shown either side of the match. */
const SNIPPET_CONTEXT = 36;

/** Where a cut near `at` falls on a space (no half words at a snippet's ends), in `[from, to]`. */
function cutAt(text: string, at: number, from: number, to: number, forward: boolean): number {
  if (at <= from || at >= to) return Math.min(Math.max(at, from), to);
  const space = forward ? text.indexOf(' ', at) : text.lastIndexOf(' ', at);
  return space < 0 || space < from || space > to ? at : forward ? space + 1 : space;
}

/** The part of a summary around the match, with the match marked. */
function Snippet({ text, at }: { text: string; at: readonly [number, number] }) {
  const start = cutAt(text, at[0] - SNIPPET_CONTEXT, 0, at[0], true);
  const end = cutAt(text, at[1] + SNIPPET_CONTEXT, at[1], text.length, false);
  return (
    <>
      {start > 0 && '…'}
      {text.slice(start, at[0])}
      <mark>{text.slice(at[0], at[1])}</mark>
      {text.slice(at[1], end)}
      {end < text.length && '…'}
    </>
  );
}

/**
 * Why a hit is listed when its shown names do not say: the alias, role or summary that matched.
 * Nothing when the query is in a shown name.
 */
function Why({
  match,
  shown,
  query,
  locale,
}: {
  match: SearchMatch;
  shown: readonly string[];
  query: string;
  locale: UiLocale;
}) {
  if (match.field === 'name') return null;
  if (match.field === 'alias') {
    const alias = match.text.toLowerCase();
    if (shown.some((name) => name.toLowerCase().includes(alias))) return null;
    return (
      <span class="result-why">
        {t(locale, 'popup.whyAlias')}: <Marked text={match.text} query={query} />
      </span>
    );
  }
  if (match.field === 'role') {
    const role = match.org ? t(locale, 'popup.whyRole', { title: match.text, org: match.org }) : match.text;
    return <span class="result-why">{role}</span>;
  }
  return (
    <span class="result-why">
      {t(locale, 'popup.whySummary')}: {match.at ? <Snippet text={match.text} at={match.at} /> : match.text}
    </span>
  );
}

function HitLines({ hit, query, locale }: { hit: SearchHit; query: string; locale: UiLocale }) {
  if (hit.kind === 'entity') {
    const native = [hit.entity.names.ru, hit.entity.names.zh].filter((name): name is string => !!name);
    return (
      <>
        <span class="result-name">
          <Marked text={hit.entity.names.en} query={query} />
        </span>
        {native.length > 0 && (
          <span class="result-native">
            <Marked text={native.join(' · ')} query={query} />
          </span>
        )}
        <Why match={hit.match} shown={[hit.entity.names.en, ...native]} query={query} locale={locale} />
        {hit.entity.kind && <span class="result-kind">{hit.entity.kind}</span>}
      </>
    );
  }
  if (hit.kind === 'deal') {
    return (
      <>
        <span class="result-name">
          <Marked text={hit.deal.title.en} query={query} />
        </span>
        <Why match={hit.match} shown={[hit.deal.title.en]} query={query} locale={locale} />
        <span class="result-kind">
          {formatDate(hit.deal.date, locale)} · {t(locale, `status.${hit.deal.status}`)}
        </span>
      </>
    );
  }
  const { title, unit } = hit.figure;
  const native = [title.ru, title.zh].filter((name): name is string => !!name);
  return (
    <>
      <span class="result-name">
        <Marked text={title.en} query={query} />
      </span>
      <span class="result-native">
        <Marked text={native.join(' · ')} query={query} />
      </span>
      <Why match={hit.match} shown={[title.en, ...native]} query={query} locale={locale} />
      <span class="result-kind">{t(locale, 'popup.figureKind', { unit })}</span>
    </>
  );
}

export const RESULTS_ID = 'search-results';
export const optionId = (hit: SearchHit) => `result-${hitId(hit)}`;

/** Results as a listbox the search box drives (arrow keys move `active`, Enter opens it). */
export function SearchResults({
  hits,
  query,
  active,
  locale,
  onOpen,
}: {
  hits: readonly SearchHit[];
  query: string;
  active: number;
  locale: UiLocale;
  onOpen: (hit: SearchHit) => void;
}) {
  const trimmed = query.trim();
  if (!trimmed) return null;
  if (hits.length === 0) {
    return (
      <p class="empty" role="status">
        {t(locale, 'popup.noResults', { query: trimmed })}
      </p>
    );
  }
  const groups = orderedHits(hits);
  let position = -1;
  return (
    <div class="results" id={RESULTS_ID} role="listbox" aria-label={t(locale, 'popup.searchResults')}>
      {groups.map((group) => {
        const label = groupLabel(groupOf(group[0] as SearchHit), locale);
        const groupId = `group-${groupOf(group[0] as SearchHit)}`;
        return (
          // biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role="group"
          <div key={label} role="group" aria-labelledby={groupId}>
            <div class="group-label" id={groupId}>
              {label}
            </div>
            {group.map((hit) => {
              position++;
              const selected = position === active;
              return (
                // biome-ignore lint/a11y/useKeyWithClickEvents: the search box drives the options (arrows, Enter)
                <div
                  key={hitId(hit)}
                  id={optionId(hit)}
                  role="option"
                  aria-selected={selected}
                  tabIndex={-1}
                  class={selected ? 'result active' : 'result'}
                  onClick={() => onOpen(hit)}
                >
                  <HitLines hit={hit} query={trimmed} locale={locale} />
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
