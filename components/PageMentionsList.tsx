/** "On this page": the entities the tab mentions, grouped by type, most mentioned first. */
import { entityById } from '../utils/dataset/card-data';
import type { EntityType } from '../utils/dataset/schema';
import type { UiLocale } from '../utils/i18n/locale';
import { t } from '../utils/i18n/t';
import type { PageMentions } from '../utils/messages';
import type { SearchData, SearchEntity } from '../utils/search/search-data';

export function PageMentionsList({
  page,
  data,
  locale,
  onReveal,
}: {
  page: PageMentions;
  data: Pick<SearchData, 'entities'>;
  locale: UiLocale;
  onReveal: (id: string) => void;
}) {
  const byId = entityById(data);
  const groups = new Map<EntityType, { entity: SearchEntity; count: number }[]>();
  for (const { id, count } of page.mentions) {
    const entity = byId.get(id);
    if (!entity) continue;
    const group = groups.get(entity.type) ?? [];
    group.push({ entity, count });
    groups.set(entity.type, group);
  }
  if (groups.size === 0) return <p class="muted-line">{t(locale, 'popup.noMentions')}</p>;
  const total = page.mentions.reduce((sum, mention) => sum + mention.count, 0);
  return (
    <div class="page-mentions">
      <p class="muted-line">
        {t(locale, 'popup.pageSummary', {
          entities: t(locale, 'popup.entityCount', { count: page.mentions.length }),
          mentions: t(locale, 'popup.mentionCount', { count: total }),
        })}
      </p>
      {[...groups].map(([type, items]) => (
        <section key={type} aria-label={t(locale, `group.${type}`)}>
          <h3>{t(locale, `group.${type}`)}</h3>
          <ul>
            {items
              .sort((a, b) => b.count - a.count || a.entity.names.en.localeCompare(b.entity.names.en))
              .map(({ entity, count }) => (
                <li key={entity.id}>
                  <button type="button" class="page-mention" onClick={() => onReveal(entity.id)}>
                    <span>{entity.names.en}</span>
                    <span class="count">
                      <span aria-hidden="true">{count}</span>
                      <span class="visually-hidden"> {t(locale, 'popup.mentionCount', { count })}</span>
                    </span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
