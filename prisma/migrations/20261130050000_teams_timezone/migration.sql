-- AlterTable
ALTER TABLE "TeamsUser" ADD COLUMN     "timezone" TEXT;
