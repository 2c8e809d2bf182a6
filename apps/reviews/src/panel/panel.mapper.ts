import type { PanelView } from '@laurel/contracts';
import type { PanelRow } from './panel.repository';

/** A panel with each member's current load in the stage. */
export function toPanelView(row: PanelRow, loads: ReadonlyMap<string, number>): PanelView {
  return {
    id: row.id,
    stageId: row.stageId,
    name: row.name,
    size: row.size,
    sizeReason: row.sizeReason,
    sizeDecidedBy: row.sizeDecidedBy,
    sizeDecidedAt: row.sizeDecidedAt.toISOString(),
    members: row.members.map((m) => ({
      expertId: m.expertId,
      expertName: m.expert.name,
      minLoad: m.minLoad,
      maxLoad: m.maxLoad,
      load: loads.get(m.expertId) ?? 0,
    })),
  };
}
