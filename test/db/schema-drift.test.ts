import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/migrations.js";
import { findSchemaDrift, readPrismaSchemaFiles } from "../support/schema-drift/index.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";
import { createMigrationsDir, removeDir } from "./migration-fixtures.js";

const DATASOURCE = `datasource db {
  provider = "postgresql"
}
`;

const MODELS = `enum Role {
  ADMIN
  MEMBER @map("member")
}

model Team {
  id        Int      @id @default(autoincrement())
  name      String   @db.VarChar(120)
  slug      String
  createdAt DateTime @default(now()) @map("created_at")
  budget    Decimal?
  settings  Json     @default("{}")
  members   Member[]
  tags      Tag[]

  @@unique([slug])
  @@map("teams")
}

model Member {
  id        String    @id @default(uuid())
  teamId    Int       @map("team_id")
  team      Team      @relation(fields: [teamId], references: [id], onDelete: Cascade)
  mentorId  String?
  mentor    Member?   @relation("Mentoring", fields: [mentorId], references: [id])
  mentees   Member[]  @relation("Mentoring")
  role      Role      @default(MEMBER)
  email     String    @unique
  aliases   String[]
  joinedAt  DateTime  @db.Timestamptz(3)
  token     String    @default(dbgenerated("md5(random()::text)"))

  @@unique([teamId, email])
  @@index([joinedAt])
}

model Tag {
  id    Int    @id @default(autoincrement())
  label String
  teams Team[]
}
`;

// Written the way \`prisma migrate dev\` renders this schema.
const MIGRATION = `-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'member');

-- CreateTable
CREATE TABLE "teams" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "budget" DECIMAL(65,30),
    "settings" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "teams_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Member" (
    "id" TEXT NOT NULL,
    "team_id" INTEGER NOT NULL,
    "mentorId" TEXT,
    "role" "Role" NOT NULL DEFAULT 'member',
    "email" TEXT NOT NULL,
    "aliases" TEXT[],
    "joinedAt" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL DEFAULT md5(random()::text),

    CONSTRAINT "Member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" SERIAL NOT NULL,
    "label" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_TagToTeam" (
    "A" INTEGER NOT NULL,
    "B" INTEGER NOT NULL,

    CONSTRAINT "_TagToTeam_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "teams_slug_key" ON "teams"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Member_email_key" ON "Member"("email");

-- CreateIndex
CREATE INDEX "Member_joinedAt_idx" ON "Member"("joinedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Member_team_id_email_key" ON "Member"("team_id", "email");

-- CreateIndex
CREATE INDEX "_TagToTeam_B_index" ON "_TagToTeam"("B");

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Member" ADD CONSTRAINT "Member_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TagToTeam" ADD CONSTRAINT "_TagToTeam_A_fkey" FOREIGN KEY ("A") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TagToTeam" ADD CONSTRAINT "_TagToTeam_B_fkey" FOREIGN KEY ("B") REFERENCES "teams"("id") ON DELETE CASCADE ON UPDATE CASCADE;
`;

let database: TestDatabase;
let pool: pg.Pool;
let migrationsDir: string;
let schemaDir: string;
let schemaFiles: Awaited<ReturnType<typeof readPrismaSchemaFiles>>;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url, max: 1 });
  migrationsDir = await createMigrationsDir({ "20250101000000_init": MIGRATION });
  schemaDir = await mkdtemp(join(tmpdir(), "aims-schema-"));
  await writeFile(join(schemaDir, "base.prisma"), DATASOURCE);
  await writeFile(join(schemaDir, "models.prisma"), MODELS);
  schemaFiles = await readPrismaSchemaFiles(schemaDir);
});

afterAll(async () => {
  await pool.end();
  await database.drop();
  await removeDir(migrationsDir);
  await removeDir(schemaDir);
});

beforeEach(async () => {
  await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
  await applyMigrations(pool, migrationsDir);
});

