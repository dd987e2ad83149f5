-- AlterTable
ALTER TABLE "ScheduledDelivery" ADD COLUMN     "conversationId" TEXT;
