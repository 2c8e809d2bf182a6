import { prismaClientOptions, type TxOf } from '@laurel/platform';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type ReviewsTx = TxOf<PrismaClient>;
export const reviewsPrisma = (adapter: PrismaPg) => new PrismaClient(prismaClientOptions(adapter));
export type { PrismaClient };
