import { Injectable } from '@nestjs/common';
import type { GatewayTx } from '../gateway-prisma';

/** The rehearsal platform's stored virtual time (one row): platform data, reached through the system role. */
@Injectable()
export class VirtualClockRepository {
  /** The stored clock, created at `start` the first time a rehearsal platform starts on this database. */
  async findOrCreate(tx: GatewayTx, start: Date) {
    const found = await tx.virtualClockState.findUnique({ where: { id: 1 } });
    if (found) return found;
    await tx.$executeRawUnsafe(
      'INSERT INTO virtual_clock (id, now, started_at) VALUES (1, $1, $1) ON CONFLICT (id) DO NOTHING',
      start,
    );
    return tx.virtualClockState.findUniqueOrThrow({ where: { id: 1 } });
  }

  /**
   * Moves the stored time from `from` to `to`; false when it no longer reads `from` (another move got there first).
   */
  async advance(tx: GatewayTx, from: Date, to: Date, movedBy: string, movedAt: Date): Promise<boolean> {
    const { count } = await tx.virtualClockState.updateMany({
      where: { id: 1, now: from },
      data: { now: to, movedBy, movedAt },
    });
    return count === 1;
  }
}
