import type { Prisma as PrismaNamespace } from "../db/generated/client.js";

/** A Prisma interactive-transaction client: every write of one change goes through the same one. */
export type Tx = PrismaNamespace.TransactionClient;
