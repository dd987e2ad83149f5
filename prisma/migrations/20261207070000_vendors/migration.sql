-- CreateEnum
CREATE TYPE "VendorStatus" AS ENUM ('not_reviewed', 'review_sent', 'acceptable', 'acceptable_with_conditions', 'not_acceptable');

-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "vendorId" INTEGER;

-- AlterTable
ALTER TABLE "AiToolRequest" ADD COLUMN     "vendorId" INTEGER;

-- CreateTable
CREATE TABLE "Vendor" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameKey" TEXT NOT NULL,
    "domains" TEXT[],
    "ownerChannel" "ChatChannel",
    "ownerId" TEXT,
    "ownerName" TEXT,
    "status" "VendorStatus" NOT NULL DEFAULT 'not_reviewed',
    "outcomeNote" TEXT,
    "questionnaireSentAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "nextReviewAt" TIMESTAMP(3),
    "createdByChannel" "ChatChannel",
    "createdById" TEXT,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Vendor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VendorReview" (
    "id" SERIAL NOT NULL,
    "vendorId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "definitionId" TEXT NOT NULL,
    "definitionVersion" INTEGER NOT NULL,
    "answers" JSONB NOT NULL,
    "recordedByChannel" "ChatChannel" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "outcome" "VendorStatus",
    "outcomeNote" TEXT,
    "decidedByChannel" "ChatChannel",
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "controls" TEXT[],

    CONSTRAINT "VendorReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_reference_key" ON "Vendor"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Vendor_nameKey_key" ON "Vendor"("nameKey");

-- CreateIndex
CREATE INDEX "Vendor_nextReviewAt_idx" ON "Vendor"("nextReviewAt");

-- CreateIndex
CREATE UNIQUE INDEX "VendorReview_vendorId_version_key" ON "VendorReview"("vendorId", "version");

-- AddForeignKey
ALTER TABLE "AiToolRequest" ADD CONSTRAINT "AiToolRequest_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSystem" ADD CONSTRAINT "AiSystem_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VendorReview" ADD CONSTRAINT "VendorReview_vendorId_fkey" FOREIGN KEY ("vendorId") REFERENCES "Vendor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Data: one vendor record per distinct vendor name (whatever its case) of today's register entries and requests,
-- numbered VEN-0001... in name order, not reviewed yet and without an owner; the entries and requests are linked to it.
WITH names AS (
    SELECT lower(btrim("vendor")) AS "nameKey", min(btrim("vendor")) AS "name"
    FROM (SELECT "vendor" FROM "AiSystem" UNION ALL SELECT "vendor" FROM "AiToolRequest") AS v
    WHERE btrim("vendor") <> ''
    GROUP BY lower(btrim("vendor"))
)
INSERT INTO "Vendor" ("reference", "name", "nameKey", "domains", "controls", "createdAt", "updatedAt")
SELECT 'VEN-' || lpad((row_number() OVER (ORDER BY "nameKey"))::text, 4, '0'), "name", "nameKey", ARRAY[]::TEXT[], ARRAY['A.10.2', 'A.10.3'], CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM names;

INSERT INTO "ReferenceCounter" ("prefix", "lastValue")
SELECT 'VEN', count(*) FROM "Vendor" HAVING count(*) > 0
ON CONFLICT ("prefix") DO UPDATE SET "lastValue" = EXCLUDED."lastValue";

UPDATE "AiSystem" s SET "vendorId" = v."id" FROM "Vendor" v WHERE v."nameKey" = lower(btrim(s."vendor"));

UPDATE "AiToolRequest" r SET "vendorId" = v."id" FROM "Vendor" v WHERE v."nameKey" = lower(btrim(r."vendor"));
