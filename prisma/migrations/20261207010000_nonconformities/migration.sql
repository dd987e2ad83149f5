-- CreateEnum
CREATE TYPE "NonconformitySource" AS ENUM ('manual', 'incident', 'concern', 'audit_finding');

-- CreateEnum
CREATE TYPE "NonconformityStatus" AS ENUM ('open', 'checking', 'closed');

-- CreateEnum
CREATE TYPE "ImprovementStatus" AS ENUM ('open', 'planned', 'done', 'declined');

-- CreateEnum
CREATE TYPE "ImprovementSource" AS ENUM ('manual', 'nonconformity');

-- CreateTable
CREATE TABLE "Nonconformity" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "sourceKind" "NonconformitySource" NOT NULL,
    "sourceRef" TEXT,
    "description" TEXT NOT NULL,
    "reaction" TEXT,
    "rootCause" TEXT,
    "status" "NonconformityStatus" NOT NULL DEFAULT 'open',
    "ownerChannel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "ownerName" TEXT,
    "raisedByChannel" "ChatChannel" NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedByName" TEXT,
    "checkDueAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Nonconformity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EffectivenessCheck" (
    "id" SERIAL NOT NULL,
    "nonconformityId" INTEGER NOT NULL,
    "effective" BOOLEAN NOT NULL,
    "note" TEXT NOT NULL,
    "checkerChannel" "ChatChannel" NOT NULL,
    "checkerId" TEXT NOT NULL,
    "checkerName" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "EffectivenessCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Improvement" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "sourceKind" "ImprovementSource" NOT NULL,
    "nonconformityId" INTEGER,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ImprovementStatus" NOT NULL DEFAULT 'open',
    "statusNote" TEXT,
    "raisedByChannel" "ChatChannel" NOT NULL,
    "raisedById" TEXT NOT NULL,
    "raisedByName" TEXT,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Improvement_pkey" PRIMARY KEY ("id")
);

-- Corrective actions become one model for incidents and nonconformities: the existing rows keep their incident;
-- an action of a nonconformity raised from an incident carries both.
ALTER TABLE "CorrectiveAction" ALTER COLUMN "incidentId" DROP NOT NULL,
ADD COLUMN     "nonconformityId" INTEGER;

ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_has_a_subject" CHECK ("incidentId" IS NOT NULL OR "nonconformityId" IS NOT NULL);

-- CreateIndex
CREATE UNIQUE INDEX "Nonconformity_reference_key" ON "Nonconformity"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Nonconformity_submissionKey_key" ON "Nonconformity"("submissionKey");

-- CreateIndex
CREATE INDEX "Nonconformity_status_idx" ON "Nonconformity"("status");

-- CreateIndex
CREATE INDEX "Nonconformity_sourceKind_sourceRef_idx" ON "Nonconformity"("sourceKind", "sourceRef");

-- CreateIndex
CREATE INDEX "EffectivenessCheck_nonconformityId_idx" ON "EffectivenessCheck"("nonconformityId");

-- CreateIndex
CREATE UNIQUE INDEX "Improvement_reference_key" ON "Improvement"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Improvement_submissionKey_key" ON "Improvement"("submissionKey");

-- CreateIndex
CREATE INDEX "Improvement_status_idx" ON "Improvement"("status");

-- CreateIndex
CREATE INDEX "Improvement_nonconformityId_idx" ON "Improvement"("nonconformityId");

-- CreateIndex
CREATE INDEX "CorrectiveAction_nonconformityId_idx" ON "CorrectiveAction"("nonconformityId");

-- AddForeignKey
ALTER TABLE "CorrectiveAction" ADD CONSTRAINT "CorrectiveAction_nonconformityId_fkey" FOREIGN KEY ("nonconformityId") REFERENCES "Nonconformity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EffectivenessCheck" ADD CONSTRAINT "EffectivenessCheck_nonconformityId_fkey" FOREIGN KEY ("nonconformityId") REFERENCES "Nonconformity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Improvement" ADD CONSTRAINT "Improvement_nonconformityId_fkey" FOREIGN KEY ("nonconformityId") REFERENCES "Nonconformity"("id") ON DELETE SET NULL ON UPDATE CASCADE;
