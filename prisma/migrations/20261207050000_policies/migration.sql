-- CreateEnum
CREATE TYPE "CampaignAudience" AS ENUM ('everyone', 'group', 'role');

-- CreateTable
CREATE TABLE "PolicyDocument" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolicyDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyVersion" (
    "id" SERIAL NOT NULL,
    "documentId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "publishedByChannel" "ChatChannel",
    "publishedById" TEXT,
    "publishedVia" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "requiresAcknowledgement" BOOLEAN NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "PolicyVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyCampaign" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "audience" "CampaignAudience" NOT NULL,
    "groupId" TEXT,
    "role" "AimsRole",
    "audienceLabel" TEXT NOT NULL,
    "newJoiners" BOOLEAN NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "startedByChannel" "ChatChannel" NOT NULL,
    "startedById" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "plannedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "controls" TEXT[],

    CONSTRAINT "PolicyCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "id" SERIAL NOT NULL,
    "campaignId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL,
    "joinedLate" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PolicyAcknowledgement" (
    "id" SERIAL NOT NULL,
    "versionId" INTEGER NOT NULL,
    "personId" TEXT NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "campaignId" INTEGER,
    "sha256" TEXT NOT NULL,
    "acknowledgedAt" TIMESTAMP(3) NOT NULL,
    "controls" TEXT[],

    CONSTRAINT "PolicyAcknowledgement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolicyDocument_title_key" ON "PolicyDocument"("title");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyVersion_documentId_version_key" ON "PolicyVersion"("documentId", "version");

-- CreateIndex
CREATE INDEX "PolicyCampaign_plannedAt_idx" ON "PolicyCampaign"("plannedAt");

-- CreateIndex
CREATE INDEX "CampaignRecipient_channel_externalId_idx" ON "CampaignRecipient"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignRecipient_campaignId_personId_key" ON "CampaignRecipient"("campaignId", "personId");

-- CreateIndex
CREATE INDEX "PolicyAcknowledgement_personId_idx" ON "PolicyAcknowledgement"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "PolicyAcknowledgement_versionId_personId_key" ON "PolicyAcknowledgement"("versionId", "personId");

-- AddForeignKey
ALTER TABLE "PolicyVersion" ADD CONSTRAINT "PolicyVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "PolicyDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyCampaign" ADD CONSTRAINT "PolicyCampaign_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignRecipient" ADD CONSTRAINT "CampaignRecipient_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "PolicyCampaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PolicyAcknowledgement" ADD CONSTRAINT "PolicyAcknowledgement_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PolicyVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
