-- AlterTable
ALTER TABLE "RequestDecision" ADD COLUMN     "delegationId" TEXT,
ADD COLUMN     "onBehalfOfChannel" "ChatChannel",
ADD COLUMN     "onBehalfOfId" TEXT,
ADD COLUMN     "onBehalfOfName" TEXT;

-- AlterTable
ALTER TABLE "RequestStageDecision" ADD COLUMN     "delegationId" TEXT,
ADD COLUMN     "onBehalfOfChannel" "ChatChannel",
ADD COLUMN     "onBehalfOfId" TEXT,
ADD COLUMN     "onBehalfOfName" TEXT;

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "delegatorPersonId" TEXT NOT NULL,
    "delegatorChannel" "ChatChannel" NOT NULL,
    "delegatorId" TEXT NOT NULL,
    "delegatorName" TEXT,
    "delegatePersonId" TEXT NOT NULL,
    "delegateChannel" "ChatChannel" NOT NULL,
    "delegateId" TEXT NOT NULL,
    "delegateName" TEXT,
    "holder" TEXT NOT NULL,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validUntil" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "controls" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "endRecordedAt" TIMESTAMP(3),

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delegation_delegatePersonId_validUntil_idx" ON "Delegation"("delegatePersonId", "validUntil");

-- CreateIndex
CREATE INDEX "Delegation_delegatorPersonId_validUntil_idx" ON "Delegation"("delegatorPersonId", "validUntil");

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegatorPersonId_fkey" FOREIGN KEY ("delegatorPersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegatePersonId_fkey" FOREIGN KEY ("delegatePersonId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
