-- A campaign to the people the register records as using one AI system.
ALTER TYPE "CampaignAudience" ADD VALUE 'system';

ALTER TABLE "PolicyCampaign" ADD COLUMN "systemId" INTEGER;

-- A Markdown file an AIMS owner shared with the bot, kept until they publish it from the pre-filled form.
CREATE TABLE "PolicyDraft" (
    "id" SERIAL NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "ownerId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "PolicyDraft_pkey" PRIMARY KEY ("id")
);
