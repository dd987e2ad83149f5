-- AlterEnum
ALTER TYPE "RequestStatus" ADD VALUE 'withdrawn';

-- AlterTable
ALTER TABLE "AiToolRequest" ADD COLUMN     "approvalPolicyVersion" INTEGER,
ADD COLUMN     "approvalStages" JSONB;

-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "conditions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "RequestStageDecision" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "stageId" TEXT NOT NULL,
    "slot" TEXT NOT NULL,
    "outcome" "DecisionOutcome" NOT NULL,
    "deciderChannel" "ChatChannel" NOT NULL,
    "deciderId" TEXT NOT NULL,
    "deciderName" TEXT,
    "reason" TEXT,
    "conditions" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "RequestStageDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequestStageDecision_requestId_revision_stageId_slot_key" ON "RequestStageDecision"("requestId", "revision", "stageId", "slot");

-- AddForeignKey
ALTER TABLE "RequestStageDecision" ADD CONSTRAINT "RequestStageDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AiToolRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Requests made before stages keep the one stage they had: any approver. Their decisions become that stage's
-- decision, so every outcome, pending or decided, stays as it was.
UPDATE "AiToolRequest"
SET "approvalPolicyVersion" = 1,
    "approvalStages" = '[{"id":"approval","name":"Approver","rule":"anyOf","holders":["role:approver"],"step":1}]'::jsonb;

INSERT INTO "RequestStageDecision" ("requestId", "revision", "stageId", "slot", "outcome", "deciderChannel", "deciderId", "deciderName", "reason", "decidedAt", "controls")
SELECT "requestId", "revision", 'approval', 'any', "outcome", "deciderChannel", "deciderId", "deciderName", "reason", "decidedAt", "controls"
FROM "RequestDecision";
