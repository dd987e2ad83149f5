-- The fuller AI system register: model, hosting, operators, user guidance, conditions of use, lifecycle reasons.
ALTER TABLE "AiSystem" ADD COLUMN     "modelName" TEXT,
ADD COLUMN     "modelVersion" TEXT,
ADD COLUMN     "hosting" TEXT,
ADD COLUMN     "hostingRegion" TEXT,
ADD COLUMN     "operators" TEXT,
ADD COLUMN     "guidanceUrl" TEXT,
ADD COLUMN     "conditionsOfUse" TEXT,
ADD COLUMN     "statusReason" TEXT,
ADD COLUMN     "statusChangedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AiSystemUser" (
    "id" SERIAL NOT NULL,
    "systemId" INTEGER NOT NULL,
    "channel" "ChatChannel" NOT NULL,
    "externalId" TEXT NOT NULL,
    "name" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiSystemUser_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AiSystemUser_systemId_channel_externalId_key" ON "AiSystemUser"("systemId", "channel", "externalId");

-- AddForeignKey
ALTER TABLE "AiSystemUser" ADD CONSTRAINT "AiSystemUser_systemId_fkey" FOREIGN KEY ("systemId") REFERENCES "AiSystem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
