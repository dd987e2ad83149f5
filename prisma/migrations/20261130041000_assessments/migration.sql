-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('draft', 'submitted', 'sent_back', 'signed_off');

-- CreateEnum
CREATE TYPE "AssessmentTrigger" AS ENUM ('initial', 'significant_change', 'scheduled');

-- CreateEnum
CREATE TYPE "ImpactLevel" AS ENUM ('low', 'medium', 'high', 'critical');

-- CreateTable
CREATE TABLE "ImpactAssessment" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "aiSystemId" INTEGER,
    "requestId" INTEGER,
    "openKey" TEXT,
    "trigger" "AssessmentTrigger" NOT NULL,
    "changeDescription" TEXT,
    "previousAssessmentId" INTEGER,
    "definitionId" TEXT NOT NULL,
    "definitionVersion" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "setAsideAnswers" JSONB,
    "currentStep" INTEGER NOT NULL DEFAULT 0,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'draft',
    "round" INTEGER NOT NULL DEFAULT 0,
    "level" "ImpactLevel",
    "reasons" TEXT[],
    "groupRisks" JSONB,
    "mitigations" JSONB,
    "assessorChannel" "ChatChannel" NOT NULL,
    "assessorId" TEXT NOT NULL,
    "assessorName" TEXT,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewerChannel" "ChatChannel",
    "reviewerId" TEXT,
    "reviewerName" TEXT,
    "reviewComments" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "nextReassessmentAt" TIMESTAMP(3),
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImpactAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImpactAssessment_reference_key" ON "ImpactAssessment"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "ImpactAssessment_openKey_key" ON "ImpactAssessment"("openKey");

-- CreateIndex
CREATE INDEX "ImpactAssessment_aiSystemId_status_idx" ON "ImpactAssessment"("aiSystemId", "status");

-- CreateIndex
CREATE INDEX "ImpactAssessment_requestId_status_idx" ON "ImpactAssessment"("requestId", "status");

-- CreateIndex
CREATE INDEX "ImpactAssessment_assessorChannel_assessorId_status_idx" ON "ImpactAssessment"("assessorChannel", "assessorId", "status");

-- CreateIndex
CREATE INDEX "ImpactAssessment_nextReassessmentAt_idx" ON "ImpactAssessment"("nextReassessmentAt");

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_aiSystemId_fkey" FOREIGN KEY ("aiSystemId") REFERENCES "AiSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AiToolRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImpactAssessment" ADD CONSTRAINT "ImpactAssessment_previousAssessmentId_fkey" FOREIGN KEY ("previousAssessmentId") REFERENCES "ImpactAssessment"("id") ON DELETE SET NULL ON UPDATE CASCADE;
