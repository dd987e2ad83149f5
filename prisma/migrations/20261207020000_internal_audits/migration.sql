-- CreateEnum
CREATE TYPE "InternalAuditStatus" AS ENUM ('planned', 'in_progress', 'reported');

-- CreateEnum
CREATE TYPE "AuditFindingKind" AS ENUM ('conforming', 'observation', 'improvement', 'minor_nc', 'major_nc');

-- CreateTable
CREATE TABLE "InternalAudit" (
    "id" SERIAL NOT NULL,
    "reference" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "scope" TEXT[],
    "auditorChannel" "ChatChannel" NOT NULL,
    "auditorId" TEXT NOT NULL,
    "auditorName" TEXT,
    "plannedStart" TIMESTAMP(3) NOT NULL,
    "plannedEnd" TIMESTAMP(3) NOT NULL,
    "status" "InternalAuditStatus" NOT NULL DEFAULT 'planned',
    "plannedByChannel" "ChatChannel" NOT NULL,
    "plannedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3),
    "reportedAt" TIMESTAMP(3),
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InternalAudit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditFinding" (
    "id" SERIAL NOT NULL,
    "auditId" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "kind" "AuditFindingKind" NOT NULL,
    "note" TEXT NOT NULL,
    "evidenceLinks" TEXT[],
    "recordedByChannel" "ChatChannel" NOT NULL,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "AuditFinding_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "InternalAudit_reference_key" ON "InternalAudit"("reference");

-- CreateIndex
CREATE INDEX "InternalAudit_status_plannedStart_idx" ON "InternalAudit"("status", "plannedStart");

-- CreateIndex
CREATE UNIQUE INDEX "AuditFinding_auditId_item_key" ON "AuditFinding"("auditId", "item");

-- AddForeignKey
ALTER TABLE "AuditFinding" ADD CONSTRAINT "AuditFinding_auditId_fkey" FOREIGN KEY ("auditId") REFERENCES "InternalAudit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
