import { describe, expect, it } from "vitest";
import { assessRisk } from "./risk-tier.js";
import type { RequestInput } from "./request-form.js";

const base: RequestInput = {
  toolName: "Grammar helper",
  vendor: "Acme",
  purpose: "Fix grammar in internal documents",
  intendedUsers: "Marketing",
  userCount: 10,
  dataCategories: ["public", "internal"],
  customerFacing: false,
  decidesAboutPeople: false,
  orgRole: "ai_user",
};

describe("assessRisk", () => {
  it("is low for public or internal data used internally by a small group", () => {
    expect(assessRisk(base)).toEqual({
      tier: "low",
      reasons: ["only public or internal information, used internally by a small group"],
    });
  });

  it.each([
    [{ dataCategories: ["personal"] }, "processes personal data"],
    [{ dataCategories: ["customer"] }, "processes customer data"],
    [{ dataCategories: ["confidential"] }, "processes confidential business information"],
    [{ dataCategories: ["source_code"] }, "processes source code"],
    [{ customerFacing: true }, "its output reaches customers"],
    [{ orgRole: "ai_provider" }, "we provide it to customers in our product"],
    [{ userCount: 251 }, "more than 250 people will use it"],
  ] as const)("is medium when %o", (change, reason) => {
    expect(assessRisk({ ...base, ...change } as RequestInput)).toEqual({ tier: "medium", reasons: [reason] });
  });

  it("keeps 250 users at low", () => {
    expect(assessRisk({ ...base, userCount: 250 }).tier).toBe("low");
  });

  it.each([
    [{ dataCategories: ["special_category"] }, "processes special-category personal data"],
    [{ decidesAboutPeople: true }, "is used to make or inform decisions about people"],
    [{ customerFacing: true, dataCategories: ["personal"] }, "puts output based on personal or customer data in front of customers"],
    [{ customerFacing: true, dataCategories: ["customer"] }, "puts output based on personal or customer data in front of customers"],
    [{ orgRole: "ai_producer" }, "we build or train the AI system ourselves"],
  ] as const)("is high when %o", (change, reason) => {
    const result = assessRisk({ ...base, ...change } as RequestInput);
    expect(result.tier).toBe("high");
    expect(result.reasons).toContain(reason);
  });

  it("lists only the reasons of the winning tier", () => {
    const result = assessRisk({ ...base, dataCategories: ["special_category", "source_code"], decidesAboutPeople: true });
    expect(result).toEqual({
      tier: "high",
      reasons: ["processes special-category personal data", "is used to make or inform decisions about people"],
    });
  });
});
