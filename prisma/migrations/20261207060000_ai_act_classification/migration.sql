-- EU AI Act classification on requests and register entries.
ALTER TABLE "AiToolRequest" ADD COLUMN     "aiActOutcome" TEXT NOT NULL DEFAULT 'not_classified',
ADD COLUMN     "aiActClassification" JSONB;

ALTER TABLE "AiSystem" ADD COLUMN     "aiActOutcome" TEXT NOT NULL DEFAULT 'not_classified',
ADD COLUMN     "aiActClassification" JSONB,
ADD COLUMN     "aiActClassifyBy" TIMESTAMP(3);

-- Today's register entries are "not yet classified": their owners are reminded to classify them within two weeks.
UPDATE "AiSystem" SET "aiActClassifyBy" = CURRENT_TIMESTAMP + INTERVAL '14 days' WHERE "status" <> 'retired';
