/**
 * The card for one entity: who or what it is, key facts with their sources and dates, deals,
 * related entities. Used by the in-page card and the popup's detail view. Everything is
 * rendered as text; links are https only and open without an opener.
 */
import { useState } from 'preact/hooks';
import type { CardData, DealView, EntityRef } from '../utils/dataset/card-data';
import type { EntityRecord, SourceRecord } from '../utils/dataset/records';
import {
  countryName,
  formatDate,
  formatMoney,
  SOURCE_KIND_LABEL,
  STATUS_LABEL,
  safeUrl,
  TYPE_CATEGORY,
  TYPE_LABEL,
} from './format';

/** Deals shown before "Show all". */
const FIRST_DEALS = 4;

export interface EntityCardProps {
  readonly card: CardData;
  /** Id of the heading, which names the dialog. */
  readonly headingId: string;
  /** How often the current page mentions this entity (omitted outside a page). */
  readonly mentionCount?: number;
  readonly onSelectEntity: (id: string) => void;
  readonly onBack?: () => void;
  readonly onClose?: () => void;
}

export function SourceLinks({
  ids,
  sources,
}: {
  ids: readonly string[];
  sources: Readonly<Record<string, SourceRecord>>;
}) {
  return (
    <>
      {ids.map((id, index) => {
        const source = sources[id];
        if (!source) return null;
        const label = `${source.publisher}, ${formatDate(source.date)}`;
        const url = safeUrl(source.url);
        // An http:// address is shown, not linked (links are https only).
        const title = source.insecure ? `${source.title} — ${source.url} (not linked: http only)` : source.title;
        return (
          <span key={id}>
            {index > 0 && '; '}
            {url ? (
              <a href={url} target="_blank" rel="noopener noreferrer" title={source.title}>
                {label}
              </a>
            ) : (
              <span title={title}>{label}</span>
            )}
            {` · ${SOURCE_KIND_LABEL[source.kind]}`}
          </span>
        );
      })}
    </>
  );
}

/** One line naming who lists the entity now (listings with an end date are over). */
function SanctionsLine({ entity }: { entity: EntityRecord }) {
  const current = entity.sanctions.filter((sanction) => !sanction.until);
  if (current.length === 0) return null;
  const authorities = [...new Set(current.map((sanction) => sanction.by))];
  const since = current.map((sanction) => sanction.since).sort()[0] as string;
  return (
    <p class="sanctions" title={current.map((sanction) => `${sanction.by}: ${sanction.programme}`).join('\n')}>
      Sanctioned by {authorities.join(', ')} · since {formatDate(since)}
    </p>
  );
}

function EntityLink({ entity, onSelect }: { entity: EntityRef; onSelect: (id: string) => void }) {
  return (
    <button type="button" class={`entity-link cat-${TYPE_CATEGORY[entity.type]}`} onClick={() => onSelect(entity.id)}>
      {entity.name}
    </button>
  );
}

/** Entities as links, separated by middle dots (a deal's parties). */
export function EntityLinks({
  entities,
  onSelect,
}: {
  entities: readonly EntityRef[];
  onSelect: (id: string) => void;
}) {
  return (
    <>
      {entities.map((entity, index) => (
        <span key={entity.id}>
          {index > 0 && ' · '}
          <EntityLink entity={entity} onSelect={onSelect} />
        </span>
      ))}
    </>
  );
}

function DealItem({
  view,
  sources,
  onSelect,
}: {
  view: DealView;
  sources: Readonly<Record<string, SourceRecord>>;
  onSelect: (id: string) => void;
}) {
  const { deal, parties } = view;
  return (
    <li class="deal">
      <div class="deal-title">{deal.title.en}</div>
      <div class="deal-meta">
        <span>{formatDate(deal.date)}</span>
        {deal.value && <span class="deal-value">{formatMoney(deal.value)}</span>}
        <span class={`status status-${deal.status}`}>{STATUS_LABEL[deal.status]}</span>
      </div>
      <div class="deal-parties">
        <EntityLinks entities={parties} onSelect={onSelect} />
      </div>
      <div class="source-line">
        Source: <SourceLinks ids={deal.sources} sources={sources} />
      </div>
    </li>
  );
}

