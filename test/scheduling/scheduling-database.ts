import { fileURLToPath } from "node:url";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../src/db/generated/client.js";
import type { Prisma } from "../../src/db/database.js";
import { applyMigrations } from "../../src/db/migrations.js";
import { createTestDatabase } from "../support/test-database.js";

const MIGRATIONS = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export interface SchedulingDatabase {
  kind: "embedded" | "postgresql";
  /** A Prisma client for one replica. On PostgreSQL each replica has its own pool (its own connections); the
   *  embedded database takes one connection, so its replicas share that one pool, as replicas of one process would. */
  replicaClient(): Prisma;
  close(): Promise<void>;
}

export async function openSchedulingDatabase(): Promise<SchedulingDatabase> {
  const database = await createTestDatabase({ migrated: true });
  const embedded = !process.env.DATABASE_URL;
  const pools: pg.Pool[] = [];
  const newPool = () => {
    const pool = new pg.Pool({ connectionString: database.url, max: embedded ? 1 : 5 });
    pools.push(pool);
    return pool;
  };
  const shared = newPool();
  await applyMigrations(shared, MIGRATIONS);
  const clients: Prisma[] = [];
  return {
    kind: embedded ? "embedded" : "postgresql",
    replicaClient() {
      const client = new PrismaClient({ adapter: new PrismaPg(embedded ? shared : newPool()) });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.$disconnect()));
      await Promise.all(pools.map((pool) => pool.end()));
      await database.drop();
    },
  };
}
