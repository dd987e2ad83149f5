-- A campaign to the people the register records as using one AI system.
ALTER TYPE "CampaignAudience" ADD VALUE 'system';

ALTER TABLE "PolicyCampaign" ADD COLUMN "systemId" INTEGER;
