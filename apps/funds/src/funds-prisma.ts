import { prismaClientOptions, type TxOf } from '@laurel/platform';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type FundsTx = TxOf<PrismaClient>;
export const fundsPrisma = (adapter: PrismaPg) => new PrismaClient(prismaClientOptions(adapter));
export type { PrismaClient };
