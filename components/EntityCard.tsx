/**
 * The card for one entity, in the reader's language (`card.locale`): first what it is and why it
 * matters (type, country, name, current role, summary, sanctions), then the three facts and three
 * deals that matter most for the article, related entities, and the rest behind "More". Used by
 * the in-page card and the popup's detail view. Everything is rendered as text; links are https
 * only and open without an opener. Text the dataset has only in English is marked as English.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { saveSettings } from '../utils/browser/settings-store';
import type { CardData, DealView, EntityRef } from '../utils/dataset/card-data';
import type { EntityRecord, SourceRecord } from '../utils/dataset/records';
import type { Fact } from '../utils/dataset/schema';
import { LOCALE_TAG, type UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import { withMuted } from '../utils/settings';
import {
  countryName,
  factCitation,
  formatDate,
  formatMoney,
  type Localized,
  localized,
  safeUrl,
  TYPE_CATEGORY,
} from './format';
import { SeriesChart } from './SeriesChart';

/** Facts and deals a short card shows before "More". */
const FIRST_ITEMS = 3;

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

/** A small "EN" after text the dataset has only in English, on a card in another language. */
function EnglishTag({ locale }: { locale: UiLocale }) {
  if (locale === 'en') return null;
  return (
    <abbr class="lang-tag" title={t(locale, 'card.englishOnly')} lang={locale}>
      {t(locale, 'card.englishTag')}
    </abbr>
  );
}

/** Data text with its language marked: `lang` for screen readers and fonts, the tag when it is English. */
function DataText({ text, locale }: { text: Localized; locale: UiLocale }) {
  return (
    <>
      <span lang={LOCALE_TAG[text.lang]}>{text.text}</span>
      {text.lang !== locale && (
        <>
          {' '}
          <EnglishTag locale={locale} />
        </>
      )}
    </>
  );
}

export function SourceLinks({
  ids,
  sources,
  locale,
}: {
  ids: readonly string[];
  sources: Readonly<Record<string, SourceRecord>>;
  locale: UiLocale;
}) {
  return (
    <>
      {ids.map((id, index) => {
        const source = sources[id];
        if (!source) return null;
        const label = `${source.publisher}, ${formatDate(source.date, locale)}`;
        const url = safeUrl(source.url);
        // An http:// address is shown, not linked (links are https only).
        const title = source.insecure
          ? `${source.title} — ${source.url} (${t(locale, 'card.notLinked')})`
          : source.title;
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
            <span class="source-kind">{` · ${t(locale, `sourceKind.${source.kind}`)}`}</span>
          </span>
        );
      })}
    </>
  );
}

/** Listings that stand now (those with an end date are over). */
function currentSanctions(entity: EntityRecord) {
  return entity.sanctions.filter((sanction) => !sanction.until);
}

/** One line naming who lists the entity now. */
function SanctionsLine({ entity, locale }: { entity: EntityRecord; locale: UiLocale }) {
  const current = currentSanctions(entity);
  if (current.length === 0) return null;
  const by = [...new Set(current.map((sanction) => sanction.by))].join(', ');
  const since = formatDate(current.map((sanction) => sanction.since).sort()[0] as string, locale);
  return (
    <p class="sanctions" title={current.map((sanction) => `${sanction.by}: ${sanction.programme}`).join('\n')}>
      {t(locale, 'card.sanctionedBy', { by, since })}
    </p>
  );
}

function EntityLink({ entity, onSelect }: { entity: EntityRef; onSelect: (id: string) => void }) {
  return (
    <button
      type="button"
      class={`entity-link cat-${TYPE_CATEGORY[entity.type]}`}
      lang={entity.english ? 'en' : undefined}
      onClick={() => onSelect(entity.id)}
    >
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
  locale,
  onSelect,
}: {
  view: DealView;
  sources: Readonly<Record<string, SourceRecord>>;
  locale: UiLocale;
  onSelect: (id: string) => void;
}) {
  const { deal, parties } = view;
  return (
    <li class="deal">
      <div class="deal-title">
        <DataText text={localized(deal.title, locale)} locale={locale} />
      </div>
      <div class="deal-meta">
        <span>{formatDate(deal.date, locale)}</span>
        {deal.value && <span class="deal-value">{formatMoney(deal.value, locale)}</span>}
        <span class={`status status-${deal.status}`}>{t(locale, `status.${deal.status}`)}</span>
      </div>
      <div class="deal-parties">
        <EntityLinks entities={parties} onSelect={onSelect} />
      </div>
      <div class="source-line">
        {t(locale, 'card.source')} <SourceLinks ids={deal.sources} sources={sources} locale={locale} />
      </div>
    </li>
  );
}

