-- CreateEnum
CREATE TYPE "ConcernStatus" AS ENUM ('received', 'acknowledged', 'investigating', 'resolved', 'dismissed');

-- CreateEnum
CREATE TYPE "ConcernCategory" AS ENUM ('bias', 'privacy', 'safety', 'misuse', 'transparency', 'legal', 'other');

-- CreateEnum
CREATE TYPE "ConcernMessageAuthor" AS ENUM ('triager', 'reporter');

-- CreateTable
CREATE TABLE "Concern" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "submissionKey" TEXT,
    "reporterChannel" "ChatChannel",
    "reporterId" TEXT,
    "reporterName" TEXT,
    "followUpCode" TEXT,
    "secretHash" TEXT,
    "category" "ConcernCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "aiSystemReference" TEXT,
    "aiSystemName" TEXT,
    "quotedText" TEXT,
    "quotedAuthorId" TEXT,
    "quotedConversationId" TEXT,
    "quotedMessageId" TEXT,
    "status" "ConcernStatus" NOT NULL DEFAULT 'received',
    "assigneeChannel" "ChatChannel",
    "assigneeId" TEXT,
    "assigneeName" TEXT,
    "outcomeReason" TEXT,
    "receivedOn" DATE NOT NULL,
    "acknowledgeBy" DATE NOT NULL,
    "resolveBy" DATE NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "controls" TEXT[],

    CONSTRAINT "Concern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernMessage" (
    "id" SERIAL NOT NULL,
    "concernId" INTEGER NOT NULL,
    "author" "ConcernMessageAuthor" NOT NULL,
    "authorChannel" "ChatChannel",
    "authorId" TEXT,
    "authorName" TEXT,
    "body" TEXT NOT NULL,
    "sentOn" DATE NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "ConcernMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConcernFollowUpAttempt" (
    "codeHash" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConcernFollowUpAttempt_pkey" PRIMARY KEY ("codeHash","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "Concern_reference_key" ON "Concern"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_submissionKey_key" ON "Concern"("submissionKey");

-- CreateIndex
CREATE UNIQUE INDEX "Concern_followUpCode_key" ON "Concern"("followUpCode");

-- CreateIndex
CREATE INDEX "Concern_status_idx" ON "Concern"("status");

-- CreateIndex
CREATE INDEX "Concern_reporterChannel_reporterId_idx" ON "Concern"("reporterChannel", "reporterId");

-- CreateIndex
CREATE INDEX "ConcernMessage_concernId_idx" ON "ConcernMessage"("concernId");

-- CreateIndex
CREATE INDEX "ConcernFollowUpAttempt_windowStart_idx" ON "ConcernFollowUpAttempt"("windowStart");

-- AddForeignKey
ALTER TABLE "ConcernMessage" ADD CONSTRAINT "ConcernMessage_concernId_fkey" FOREIGN KEY ("concernId") REFERENCES "Concern"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
