-- CreateTable
CREATE TABLE "TeamsGroupSync" (
    "groupId" TEXT NOT NULL,
    "runStartedAt" TIMESTAMP(3),
    "continuationToken" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "leasedBy" TEXT,

    CONSTRAINT "TeamsGroupSync_pkey" PRIMARY KEY ("groupId")
);

-- CreateTable
CREATE TABLE "TeamsGroupSyncSeen" (
    "groupId" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,

    CONSTRAINT "TeamsGroupSyncSeen_pkey" PRIMARY KEY ("groupId","externalId")
);