/** Copies a fact with its citation; says so (or that it could not) for a moment. */
function CopyFact({ fact, card }: { fact: Fact; card: CardData }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const ref = useRef<HTMLButtonElement>(null);
  const { locale } = card;
  const copy = async () => {
    const ok = await copyText(factCitation(fact, card.sources, locale), ref.current);
    setState(ok ? 'copied' : 'failed');
    setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button ref={ref} type="button" class="copy-button" title={t(locale, 'card.copyTitle')} onClick={() => void copy()}>
      {state === 'copied'
        ? t(locale, 'card.copied')
        : state === 'failed'
          ? t(locale, 'card.copyFailed')
          : t(locale, 'card.copy')}
    </button>
  );
}

/**
 * Text to the clipboard: the Clipboard API where the page is a secure context, else a selected
 * textarea beside the button (inside the card's own root) and the copy command.
 */
async function copyText(text: string, near: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the copy command.
  }
  if (!near?.parentElement) return false;
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;opacity:0;pointer-events:none;';
  near.parentElement.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    near.focus({ preventScroll: true });
  }
}

function Section({ label, english, children }: { label: string; english?: UiLocale; children: ComponentChildren }) {
  return (
    <section aria-label={label}>
      <h3>
        {label}
        {english && (
          <>
            {' '}
            <EnglishTag locale={english} />
          </>
        )}
      </h3>
      {children}
    </section>
  );
}

/** The nearest scrolling box around an element (the card's frame, the popup's detail pane). */
function scrollerOf(element: Element | null): Element | undefined {
  for (let node = element?.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if (overflowY === 'auto' || overflowY === 'scroll') return node;
  }
  return undefined;
}

