/** The popup's page for one figure (a series an entity publishes): its chart, values and sources. */
import type { CardData } from '../utils/dataset/card-data';
import { SourceLinks } from './EntityCard';
import { POPUP_TEXT } from './popup-strings';
import { SeriesChart } from './SeriesChart';

export function FigureView({
  card,
  series: seriesIndex,
  headingId,
  onSelectEntity,
  onBack,
}: {
  /** The card of the entity that publishes the series. */
  card: CardData;
  series: number;
  headingId: string;
  onSelectEntity: (id: string) => void;
  onBack: () => void;
}) {
  const { entity, sources } = card;
  const series = entity.series[seriesIndex];
  if (!series) return <p class="muted-line">{POPUP_TEXT.notInDataset}</p>;
  return (
    <article class="figure-view">
      <div class="figure-topline">
        <button type="button" class="icon-button" onClick={onBack} aria-label={POPUP_TEXT.back}>
          ←
        </button>
        <span class="muted-line">{POPUP_TEXT.backHint}</span>
      </div>
      <h2 id={headingId}>{series.title.en}</h2>
      {(series.title.ru || series.title.zh) && (
        <p class="muted-line">{[series.title.ru, series.title.zh].filter(Boolean).join(' · ')}</p>
      )}
      <SeriesChart series={series} sourceLinks={(ids) => <SourceLinks ids={ids} sources={sources} />} />
      <p class="muted-line">
        {POPUP_TEXT.figurePublisher(entity.names.en)} ·{' '}
        <button type="button" class="link-button" onClick={() => onSelectEntity(entity.id)}>
          {POPUP_TEXT.openPublisher(entity.names.en)}
        </button>
      </p>
    </article>
  );
}
