-- CreateEnum
CREATE TYPE "AimsRole" AS ENUM ('approver', 'owner', 'triager', 'manager', 'incident_responder');

-- CreateEnum
CREATE TYPE "RoleGrantSource" AS ENUM ('environment', 'direct', 'group');

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "email" TEXT,
    "pseudonym" TEXT,
    "erasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChatIdentity" (
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "linkReason" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL,
    "linkedByHand" BOOLEAN NOT NULL DEFAULT false,
    "deactivatedAt" TIMESTAMP(3),
    "deactivationReason" TEXT,
    "lookedUpAt" TIMESTAMP(3),

    CONSTRAINT "ChatIdentity_pkey" PRIMARY KEY ("channel","externalId")
);

-- CreateTable
CREATE TABLE "DirectoryGroup" (
    "id" TEXT NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3),
    "syncError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DirectoryGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMembership" (
    "id" SERIAL NOT NULL,
    "groupId" TEXT NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "until" TIMESTAMP(3),

    CONSTRAINT "GroupMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoleGrant" (
    "id" TEXT NOT NULL,
    "role" "AimsRole" NOT NULL,
    "source" "RoleGrantSource" NOT NULL,
    "personId" TEXT,
    "groupId" TEXT,
    "variable" TEXT,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "effectiveUntil" TIMESTAMP(3),
    "grantedBy" TEXT,
    "reason" TEXT NOT NULL,
    "endedBy" TEXT,
    "endReason" TEXT,

    CONSTRAINT "RoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE INDEX "ChatIdentity_personId_idx" ON "ChatIdentity"("personId");

-- CreateIndex
CREATE INDEX "ChatIdentity_email_idx" ON "ChatIdentity"("email");

-- CreateIndex
CREATE UNIQUE INDEX "DirectoryGroup_channel_externalId_key" ON "DirectoryGroup"("channel", "externalId");

-- CreateIndex
CREATE INDEX "GroupMembership_groupId_until_idx" ON "GroupMembership"("groupId", "until");

-- CreateIndex
CREATE INDEX "GroupMembership_channel_externalId_idx" ON "GroupMembership"("channel", "externalId");

-- CreateIndex
CREATE INDEX "RoleGrant_role_effectiveUntil_idx" ON "RoleGrant"("role", "effectiveUntil");

-- CreateIndex
CREATE INDEX "RoleGrant_personId_idx" ON "RoleGrant"("personId");

-- CreateIndex
CREATE INDEX "RoleGrant_groupId_idx" ON "RoleGrant"("groupId");

-- AddForeignKey
ALTER TABLE "ChatIdentity" ADD CONSTRAINT "ChatIdentity_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMembership" ADD CONSTRAINT "GroupMembership_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DirectoryGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoleGrant" ADD CONSTRAINT "RoleGrant_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "DirectoryGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;
