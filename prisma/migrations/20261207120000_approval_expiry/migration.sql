-- AlterEnum
ALTER TYPE "AiSystemStatus" ADD VALUE 'expired';

-- AlterTable
ALTER TABLE "AiToolRequest" ADD COLUMN     "renewsSystemId" INTEGER;

-- AlterTable
ALTER TABLE "RequestStageDecision" ADD COLUMN     "validUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AiSystem" ADD COLUMN     "approvedUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "AiSystem_approvedUntil_idx" ON "AiSystem"("approvedUntil");

-- AddForeignKey
ALTER TABLE "AiToolRequest" ADD CONSTRAINT "AiToolRequest_renewsSystemId_fkey" FOREIGN KEY ("renewsSystemId") REFERENCES "AiSystem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
