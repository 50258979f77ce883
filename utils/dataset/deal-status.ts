/** A deal's current status: the last entry of its status history (the schema requires one). */
import type { Deal, DealStatusEntry } from './schema';

export function currentStatus(deal: Pick<Deal, 'statuses'>): DealStatusEntry {
  return deal.statuses[deal.statuses.length - 1] as DealStatusEntry;
}
