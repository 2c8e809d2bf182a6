import { addDays, shanghaiEndOfDay, shanghaiStartOfDay } from '@laurel/calendar';
import type { ClawbackInstalment } from './clawback-case.mapper';

export interface ClawbackDeadline {
  readonly dueOn: string;
  readonly remindAt: Date;
  /** 24:00 Asia/Shanghai of the due date: unpaid by then, the case is overdue. */
  readonly dueAt: Date;
}

/**
 * The next due date of a case: the first agreed instalment not yet covered by what was recovered, else the demand
 * letter's; the reminder `remindDaysBefore` days earlier (finance's decision), at the start of that day.
 */
export function nextDeadline(
  demandDueOn: string,
  instalments: readonly ClawbackInstalment[] | null,
  recovered: bigint,
  remindDaysBefore: number,
): ClawbackDeadline | null {
  let dueOn = demandDueOn;
  if (instalments) {
    let cumulative = 0n;
    const next = instalments.find((i) => {
      cumulative += BigInt(i.amountFen);
      return cumulative > recovered;
    });
    if (!next) return null;
    dueOn = next.dueOn;
  }
  return {
    dueOn,
    remindAt: shanghaiStartOfDay(addDays(dueOn, -remindDaysBefore)),
    dueAt: shanghaiEndOfDay(dueOn),
  };
}