export function EntityCard({ card, headingId, mentionCount, onSelectEntity, onBack, onClose }: EntityCardProps) {
  const { locale, entity, facts, dealsAsParty, dealsRelated, related, sources } = card;
  const [expanded, setExpanded] = useState(false);
  const [muted, setMuted] = useState(false);
  const root = useRef<HTMLElement>(null);
  // Another entity (a related link, Back): short again, and read from the top.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the entity changes, by design
  useLayoutEffect(() => {
    setExpanded(false);
    setMuted(false);
    const scroller = scrollerOf(root.current);
    if (scroller) scroller.scrollTop = 0;
  }, [entity.id]);

  const name = localized(entity.names, locale);
  const otherNames = [entity.names.en, entity.names.ru, entity.names.zh].filter(
    (other): other is string => Boolean(other) && other !== name.text,
  );
  const currentRole = entity.roles.find((role) => !role.to);
  const sanctioned = currentSanctions(entity).length > 0;
  const person = entity.type === 'person';

  const shownFacts = expanded ? facts : facts.slice(0, FIRST_ITEMS);
  const shownAsParty = expanded ? dealsAsParty : dealsAsParty.slice(0, FIRST_ITEMS);
  // Without deals of its own, the short card shows the deals about it.
  const shownRelated = expanded ? dealsRelated : dealsAsParty.length === 0 ? dealsRelated.slice(0, FIRST_ITEMS) : [];
  const hiddenCount =
    facts.length -
    shownFacts.length +
    dealsAsParty.length -
    shownAsParty.length +
    dealsRelated.length -
    shownRelated.length +
    (expanded ? 0 : entity.roles.length + entity.series.length);
  const english = locale === 'en' ? undefined : locale;

  const mute = () => {
    void saveSettings((settings) => withMuted(settings, { id: entity.id, name: name.text })).then(() => {
      setMuted(true);
      onClose?.();
    });
  };

  return (
    <article ref={root} class={`entity-card cat-${TYPE_CATEGORY[entity.type]}`} lang={LOCALE_TAG[locale]}>
      <header class="card-header">
        <div class="card-topline">
          {onBack && (
            <button type="button" class="icon-button" onClick={onBack} aria-label={t(locale, 'card.back')}>
              ←
            </button>
          )}
          <span class="type-badge">
            {t(locale, `type.${entity.type}`)} · {countryName(entity.country, locale)}
          </span>
          {sanctioned && <span class="sanctions-badge">{t(locale, 'card.sanctions')}</span>}
          {onClose && (
            <button type="button" class="icon-button close" onClick={onClose} aria-label={t(locale, 'card.close')}>
              ×
            </button>
          )}
        </div>
        <h2 id={headingId} lang={LOCALE_TAG[name.lang]}>
          {name.text}
        </h2>
        {otherNames.length > 0 && (
          <p class="native-names" title={entity.names.zhHant}>
            {otherNames.join(' · ')}
          </p>
        )}
        {(currentRole || entity.kind) && (
          <p class="kind">
            <DataText text={{ text: currentRole?.title ?? entity.kind ?? '', lang: 'en' }} locale={locale} />
          </p>
        )}
      </header>
      <p class="summary">
        <DataText text={localized(entity.summary, locale)} locale={locale} />
      </p>
      <SanctionsLine entity={entity} locale={locale} />

      {shownFacts.length > 0 && (
        <Section label={t(locale, 'card.facts')} english={english}>
          <ul class="facts" lang="en">
            {shownFacts.map((fact) => (
              <li key={fact.text}>
                {fact.text}
                <div class="source-line" lang={LOCALE_TAG[locale]}>
                  <CopyFact fact={fact} card={card} />
                  {t(locale, 'card.asOf', { date: formatDate(fact.asOf, locale) })} ·{' '}
                  <SourceLinks ids={fact.sources} sources={sources} locale={locale} />
                </div>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {shownAsParty.length > 0 && (
        <Section label={t(locale, person ? 'card.dealsAsParty' : 'card.deals')}>
          <ul class="deals">
            {shownAsParty.map((view) => (
              <DealItem key={view.deal.id} view={view} sources={sources} locale={locale} onSelect={onSelectEntity} />
            ))}
          </ul>
        </Section>
      )}
      {shownRelated.length > 0 && (
        <Section label={t(locale, 'card.dealsRelated')}>
          <ul class="deals">
            {shownRelated.map((view) => (
              <DealItem key={view.deal.id} view={view} sources={sources} locale={locale} onSelect={onSelectEntity} />
            ))}
          </ul>
        </Section>
      )}

      {expanded && entity.roles.length > 0 && (
        <Section label={t(locale, 'card.roles')} english={english}>
          <ul class="roles" lang="en">
            {[...entity.roles.filter((role) => !role.to), ...entity.roles.filter((role) => role.to)].map((role) => (
              <li key={`${role.title}-${role.from ?? ''}`}>
                {role.title}
                <span class="muted" lang={LOCALE_TAG[locale]}>
                  {' '}
                  {role.from ? formatDate(role.from, locale) : ''}
                  {role.to ? `–${formatDate(role.to, locale)}` : role.from ? `–${t(locale, 'card.present')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      {expanded &&
        entity.series.map((series) => {
          const title = localized(series.title, locale);
          return (
            <section key={series.title.en} aria-label={title.text}>
              <h3>
                <DataText text={title} locale={locale} />
              </h3>
              <SeriesChart
                series={series}
                locale={locale}
                sourceLinks={(ids) => <SourceLinks ids={ids} sources={sources} locale={locale} />}
              />
            </section>
          );
        })}

      {related.length > 0 && (
        <Section label={t(locale, 'card.related')}>
          <ul class="related">
            {related.map((ref) => (
              <li key={ref.id}>
                <EntityLink entity={ref} onSelect={onSelectEntity} />
              </li>
            ))}
          </ul>
        </Section>
      )}

      {(hiddenCount > 0 || expanded) && (
        <button type="button" class="text-button more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t(locale, 'card.less') : t(locale, 'card.more', { count: hiddenCount })}
        </button>
      )}

      {mentionCount !== undefined && (
        <footer class="card-footer">
          <span>{t(locale, 'card.mentions', { count: mentionCount })}</span>
          <button
            type="button"
            class="text-button mute"
            disabled={muted}
            title={t(locale, 'card.muteTitle', { name: name.text })}
            onClick={mute}
          >
            {t(locale, 'card.mute')}
          </button>
        </footer>
      )}
    </article>
  );
}
