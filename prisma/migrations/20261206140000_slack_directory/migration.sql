-- AlterTable
ALTER TABLE "DirectoryGroup" ADD COLUMN     "syncLeaseHolder" TEXT,
ADD COLUMN     "syncLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "syncRequests" INTEGER NOT NULL DEFAULT 0;
