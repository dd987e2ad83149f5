-- CreateTable
CREATE TABLE "LinkAnswerNotice" (
    "id" SERIAL NOT NULL,
    "personChannel" "ChatChannel" NOT NULL,
    "personId" TEXT NOT NULL,
    "toolKey" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkAnswerNotice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkAnswerMute" (
    "id" SERIAL NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "conversationId" TEXT NOT NULL,
    "mutedById" TEXT NOT NULL,
    "mutedByName" TEXT,
    "mutedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LinkAnswerMute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LinkAnswerNotice_personChannel_personId_toolKey_key" ON "LinkAnswerNotice"("personChannel", "personId", "toolKey");

-- CreateIndex
CREATE UNIQUE INDEX "LinkAnswerMute_channel_conversationId_key" ON "LinkAnswerMute"("channel", "conversationId");
