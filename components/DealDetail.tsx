/**
 * One deal, full size (the popup's deal view), in the reader's language (`detail.locale`): title
 * in every language the data has, date, value, status, parties and related entities as links,
 * summary, sources.
 */
import type { DealDetail as DealDetailData } from '../utils/dataset/card-data';
import { LOCALE_TAG } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import { EntityLinks, SourceLinks } from './EntityCard';
import { formatDate, formatMoney, localized } from './format';

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
  const { locale, deal, parties, related, sources } = detail;
  const title = localized(deal.title, locale);
  const summary = localized(deal.summary, locale);
  const otherTitles = [deal.title.en, deal.title.ru, deal.title.zh].filter(
    (other): other is string => Boolean(other) && other !== title.text,
  );
  return (
    <article class="entity-card deal-detail" lang={LOCALE_TAG[locale]}>
      <header class="card-header">
        <div class="card-topline">
          <button type="button" class="icon-button" onClick={onBack} aria-label={t(locale, 'card.back')}>
            ←
          </button>
          <span class="type-badge">
            {t(locale, 'deal.label')} · {t(locale, `sector.${deal.sector}`)}
          </span>
        </div>
        <h2 id={headingId} lang={LOCALE_TAG[title.lang]}>
          {title.text}
        </h2>
        {otherTitles.length > 0 && <p class="native-names">{otherTitles.join(' · ')}</p>}
      </header>
      <dl class="deal-facts">
        <dt>{t(locale, 'deal.date')}</dt>
        <dd>{formatDate(deal.date, locale)}</dd>
        <dt>{t(locale, 'deal.value')}</dt>
        <dd>{deal.value ? formatMoney(deal.value, locale) : t(locale, 'deal.notDisclosed')}</dd>
        <dt>{t(locale, 'deal.status')}</dt>
        <dd>
          <span class={`status status-${deal.status}`}>{t(locale, `status.${deal.status}`)}</span>
          {/* The history, when there is one: "signed 2015 → completed 2019". */}
          {deal.statuses.length > 1 && (
            <span class="muted">
              {' '}
              (
              {deal.statuses
                .map((entry) => `${t(locale, `status.${entry.status}`)} ${formatDate(entry.date, locale)}`)
                .join(' → ')}
              )
            </span>
          )}
        </dd>
        <dt>{t(locale, 'deal.parties')}</dt>
        <dd class="deal-parties">
          <EntityLinks entities={parties} onSelect={onSelectEntity} />
        </dd>
        {related.length > 0 && (
          <>
            <dt>{t(locale, 'deal.about')}</dt>
            <dd class="deal-parties">
              <EntityLinks entities={related} onSelect={onSelectEntity} />
            </dd>
          </>
        )}
      </dl>
      <p class="summary" lang={LOCALE_TAG[summary.lang]}>
        {summary.text}
      </p>
      <div class="source-line">
        {t(locale, 'card.sources')} <SourceLinks ids={deal.sources} sources={sources} locale={locale} />
      </div>
    </article>
  );
}
