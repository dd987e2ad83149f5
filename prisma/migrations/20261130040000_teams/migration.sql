-- CreateTable
CREATE TABLE "TeamsConversation" (
    "conversationId" TEXT NOT NULL,
    "conversationType" TEXT NOT NULL,
    "tenantId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "reference" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamsConversation_pkey" PRIMARY KEY ("conversationId")
);

-- CreateTable
CREATE TABLE "TeamsUser" (
    "aadObjectId" TEXT NOT NULL,
    "teamsUserId" TEXT NOT NULL,
    "name" TEXT,
    "tenantId" TEXT,
    "serviceUrl" TEXT NOT NULL,
    "personalConversationId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamsUser_pkey" PRIMARY KEY ("aadObjectId")
);

-- AddForeignKey
ALTER TABLE "TeamsUser" ADD CONSTRAINT "TeamsUser_personalConversationId_fkey" FOREIGN KEY ("personalConversationId") REFERENCES "TeamsConversation"("conversationId") ON DELETE SET NULL ON UPDATE CASCADE;
