-- CreateTable
CREATE TABLE "ApprovalStageDeadline" (
    "id" SERIAL NOT NULL,
    "requestId" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "stageId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "escalateAt" TIMESTAMP(3) NOT NULL,
    "settledAt" TIMESTAMP(3),
    "controls" TEXT[],

    CONSTRAINT "ApprovalStageDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApprovalStageDeadline_settledAt_dueAt_idx" ON "ApprovalStageDeadline"("settledAt", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalStageDeadline_requestId_revision_stageId_key" ON "ApprovalStageDeadline"("requestId", "revision", "stageId");

-- AddForeignKey
ALTER TABLE "ApprovalStageDeadline" ADD CONSTRAINT "ApprovalStageDeadline_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "AiToolRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
