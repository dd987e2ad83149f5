import type { Prisma } from "../../src/db/database.js";
import type { AiSystem, ImpactAssessment } from "../../src/db/generated/client.js";

/**
 * A register entry written straight to the database, for tests about what the bot does with one (reminders, listings)
 * rather than how it got there: a high-risk CV screener unless told otherwise.
 */
export function seedAiSystem(prisma: Prisma, fields: Pick<AiSystem, "reference" | "ownerChannel" | "ownerId"> & Partial<AiSystem>): Promise<AiSystem> {
  return prisma.aiSystem.create({
    data: {
      name: "HireScreen AI",
      vendor: "Acme",
      purpose: "Ranks CVs",
      dataCategories: ["personal"],
      orgRole: "ai_user",
      riskTier: "high",
      approvedAt: new Date("2025-01-10T00:00:00Z"),
      nextReviewAt: new Date("2028-01-01T00:00:00Z"),
      controls: [],
      ...fields,
    } as never,
  });
}

/** An impact assessment of `aiSystemId` written straight to the database: a submitted high-impact one unless told otherwise. */
export function seedAssessment(
  prisma: Prisma,
  fields: Pick<ImpactAssessment, "reference" | "aiSystemId"> & Partial<Omit<ImpactAssessment, "answers">> & { answers?: object },
): Promise<ImpactAssessment> {
  return prisma.impactAssessment.create({
    data: {
      trigger: "initial",
      definitionId: "impact-assessment",
      definitionVersion: "1",
      answers: {},
      status: "submitted",
      level: "high",
      reasons: [],
      assessorChannel: "slack",
      assessorId: "UASSESSOR1",
      controls: ["6.1.4"],
      ...fields,
    } as never,
  });
}
