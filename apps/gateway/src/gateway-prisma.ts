import { prismaClientOptions, type TxOf } from '@laurel/platform';
import type { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export type GatewayTx = TxOf<PrismaClient>;
export const gatewayPrisma = (adapter: PrismaPg) => new PrismaClient(prismaClientOptions(adapter));
export type { PrismaClient };
