-- CreateTable
CREATE TABLE "OrgProfile" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "roles" "OrgRole"[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByChannel" "ChatChannel" NOT NULL,
    "updatedById" TEXT NOT NULL,

    CONSTRAINT "OrgProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SoaEntry" (
    "controlId" TEXT NOT NULL,
    "applicable" BOOLEAN NOT NULL,
    "justification" TEXT NOT NULL,
    "implementation" TEXT,
    "owner" TEXT,
    "proposed" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "controls" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByChannel" "ChatChannel",
    "updatedById" TEXT,

    CONSTRAINT "SoaEntry_pkey" PRIMARY KEY ("controlId")
);

-- CreateTable
CREATE TABLE "SoaEntryVersion" (
    "id" SERIAL NOT NULL,
    "controlId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "applicable" BOOLEAN NOT NULL,
    "justification" TEXT NOT NULL,
    "implementation" TEXT,
    "owner" TEXT,
    "proposed" BOOLEAN NOT NULL,
    "change" TEXT NOT NULL,
    "controls" TEXT[],
    "changedAt" TIMESTAMP(3) NOT NULL,
    "changedByChannel" "ChatChannel",
    "changedById" TEXT,

    CONSTRAINT "SoaEntryVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SoaEntryVersion_controlId_version_key" ON "SoaEntryVersion"("controlId", "version");

-- CreateIndex
CREATE INDEX "SoaEntryVersion_changedAt_idx" ON "SoaEntryVersion"("changedAt");

-- AddForeignKey
ALTER TABLE "SoaEntryVersion" ADD CONSTRAINT "SoaEntryVersion_controlId_fkey" FOREIGN KEY ("controlId") REFERENCES "SoaEntry"("controlId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Defence in depth for the tamper-evident audit trail (not part of the Prisma schema): the application only ever
-- appends to "AuditEvent", so the database refuses to change or remove past events. The hash chain still detects
-- edits made by someone able to disable this trigger.
CREATE FUNCTION "aims_refuse_audit_event_change"() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'AuditEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "aims_refuse_audit_event_change"();

CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
    FOR EACH STATEMENT EXECUTE FUNCTION "aims_refuse_audit_event_change"();
