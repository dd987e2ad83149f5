ALTER TABLE "AiToolRequest" ADD COLUMN "previousApprovedUntil" TIMESTAMP(3);