export function EntityCard({ card, headingId, mentionCount, onSelectEntity, onBack, onClose }: EntityCardProps) {
  const { entity, deals, related, sources } = card;
  const [allDeals, setAllDeals] = useState(false);
  const native = [entity.names.ru, entity.names.zh].filter((name): name is string => Boolean(name));
  const currentRoles = entity.roles.filter((role) => !role.to);
  const pastRoles = entity.roles.filter((role) => role.to);
  const shownDeals = allDeals ? deals : deals.slice(0, FIRST_DEALS);
  return (
    <article class={`entity-card cat-${TYPE_CATEGORY[entity.type]}`}>
      <header class="card-header">
        <div class="card-topline">
          {onBack && (
            <button type="button" class="icon-button" onClick={onBack} aria-label="Back">
              ←
            </button>
          )}
          <span class="type-badge">
            {TYPE_LABEL[entity.type]} · {countryName(entity.country)}
          </span>
          {onClose && (
            <button type="button" class="icon-button close" onClick={onClose} aria-label="Close">
              ×
            </button>
          )}
        </div>
        <h2 id={headingId}>{entity.names.en}</h2>
        {native.length > 0 && (
          <p class="native-names" title={entity.names.zhHant}>
            {native.join(' · ')}
          </p>
        )}
        {entity.kind && <p class="kind">{entity.kind}</p>}
      </header>
      <p class="summary">{entity.summary.en}</p>
      <SanctionsLine entity={entity} />

      {entity.roles.length > 0 && (
        <section aria-label="Roles">
          <h3>Roles</h3>
          <ul class="roles">
            {[...currentRoles, ...pastRoles].map((role) => (
              <li key={`${role.title}-${role.from ?? ''}`}>
                {role.title}
                <span class="muted">
                  {' '}
                  {role.from ? formatDate(role.from) : ''}
                  {role.to ? `–${formatDate(role.to)}` : role.from ? '–present' : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {entity.facts.length > 0 && (
        <section aria-label="Key facts">
          <h3>Key facts</h3>
          <ul class="facts">
            {entity.facts.map((fact) => (
              <li key={fact.text}>
                {fact.text}
                <div class="source-line">
                  As of {formatDate(fact.asOf)} · <SourceLinks ids={fact.sources} sources={sources} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {entity.series.map((series) => (
        <section key={series.title.en} aria-label={series.title.en}>
          <h3>{series.title.en}</h3>
          <table class="series">
            <tbody>
              {series.points.map((point) => (
                <tr key={point.period}>
                  <th scope="row">{formatDate(point.period)}</th>
                  <td>
                    {point.value.toLocaleString('en')} {series.unit}
                  </td>
                  <td class="source-line">
                    <SourceLinks ids={point.sources} sources={sources} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}

      {deals.length > 0 && (
        <section aria-label="Deals">
          <h3>Deals ({deals.length})</h3>
          <ul class="deals">
            {shownDeals.map((view) => (
              <DealItem key={view.deal.id} view={view} sources={sources} onSelect={onSelectEntity} />
            ))}
          </ul>
          {deals.length > FIRST_DEALS && (
            <button type="button" class="text-button" onClick={() => setAllDeals(!allDeals)}>
              {allDeals ? 'Show fewer deals' : `Show all ${deals.length} deals`}
            </button>
          )}
        </section>
      )}

      {related.length > 0 && (
        <section aria-label="Related">
          <h3>Related</h3>
          <ul class="related">
            {related.map((ref) => (
              <li key={ref.id}>
                <EntityLink entity={ref} onSelect={onSelectEntity} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {mentionCount !== undefined && (
        <footer class="card-footer">
          {mentionCount === 1 ? 'Mentioned once on this page' : `Mentioned ${mentionCount} times on this page`}
        </footer>
      )}
    </article>
  );
}
