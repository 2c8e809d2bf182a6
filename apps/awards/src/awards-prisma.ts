import { prismaClientOptions, type TxOf } from '@laurel/platform';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type AwardsTx = TxOf<PrismaClient>;
export const awardsPrisma = (adapter: PrismaPg) => new PrismaClient(prismaClientOptions(adapter));
export type { PrismaClient };
