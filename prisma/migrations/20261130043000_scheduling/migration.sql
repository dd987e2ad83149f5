-- CreateEnum
CREATE TYPE "ObjectiveCadence" AS ENUM ('weekly', 'monthly', 'quarterly');

-- CreateEnum
CREATE TYPE "ObjectiveProgress" AS ENUM ('on_track', 'at_risk', 'off_track');

-- CreateEnum
CREATE TYPE "ReviewKind" AS ENUM ('ai_policy', 'internal_audit', 'management_review', 'other');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'sent', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Objective" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "targetValue" DOUBLE PRECISION NOT NULL,
    "unit" TEXT,
    "ownerChannel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "cadence" "ObjectiveCadence" NOT NULL DEFAULT 'monthly',
    "nextCheckInAt" TIMESTAMP(3) NOT NULL,
    "progress" "ObjectiveProgress",
    "currentValue" DOUBLE PRECISION,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Objective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectiveCheckIn" (
    "id" SERIAL NOT NULL,
    "objectiveId" INTEGER NOT NULL,
    "occurrenceAt" TIMESTAMP(3) NOT NULL,
    "progress" "ObjectiveProgress" NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "note" TEXT,
    "actorChannel" "ChatChannel" NOT NULL,
    "actorId" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "ObjectiveCheckIn_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewSchedule" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "kind" "ReviewKind" NOT NULL,
    "title" TEXT NOT NULL,
    "ownerChannel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT,
    "intervalMonths" INTEGER NOT NULL,
    "nextDueAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DueItemOccurrence" (
    "id" SERIAL NOT NULL,
    "occurrenceKey" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "snoozedUntil" TIMESTAMP(3),
    "snoozeCount" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMP(3),
    "completedByChannel" "ChatChannel",
    "completedById" TEXT,
    "evidenceNote" TEXT,
    "evidenceLink" TEXT,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DueItemOccurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScheduledDelivery" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "occurrenceKey" TEXT,
    "kind" TEXT NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "recipientId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "notBefore" TIMESTAMP(3) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "sentAt" TIMESTAMP(3),
    "messageId" TEXT,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScheduledDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DigestRun" (
    "id" SERIAL NOT NULL,
    "firesAt" TIMESTAMP(3) NOT NULL,
    "counts" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DigestRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Objective_reference_key" ON "Objective"("reference");

-- CreateIndex
CREATE INDEX "Objective_nextCheckInAt_idx" ON "Objective"("nextCheckInAt");

-- CreateIndex
CREATE UNIQUE INDEX "ObjectiveCheckIn_objectiveId_occurrenceAt_key" ON "ObjectiveCheckIn"("objectiveId", "occurrenceAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewSchedule_reference_key" ON "ReviewSchedule"("reference");

-- CreateIndex
CREATE INDEX "ReviewSchedule_nextDueAt_idx" ON "ReviewSchedule"("nextDueAt");

-- CreateIndex
CREATE UNIQUE INDEX "DueItemOccurrence_occurrenceKey_key" ON "DueItemOccurrence"("occurrenceKey");

-- CreateIndex
CREATE INDEX "DueItemOccurrence_source_itemId_idx" ON "DueItemOccurrence"("source", "itemId");

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledDelivery_key_key" ON "ScheduledDelivery"("key");

-- CreateIndex
CREATE INDEX "ScheduledDelivery_status_notBefore_idx" ON "ScheduledDelivery"("status", "notBefore");

-- CreateIndex
CREATE INDEX "ScheduledDelivery_occurrenceKey_idx" ON "ScheduledDelivery"("occurrenceKey");

-- CreateIndex
CREATE UNIQUE INDEX "DigestRun_firesAt_key" ON "DigestRun"("firesAt");

-- AddForeignKey
ALTER TABLE "ObjectiveCheckIn" ADD CONSTRAINT "ObjectiveCheckIn_objectiveId_fkey" FOREIGN KEY ("objectiveId") REFERENCES "Objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
