/** The popup's page for one figure (a series an entity publishes): its chart, values and sources. */
import type { CardData } from '../utils/dataset/card-data';
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import { SourceLinks } from './EntityCard';
import { SeriesChart } from './SeriesChart';

export function FigureView({
  card,
  series: seriesIndex,
  locale,
  headingId,
  onSelectEntity,
  onBack,
}: {
  /** The card of the entity that publishes the series. */
  card: CardData;
  series: number;
  locale: UiLocale;
  headingId: string;
  onSelectEntity: (id: string) => void;
  onBack: () => void;
}) {
  const { entity, sources } = card;
  const series = entity.series[seriesIndex];
  if (!series) return <p class="muted-line">{t(locale, 'popup.notInDataset')}</p>;
  // The title in the reader's language first, the others under it.
  const title = series.title[locale] ?? series.title.en;
  const others = [series.title.en, series.title.ru, series.title.zh].filter(
    (text): text is string => !!text && text !== title,
  );
  return (
    <article class="figure-view">
      <div class="figure-topline">
        <button type="button" class="icon-button" onClick={onBack} aria-label={t(locale, 'card.back')}>
          ←
        </button>
        <span class="muted-line">{t(locale, 'popup.backHint')}</span>
      </div>
      <h2 id={headingId}>{title}</h2>
      {others.length > 0 && <p class="muted-line">{others.join(' · ')}</p>}
      <SeriesChart
        series={series}
        locale={locale}
        sourceLinks={(ids) => <SourceLinks ids={ids} sources={sources} locale={locale} />}
      />
      <p class="muted-line">
        {t(locale, 'popup.figurePublisher', { name: entity.names.en })} ·{' '}
        <button type="button" class="link-button" onClick={() => onSelectEntity(entity.id)}>
          {t(locale, 'popup.openPublisher', { name: entity.names.en })}
        </button>
      </p>
    </article>
  );
}
