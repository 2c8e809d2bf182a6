import { prismaClientOptions, type TxOf } from '@laurel/platform';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type ObjectionsTx = TxOf<PrismaClient>;
export const objectionsPrisma = (adapter: PrismaPg) => new PrismaClient(prismaClientOptions(adapter));
export type { PrismaClient };
