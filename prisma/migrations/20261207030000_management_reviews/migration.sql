-- CreateEnum
CREATE TYPE "ManagementReviewStatus" AS ENUM ('scheduled', 'open', 'closed');

-- CreateEnum
CREATE TYPE "ManagementReviewDecisionKind" AS ENUM ('improvement', 'change', 'resource');

-- CreateEnum
CREATE TYPE "ManagementReviewActionStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateTable
CREATE TABLE "ManagementReview" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "status" "ManagementReviewStatus" NOT NULL DEFAULT 'scheduled',
    "organiserChannel" "ChatChannel" NOT NULL,
    "organiserId" TEXT NOT NULL,
    "organiserName" TEXT,
    "reviewers" JSONB NOT NULL,
    "reviewerRole" "AimsRole",
    "intervalMonths" INTEGER,
    "fromSchedule" TEXT,
    "inputs" JSONB,
    "participants" JSONB,
    "periodStart" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "minutes" TEXT,
    "closedAt" TIMESTAMP(3),
    "closedByChannel" "ChatChannel",
    "closedById" TEXT,
    "closedByName" TEXT,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ManagementReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManagementReviewDecision" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "kind" "ManagementReviewDecisionKind" NOT NULL,
    "text" TEXT NOT NULL,
    "decidedByChannel" "ChatChannel" NOT NULL,
    "decidedById" TEXT NOT NULL,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "ManagementReviewDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManagementReviewAction" (
    "id" SERIAL NOT NULL,
    "reviewId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "ownerChannel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" "ManagementReviewActionStatus" NOT NULL DEFAULT 'open',
    "completedAt" TIMESTAMP(3),
    "createdByChannel" "ChatChannel" NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "ManagementReviewAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ManagementReview_reference_key" ON "ManagementReview"("reference");

-- CreateIndex
CREATE INDEX "ManagementReview_status_scheduledAt_idx" ON "ManagementReview"("status", "scheduledAt");

-- CreateIndex
CREATE INDEX "ManagementReviewDecision_reviewId_idx" ON "ManagementReviewDecision"("reviewId");

-- CreateIndex
CREATE INDEX "ManagementReviewAction_status_dueDate_idx" ON "ManagementReviewAction"("status", "dueDate");

-- CreateIndex
CREATE INDEX "ManagementReviewAction_reviewId_idx" ON "ManagementReviewAction"("reviewId");

-- AddForeignKey
ALTER TABLE "ManagementReviewDecision" ADD CONSTRAINT "ManagementReviewDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ManagementReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManagementReviewAction" ADD CONSTRAINT "ManagementReviewAction_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ManagementReview"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every active management-review schedule becomes a scheduled management review on the same date (MR-0001 ...,
-- in the order the schedules were made), its owner the organiser and reviewer, its interval kept for the next one.
-- The schedule itself stops (active = false), so nobody is reminded twice.
INSERT INTO "ManagementReview" ("reference", "title", "scheduledAt", "status", "organiserChannel", "organiserId", "organiserName",
                                "reviewers", "intervalMonths", "fromSchedule", "controls", "createdAt", "updatedAt")
SELECT 'MR-' || lpad((row_number() OVER (ORDER BY s."id"))::text, 4, '0'),
       s."title", s."nextDueAt", 'scheduled', s."ownerChannel", s."ownerId", s."ownerName",
       jsonb_build_array(jsonb_build_object('channel', s."ownerChannel", 'id', s."ownerId", 'name', s."ownerName")),
       s."intervalMonths", s."reference", ARRAY['9.3']::text[], CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
FROM "ReviewSchedule" s
WHERE s."kind" = 'management_review' AND s."active";

INSERT INTO "ReferenceCounter" ("prefix", "lastValue")
SELECT 'MR', count(*)::int FROM "ManagementReview" HAVING count(*) > 0
ON CONFLICT ("prefix") DO UPDATE SET "lastValue" = GREATEST("ReferenceCounter"."lastValue", EXCLUDED."lastValue");

UPDATE "ReviewSchedule" SET "active" = false, "updatedAt" = CURRENT_TIMESTAMP
WHERE "kind" = 'management_review' AND "active";
