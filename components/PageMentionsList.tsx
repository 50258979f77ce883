/** "On this page": the entities the tab mentions, grouped by type, most mentioned first. */
import { entityById } from '../utils/dataset/card-data';
import type { EntityType } from '../utils/dataset/schema';
import { t } from '../utils/i18n/t';
import type { PageMentions } from '../utils/messages';
import type { SearchData, SearchEntity } from '../utils/search/search-data';

export function PageMentionsList({
  page,
  data,
  onReveal,
}: {
  page: PageMentions;
  data: Pick<SearchData, 'entities'>;
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
  if (groups.size === 0) return <p class="muted-line">No known names found on this page.</p>;
  const total = page.mentions.reduce((sum, mention) => sum + mention.count, 0);
  return (
    <div class="page-mentions">
      <p class="muted-line">
        {page.mentions.length} {page.mentions.length === 1 ? 'entity' : 'entities'}, {total}{' '}
        {total === 1 ? 'mention' : 'mentions'}. Pick one to go to it on the page.
      </p>
      {[...groups].map(([type, items]) => (
        <section key={type} aria-label={t('en', `group.${type}`)}>
          <h3>{t('en', `group.${type}`)}</h3>
          <ul>
            {items
              .sort((a, b) => b.count - a.count || a.entity.names.en.localeCompare(b.entity.names.en))
              .map(({ entity, count }) => (
                <li key={entity.id}>
                  <button type="button" class="page-mention" onClick={() => onReveal(entity.id)}>
                    <span>{entity.names.en}</span>
                    <span class="count">
                      {count}
                      <span class="visually-hidden"> {count === 1 ? 'mention' : 'mentions'}</span>
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
