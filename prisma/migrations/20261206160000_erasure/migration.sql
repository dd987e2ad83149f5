-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "personalFields" JSONB;

-- CreateTable
CREATE TABLE "RetentionRun" (
    "day" DATE NOT NULL,
    "ranAt" TIMESTAMP(3) NOT NULL,
    "counts" JSONB NOT NULL,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("day")
);

-- The commitments of an event's personal fields, without the salts: erasure may drop salts, never change these.
CREATE OR REPLACE FUNCTION "aims_personal_commitments"(fields JSONB) RETURNS JSONB AS $$
    SELECT jsonb_object_agg(key, value - 's') FROM jsonb_each(fields);
$$ LANGUAGE sql IMMUTABLE;

-- Besides sealing, the database allows one change to an event, and only in a transaction that declares it
-- (SET LOCAL aims.erasing = 'on'): erasing personal data (GDPR Art. 17, retention). The actor id goes with its salt;
-- on version 3 events, personal values of before/after may change and lose their salts. Every commitment, and
-- everything else the hash covers, stays as it was; verification checks the rest.
CREATE OR REPLACE FUNCTION "aims_refuse_audit_event_change"() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD."sealSeq" IS NULL
       AND to_jsonb(NEW) - 'sealSeq' - 'prevHash' - 'hash' = to_jsonb(OLD) - 'sealSeq' - 'prevHash' - 'hash' THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND current_setting('aims.erasing', true) = 'on' AND OLD."hashVersion" >= 2
       AND to_jsonb(NEW) - 'actorId' - 'actorSalt' - 'before' - 'after' - 'personalFields'
         = to_jsonb(OLD) - 'actorId' - 'actorSalt' - 'before' - 'after' - 'personalFields'
       AND ((NEW."actorId" IS NOT DISTINCT FROM OLD."actorId" AND NEW."actorSalt" IS NOT DISTINCT FROM OLD."actorSalt")
            OR (NEW."actorId" IS NULL AND NEW."actorSalt" IS NULL))
       AND "aims_personal_commitments"(NEW."personalFields") IS NOT DISTINCT FROM "aims_personal_commitments"(OLD."personalFields")
       AND (OLD."hashVersion" >= 3
            OR (NEW."before" IS NOT DISTINCT FROM OLD."before" AND NEW."after" IS NOT DISTINCT FROM OLD."after")) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
