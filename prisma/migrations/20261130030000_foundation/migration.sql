-- CreateEnum
CREATE TYPE "ChatChannel" AS ENUM ('slack', 'teams');

-- CreateEnum
CREATE TYPE "OrgRole" AS ENUM ('ai_user', 'ai_provider', 'ai_producer');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('pending', 'changes_requested', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "RiskTier" AS ENUM ('low', 'medium', 'high');

-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('approved', 'rejected', 'changes_requested');

-- CreateEnum
CREATE TYPE "AiSystemStatus" AS ENUM ('active', 'suspended', 'retired');

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "actorChannel" "ChatChannel",
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "controls" TEXT[],
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "prefix" TEXT NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("prefix")
);

-- CreateTable
CREATE TABLE "ChannelMessage" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "conversationId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiToolRequest" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "requesterChannel" "ChatChannel" NOT NULL,
    "requesterId" TEXT NOT NULL,
    "requesterName" TEXT,
    "toolName" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "url" TEXT,
    "purpose" TEXT NOT NULL,
    "intendedUsers" TEXT NOT NULL,
    "userCount" INTEGER NOT NULL,
    "dataCategories" TEXT[],
    "customerFacing" BOOLEAN NOT NULL,
    "decidesAboutPeople" BOOLEAN NOT NULL,
    "orgRole" "OrgRole" NOT NULL,
    "riskTier" "RiskTier" NOT NULL,
    "riskReasons" TEXT[],
    "status" "RequestStatus" NOT NULL DEFAULT 'pending',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiToolRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestDecision" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "deciderChannel" "ChatChannel" NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT,
    "reason" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "RequestDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AiSystem" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "requestId" INTEGER,
    "name" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "url" TEXT,
    "purpose" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "orgRole" "OrgRole" NOT NULL,
    "riskTier" "RiskTier" NOT NULL,
    "ownerChannel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT,
    "status" "AiSystemStatus" NOT NULL DEFAULT 'active',
    "approvedAt" TIMESTAMP(3) NOT NULL,
    "nextReviewAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiSystem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_prevHash_key" ON "AuditEvent"("prevHash");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_hash_key" ON "AuditEvent"("hash");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelMessage_entityType_entityId_purpose_channel_key" ON "ChannelMessage"("entityType", "entityId", "purpose", "channel");

-- CreateIndex
CREATE UNIQUE INDEX "AiToolRequest_reference_key" ON "AiToolRequest"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "AiToolRequest_submissionKey_key" ON "AiToolRequest"("submissionKey");

-- CreateIndex
CREATE INDEX "AiToolRequest_requesterChannel_requesterId_idx" ON "AiToolRequest"("requesterChannel", "requesterId");

-- CreateIndex
CREATE INDEX "AiToolRequest_status_idx" ON "AiToolRequest"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RequestDecision_requestId_revision_key" ON "RequestDecision"("requestId", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "AiSystem_reference_key" ON "AiSystem"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "AiSystem_requestId_key" ON "AiSystem"("requestId");

-- CreateIndex
CREATE INDEX "AiSystem_nextReviewAt_idx" ON "AiSystem"("nextReviewAt");

-- AddForeignKey
ALTER TABLE "RequestDecision" ADD CONSTRAINT "RequestDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AiToolRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiSystem" ADD CONSTRAINT "AiSystem_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AiToolRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
