-- Training campaigns: a campaign asks people to accept a document version or to pass a training module version.
ALTER TYPE "CampaignAudience" ADD VALUE 'assigned';

ALTER TABLE "PolicyCampaign" ALTER COLUMN "versionId" DROP NOT NULL,
  ADD COLUMN "moduleId" TEXT,
  ADD COLUMN "moduleVersion" INTEGER,
  ADD COLUMN "moduleTitle" TEXT,
  ADD CONSTRAINT "PolicyCampaign_document_or_module" CHECK (("versionId" IS NULL) <> ("moduleId" IS NULL) AND ("moduleId" IS NULL) = ("moduleVersion" IS NULL));

CREATE TABLE "TrainingCompletion" (
    "id" SERIAL NOT NULL,
    "personId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "moduleVersion" INTEGER NOT NULL,
    "moduleTitle" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "campaignId" INTEGER,
    "correct" INTEGER NOT NULL,
    "questions" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "passMark" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL,
    "dueAgainAt" TIMESTAMP(3),
    "controls" TEXT[],

    CONSTRAINT "TrainingCompletion_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "TrainingCompletion_personId_moduleId_moduleVersion_round_key" ON "TrainingCompletion"("personId", "moduleId", "moduleVersion", "round");
CREATE INDEX "TrainingCompletion_dueAgainAt_idx" ON "TrainingCompletion"("dueAgainAt");

CREATE TABLE "TrainingAttempt" (
    "id" SERIAL NOT NULL,
    "personId" TEXT NOT NULL,
    "moduleId" TEXT NOT NULL,
    "moduleVersion" INTEGER NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "campaignId" INTEGER,
    "correct" INTEGER NOT NULL,
    "questions" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingAttempt_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "TrainingAttempt_personId_moduleId_idx" ON "TrainingAttempt"("personId", "moduleId");
