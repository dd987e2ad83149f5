import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { MANAGER, MANAGERS_CHANNEL, openFromCommand, SCHEDULING_ENV, tick } from "./scheduling-steps.js";

const clock = fixedClock(new Date("2027-06-07T08:00:20Z")); // Monday 09:00 in London (BST)
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: SCHEDULING_ENV });
});
afterAll(async () => {
  await t?.stop();
});

const DAY = 86400_000;
let requestNumber = 0;

async function seedRequest(createdAt: Date, status: "pending" | "approved" = "pending") {
  requestNumber += 1;
  return t.aims.core.prisma.aiToolRequest.create({
    data: {
      reference: `REQ-9${String(requestNumber).padStart(3, "0")}`,
      submissionKey: `seed-${requestNumber}`,
      requesterChannel: "slack",
      requesterId: EMPLOYEE,
      toolName: `Tool ${requestNumber}`,
      vendor: "Vendor",
      purpose: "Summarise meeting notes",
      intendedUsers: "Sales",
      userCount: 5,
      dataCategories: ["internal"],
      customerFacing: false,
      decidesAboutPeople: false,
      orgRole: "ai_user",
      riskTier: "low",
      riskReasons: [],
      status,
      controls: [],
      createdAt,
    },
  });
}

const digestPosts = () => t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === MANAGERS_CHANNEL);
const bodyOf = (call: { args: Record<string, unknown> }) => JSON.stringify(call.args.blocks);

describe("weekly manager digest", () => {
  it("says a quiet week briefly", async () => {
    await tick(t);
    await tick(t);
    expect(digestPosts()).toHaveLength(1);
    expect(String(digestPosts()[0]!.args.text)).toContain("a quiet week");
    expect(bodyOf(digestPosts()[0]!)).toContain("A quiet week: nothing new, nothing waiting, nothing overdue.");
  });

  it("counts the week's requests, decisions, waiting approvals, overdue reviews and objectives, with the change since last week", async () => {
    const now = new Date("2027-06-14T08:00:20Z");
    for (const daysAgo of [1, 2, 3]) await seedRequest(new Date(now.getTime() - daysAgo * DAY));
    const approved = await seedRequest(new Date(now.getTime() - 4 * DAY), "approved");
    await t.aims.core.prisma.requestDecision.create({
      data: { requestId: approved.id, revision: 1, outcome: "approved", deciderChannel: "slack", deciderId: OWNERS[0], decidedAt: new Date(now.getTime() - DAY), controls: [] },
    });
    await seedRequest(new Date(now.getTime() - 10 * DAY)); // waiting over 5 days, created before this week
    await t.aims.core.scheduling.reviews.saveSchedule({ channel: "slack", id: OWNERS[0] }, { kind: "ai_policy", title: "AI policy review", ownerId: OWNERS[0], intervalMonths: 12, nextDueAt: "2027-06-01" });
    await t.aims.core.prisma.objective.create({
      data: { reference: "OBJ-9001", title: "Objective", target: "t", targetValue: 1, ownerChannel: "slack", ownerId: EMPLOYEE, dueAt: new Date("2027-12-31"), nextCheckInAt: new Date("2027-07-01"), progress: "off_track", controls: [] },
    });

    clock.set(now);
    await tick(t);
    expect(digestPosts()).toHaveLength(2);
    const body = bodyOf(digestPosts()[1]!);
    expect(body).toContain("New requests: *4* (+4 since last week)");
    expect(body).toContain("Approved: *1* (+1 since last week)");
    expect(body).toContain("Waiting for a decision over 5 days: *1* (+1 since last week)");
    expect(body).toContain("Scheduled reviews overdue (policy, audit, other): *1* (+1 since last week)");
    expect(body).toContain("Off track: *1* (+1 since last week)");
    expect(body).toContain("Rejected: *0* (no change)");
  });

  it("previews the digest in a modal for managers only", async () => {
    const preview = JSON.stringify(await openFromCommand(t, MANAGER, "digest preview"));
    expect(preview).toContain("AIMS weekly digest");
    expect(preview).toContain("New requests");

    const employeeUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "digest preview", { responseUrl: employeeUrl });
    const refusal = await t.fake.waitForResponseUrlPost((post) => post.url === employeeUrl);
    expect(JSON.stringify(refusal.body)).toContain("The digest preview is for managers");
    expect(JSON.stringify(refusal.body)).not.toContain("New requests");
    expect(digestPosts()).toHaveLength(2);
  });
});
