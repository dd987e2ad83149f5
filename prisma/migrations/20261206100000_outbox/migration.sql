-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'failed');

-- CreateTable
CREATE TABLE "OutboxDelivery" (
    "id" SERIAL NOT NULL,
    "event" TEXT NOT NULL,
    "subscriber" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "aboutKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "availableAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,
    "lastError" TEXT,

    CONSTRAINT "OutboxDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OutboxDelivery_status_availableAt_idx" ON "OutboxDelivery"("status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxDelivery_aboutKey_subscriber_id_idx" ON "OutboxDelivery"("aboutKey", "subscriber", "id");
