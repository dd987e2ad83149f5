-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "actorCommitment" TEXT,
ADD COLUMN     "actorSalt" TEXT,
ADD COLUMN     "hashVersion" INTEGER NOT NULL DEFAULT 2,
ADD COLUMN     "recordedAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "sealSeq" INTEGER,
ALTER COLUMN "prevHash" DROP NOT NULL,
ALTER COLUMN "hash" DROP NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_sealSeq_key" ON "AuditEvent"("sealSeq");

-- Events chained before sealing existed keep their hashes: they are version 1 (hashed without sealSeq, over the raw
-- actor id), in the chain in id order, which was their append order under the old lock.
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
UPDATE "AuditEvent" SET "hashVersion" = 1, "sealSeq" = "id";
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- Sealed means all three are set, once.
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_sealed_whole"
    CHECK (("sealSeq" IS NULL) = ("hash" IS NULL) AND ("hash" IS NULL) = ("prevHash" IS NULL));

-- The only change the database allows to an event: sealing it, which sets sealSeq, prevHash and hash once and
-- leaves every other column as it was.
CREATE OR REPLACE FUNCTION "aims_refuse_audit_event_change"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD."sealSeq" IS NULL
       AND to_jsonb(NEW) - 'sealSeq' - 'prevHash' - 'hash' = to_jsonb(OLD) - 'sealSeq' - 'prevHash' - 'hash' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