describe("findSchemaDrift", () => {
  it("reports nothing when the database matches the schema", async () => {
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([]);
  });

  it("reports a missing column", async () => {
    await pool.query(`ALTER TABLE "teams" DROP COLUMN "created_at"`);
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([`Column "teams"."created_at" (Team.createdAt) is missing`]);
  });

  it("reports a wrong column type", async () => {
    await pool.query(`ALTER TABLE "teams" ALTER COLUMN "name" TYPE TEXT`);
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([
      `Column "teams"."name" (Team.name) has type text, expected character varying(120)`,
    ]);
  });

  it("reports wrong nullability", async () => {
    await pool.query(`ALTER TABLE "Member" ALTER COLUMN "email" DROP NOT NULL`);
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([
      `Column "Member"."email" (Member.email) is nullable, expected NOT NULL`,
    ]);
  });

  it("reports a missing unique index", async () => {
    await pool.query(`DROP INDEX "Member_team_id_email_key"`);
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([
      `Unique index on (team_id, email) on "Member" ("Member_team_id_email_key") is missing`,
    ]);
  });

  it("reports a missing foreign key and a wrong referential action", async () => {
    await pool.query(`ALTER TABLE "Member" DROP CONSTRAINT "Member_team_id_fkey"`);
    await pool.query(`ALTER TABLE "Member" DROP CONSTRAINT "Member_mentorId_fkey",
      ADD CONSTRAINT "Member_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "Member"("id") ON DELETE RESTRICT ON UPDATE CASCADE`);
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([
      `Foreign key (team_id) -> "teams" (id) ON DELETE Cascade ON UPDATE Cascade on "Member" ("Member_team_id_fkey") is missing`,
      `"Member_mentorId_fkey" on "Member" is Foreign key (mentorId) -> "Member" (id) ON DELETE Restrict ON UPDATE Cascade, ` +
        `expected Foreign key (mentorId) -> "Member" (id) ON DELETE SetNull ON UPDATE Cascade`,
    ]);
  });

  it("reports defaults, enum values, index names, extra columns and extra tables", async () => {
    await pool.query(`ALTER TABLE "Member" ALTER COLUMN "role" SET DEFAULT 'ADMIN'`);
    await pool.query(`ALTER TABLE "teams" ALTER COLUMN "created_at" DROP DEFAULT`);
    await pool.query(`ALTER TYPE "Role" ADD VALUE 'GUEST'`);
    await pool.query(`ALTER INDEX "teams_slug_key" RENAME TO "teams_slug_unique"`);
    await pool.query(`ALTER TABLE "Tag" ADD COLUMN "colour" TEXT`);
    await pool.query(`CREATE TABLE "scratch" ("id" INTEGER)`);

    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([
      `Enum type "Role" has values (ADMIN, member, GUEST), expected (ADMIN, member)`,
      `Column "teams"."created_at" (Team.createdAt) has no default, expected now()`,
      `Unique index on (slug) on "teams" is named "teams_slug_unique", expected "teams_slug_key"`,
      `Column "Member"."role" (Member.role) has default 'ADMIN'::"Role", expected "member"`,
      `Column "Tag"."colour" exists in the database but not in the Prisma schema`,
      `Table "scratch" exists in the database but not in the Prisma schema`,
    ]);
  });

  it("reports every model table as missing on an empty database", async () => {
    await pool.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    expect(await findSchemaDrift(pool, schemaFiles)).toEqual([
      `Enum type "Role" is missing`,
      `Table "teams" (model Team) is missing`,
      `Table "Member" (model Member) is missing`,
      `Table "Tag" (model Tag) is missing`,
      `Table "_TagToTeam" (implicit many-to-many relation TagToTeam) is missing`,
    ]);
  });

  it("rejects an invalid Prisma schema with the engine's message", async () => {
    await expect(findSchemaDrift(pool, `${DATASOURCE}model Broken {\n  id Nope @id\n}\n`)).rejects.toThrow(
      /Invalid Prisma schema:[\s\S]*Type "Nope" is neither a built-in type/,
    );
  });
});
