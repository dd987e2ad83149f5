-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('sev1', 'sev2', 'sev3', 'sev4');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'investigating', 'mitigated', 'resolved', 'closed');

-- CreateEnum
CREATE TYPE "IncidentRoomStatus" AS ENUM ('not_needed', 'pending', 'created', 'failed');

-- CreateEnum
CREATE TYPE "IncidentTimelineKind" AS ENUM ('note', 'status_change');

-- CreateEnum
CREATE TYPE "CorrectiveActionStatus" AS ENUM ('open', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "ExternalRecipient" AS ENUM ('regulator', 'customers', 'other');

-- CreateEnum
CREATE TYPE "ExternalReportOutcome" AS ENUM ('report', 'do_not_report');

-- CreateTable
CREATE TABLE "Incident" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "aiSystemId" INTEGER,
    "affectedSystem" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "detectedAt" TIMESTAMP(3) NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "harmedParties" TEXT[],
    "containment" TEXT NOT NULL,
    "externalReporting" TEXT[],
    "status" "IncidentStatus" NOT NULL DEFAULT 'open',
    "reporterChannel" "ChatChannel" NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reporterName" TEXT,
    "roomStatus" "IncidentRoomStatus" NOT NULL DEFAULT 'not_needed',
    "roomChannel" "ChatChannel",
    "roomId" TEXT,
    "roomName" TEXT,
    "roomError" TEXT,
    "rootCause" TEXT,
    "noCorrectiveActionReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentTimelineEntry" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "kind" "IncidentTimelineKind" NOT NULL,
    "text" TEXT NOT NULL,
    "authorChannel" "ChatChannel" NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT,
    "source" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "IncidentTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CorrectiveAction" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "ownerChannel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" "CorrectiveActionStatus" NOT NULL DEFAULT 'open',
    "createdById" TEXT NOT NULL,
    "createdByChannel" "ChatChannel" NOT NULL,
    "completedAt" TIMESTAMP(3),
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CorrectiveAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExternalReportDecision" (
    "id" SERIAL NOT NULL,
    "incidentId" INTEGER NOT NULL,
    "recipient" "ExternalRecipient" NOT NULL,
    "recipientDetail" TEXT,
    "outcome" "ExternalReportOutcome" NOT NULL,
    "reason" TEXT NOT NULL,
    "deciderChannel" "ChatChannel" NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "ExternalReportDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_reference_key" ON "Incident"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_submissionKey_key" ON "Incident"("submissionKey");

-- CreateIndex
CREATE INDEX "Incident_status_idx" ON "Incident"("status");

-- CreateIndex
CREATE INDEX "Incident_aiSystemId_idx" ON "Incident"("aiSystemId");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_roomChannel_roomId_key" ON "Incident"("roomChannel", "roomId");

-- CreateIndex
CREATE INDEX "IncidentTimelineEntry_incidentId_occurredAt_idx" ON "IncidentTimelineEntry"("incidentId", "occurredAt");

-- CreateIndex
CREATE INDEX "CorrectiveAction_incidentId_idx" ON "CorrectiveAction"("incidentId");

-- CreateIndex
CREATE INDEX "CorrectiveAction_status_dueDate_idx" ON "CorrectiveAction"("status", "dueDate");

-- CreateIndex
CREATE INDEX "ExternalReportDecision_incidentId_idx" ON "ExternalReportDecision"("incidentId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_aiSystemId_fkey" FOREIGN KEY ("aiSystemId") REFERENCES "AiSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExternalReportDecision" ADD CONSTRAINT "ExternalReportDecision_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
