import type { EntityType } from '../utils/dataset/schema';
import type { SearchHit } from '../utils/search/search-index';

const TYPE_LABELS: Record<EntityType | 'deal', string> = {
  person: 'People',
  company: 'Companies',
  bank: 'Banks',
  fund: 'Funds',
  project: 'Projects',
  organization: 'Organisations',
  initiative: 'Initiatives',
  event: 'Events',
  deal: 'Deals',
};

function groupOf(hit: SearchHit): EntityType | 'deal' {
  return hit.kind === 'entity' ? hit.entity.type : 'deal';
}

/** Results grouped by type, groups in the order of their best hit. */
export function SearchResults({ hits, query }: { hits: readonly SearchHit[]; query: string }) {
  if (!query.trim()) return null;
  if (hits.length === 0) {
    return (
      <p class="empty" role="status">
        Nothing matches “{query}”. Try another spelling, a Russian or Chinese name, or part of a deal title.
      </p>
    );
  }
  const groups = new Map<EntityType | 'deal', SearchHit[]>();
  for (const hit of hits) {
    const group = groups.get(groupOf(hit));
    if (group) group.push(hit);
    else groups.set(groupOf(hit), [hit]);
  }
  return (
    <div class="results" role="status" aria-live="polite">
      {[...groups].map(([group, groupHits]) => (
        <section key={group} aria-label={TYPE_LABELS[group]}>
          <h3>{TYPE_LABELS[group]}</h3>
          <ul>
            {groupHits.map((hit) =>
              hit.kind === 'entity' ? (
                <li key={hit.entity.id} class="result">
                  <span class="result-name">{hit.entity.names.en}</span>
                  <span class="result-native">
                    {[hit.entity.names.ru, hit.entity.names.zh].filter(Boolean).join(' · ')}
                  </span>
                  {hit.entity.kind && <span class="result-kind">{hit.entity.kind}</span>}
                </li>
              ) : (
                <li key={hit.deal.id} class="result">
                  <span class="result-name">{hit.deal.title.en}</span>
                  <span class="result-kind">
                    {hit.deal.date} · {hit.deal.status}
                  </span>
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}
