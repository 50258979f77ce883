/**
 * One deal, full size (the popup's deal view): title in every language the data has, date,
 * value, status, parties and related entities as links, summary, sources.
 */
import type { DealDetail as DealDetailData } from '../utils/dataset/card-data';
import { EntityLinks, SourceLinks } from './EntityCard';
import { formatDate, formatMoney, STATUS_LABEL } from './format';

export function DealDetail({
  detail,
  headingId,
  onSelectEntity,
  onBack,
}: {
  detail: DealDetailData;
  headingId: string;
  onSelectEntity: (id: string) => void;
  onBack: () => void;
}) {
  const { deal, parties, related, sources } = detail;
  const otherTitles = [deal.title.ru, deal.title.zh].filter((title): title is string => Boolean(title));
  return (
    <article class="entity-card deal-detail">
      <header class="card-header">
        <div class="card-topline">
          <button type="button" class="icon-button" onClick={onBack} aria-label="Back">
            ←
          </button>
          <span class="type-badge">Deal · {deal.sector}</span>
        </div>
        <h2 id={headingId}>{deal.title.en}</h2>
        {otherTitles.length > 0 && <p class="native-names">{otherTitles.join(' · ')}</p>}
      </header>
      <dl class="deal-facts">
        <dt>Date</dt>
        <dd>{formatDate(deal.date)}</dd>
        <dt>Value</dt>
        <dd>{deal.value ? formatMoney(deal.value) : 'Not disclosed in our sources'}</dd>
        <dt>Status</dt>
        <dd>
          <span class={`status status-${deal.status}`}>{STATUS_LABEL[deal.status]}</span>
          {/* The history, when there is one: "signed 2015 → completed 2019". */}
          {deal.statuses.length > 1 && (
            <span class="muted">
              {' '}
              ({deal.statuses.map((entry) => `${STATUS_LABEL[entry.status]} ${formatDate(entry.date)}`).join(' → ')})
            </span>
          )}
        </dd>
        <dt>Parties</dt>
        <dd class="deal-parties">
          <EntityLinks entities={parties} onSelect={onSelectEntity} />
        </dd>
        {related.length > 0 && (
          <>
            <dt>About</dt>
            <dd class="deal-parties">
              <EntityLinks entities={related} onSelect={onSelectEntity} />
            </dd>
          </>
        )}
      </dl>
      <p class="summary">{deal.summary.en}</p>
      <div class="source-line">
        Sources: <SourceLinks ids={deal.sources} sources={sources} />
      </div>
    </article>
  );
}
