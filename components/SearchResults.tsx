import type { EntityType } from '../utils/dataset/schema';
import { t } from '../utils/i18n/t';
import type { SearchHit } from '../utils/search/search-index';
import { formatDate } from './format';

function groupOf(hit: SearchHit): EntityType | 'deal' {
  return hit.kind === 'entity' ? hit.entity.type : 'deal';
}

function hitId(hit: SearchHit): string {
  return hit.kind === 'entity' ? hit.entity.id : hit.deal.id;
}

/** Hits in the order they are shown: grouped by type, groups in the order of their best hit. */
export function orderedHits(hits: readonly SearchHit[]): SearchHit[][] {
  const groups = new Map<EntityType | 'deal', SearchHit[]>();
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

export const RESULTS_ID = 'search-results';
export const optionId = (hit: SearchHit) => `result-${hitId(hit)}`;

/** Results as a listbox the search box drives (arrow keys move `active`, Enter opens it). */
export function SearchResults({
  hits,
  query,
  active,
  onOpen,
}: {
  hits: readonly SearchHit[];
  query: string;
  active: number;
  onOpen: (hit: SearchHit) => void;
}) {
  const trimmed = query.trim();
  if (!trimmed) return null;
  if (hits.length === 0) {
    return (
      <p class="empty" role="status">
        Nothing matches “{trimmed}”. Try another spelling, a Russian or Chinese name (Газпром, 中石油), or part of a
        deal title.
      </p>
    );
  }
  const groups = orderedHits(hits);
  let position = -1;
  return (
    <div class="results" id={RESULTS_ID} role="listbox" aria-label="Search results">
      {groups.map((group) => {
        const label = t('en', `group.${groupOf(group[0] as SearchHit)}`);
        return (
          // biome-ignore lint/a11y/useSemanticElements: a listbox groups its options with role="group"
          <div key={label} role="group" aria-labelledby={`group-${label}`}>
            <div class="group-label" id={`group-${label}`}>
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
                  {hit.kind === 'entity' ? (
                    <>
                      <span class="result-name">
                        <Marked text={hit.entity.names.en} query={trimmed} />
                      </span>
                      <span class="result-native">
                        <Marked
                          text={[hit.entity.names.ru, hit.entity.names.zh].filter(Boolean).join(' · ')}
                          query={trimmed}
                        />
                      </span>
                      {hit.entity.kind && <span class="result-kind">{hit.entity.kind}</span>}
                    </>
                  ) : (
                    <>
                      <span class="result-name">
                        <Marked text={hit.deal.title.en} query={trimmed} />
                      </span>
                      <span class="result-kind">
                        {formatDate(hit.deal.date, 'en')} · {hit.deal.status}
                      </span>
                    </>
                  )}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
