import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYEE, OWNERS, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import {
  INCIDENTS_CHANNEL,
  NOW,
  RESPONDER,
  blocksText,
  incidentFormState,
  reportIncident,
  startIncidentTestAims,
  submit,
  viewOpenedBy,
} from "./incident-steps.js";

let t: TestAims;
beforeAll(async () => {
  t = await startIncidentTestAims();
});
afterAll(async () => {
  await t?.stop();
});

const roomCreated = (name: RegExp) =>
  t.fake.waitFor("conversations.create", (call) => call.response.ok === true && name.test(String(call.args.name)));

describe("reporting an AI incident in Slack", () => {
  it("records a SEV1, announces it, opens its channel with the reporter, owners and responders, and pins the summary", async () => {
    const { reference, announcementTs } = await reportIncident(t, EMPLOYEE, {
      title: "Chatbot gave customers WRONG refund rules!",
      severity: "sev1",
      harmedParties: ["individuals", "organisation"],
      externalReporting: ["regulator", "customers"],
    });
    expect(reference).toMatch(/^INC-\d{4}$/);

    const announcement = t.fake.callsTo("chat.postMessage").find((c) => c.response.ts === announcementTs)!;
    expect(blocksText(announcement)).toContain("SEV1: critical");
    expect(blocksText(announcement)).toContain("Support chatbot");
    expect(blocksText(announcement)).toContain("May be required: A regulator or authority, Customers.");
    // Slack shows when it was detected in each reader's own timezone.
    expect(blocksText(announcement)).toContain(`<!date^${(NOW.getTime() - 3600_000) / 1000}^{date_short_pretty} at {time}|`);

    const expectedName = `${reference.toLowerCase()}-chatbot-gave-customers-wrong-refund-rules`;
    const create = await roomCreated(new RegExp(`^${expectedName}$`));
    const roomId = String((create.response.channel as { id: string }).id);

    await eventually(() => {
      const invited = t.fake.callsTo("conversations.invite").filter((c) => c.args.channel === roomId && c.response.ok);
      expect(invited.map((c) => c.args.users).sort()).toEqual([EMPLOYEE, OWNERS[0], RESPONDER].sort());
    });
    const roomSummary = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === roomId && String(c.args.text).includes(reference));
    await eventually(() => expect(t.fake.messages(roomId).find((m) => m.ts === roomSummary.response.ts)?.pinned).toBe(true));

    const updated = await t.fake.waitFor("chat.update", (c) => c.args.ts === announcementTs && blocksText(c).includes(`<#${roomId}>`));
    expect(updated.args.channel).toBe(INCIDENTS_CHANNEL);
    const receipt = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes(reference));
    expect(String(receipt.args.text)).toContain("dedicated channel");

    const { prisma } = t.aims.core;
    const incident = await prisma.incident.findUniqueOrThrow({ where: { reference } });
    expect(incident).toMatchObject({
      status: "open",
      severity: "sev1",
      reporterId: EMPLOYEE,
      roomStatus: "created",
      roomChannel: "slack",
      roomId,
      roomName: expectedName,
      detectedAt: new Date(NOW.getTime() - 3600_000),
      harmedParties: ["individuals", "organisation"],
      externalReporting: ["regulator", "customers"],
    });
    expect(incident.controls).toEqual(expect.arrayContaining(["A.8.4", "A.8.3", "A.6.2.6", "10.2"]));
    const audit = await prisma.auditEvent.findMany({ where: { entityType: "incident", entityId: reference }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["incident.reported", "incident.room_created"]);
    expect(audit[0]).toMatchObject({ actorChannel: "slack", actorId: EMPLOYEE });
    expect(audit[1].actorId).toBeNull();
  });

  it("links a register entry, and gives a SEV3 no channel of its own", async () => {
    const system = await t.aims.core.prisma.aiSystem.create({
      data: {
        reference: "SYS-0900",
        name: "Resume screener",
        vendor: "HireAI",
        purpose: "Shortlist applicants",
        dataCategories: ["personal"],
        orgRole: "ai_user",
        riskTier: "high",
        ownerChannel: "slack",
        ownerId: OWNERS[0],
        approvedAt: NOW,
        nextReviewAt: NOW,
        controls: [],
      },
    });
    const view = await viewOpenedBy(t, () => t.slack.command(EMPLOYEE, "incident"));
    expect(JSON.stringify(view.blocks)).toContain("Resume screener (SYS-0900)");
    expect(await submit(t, EMPLOYEE, view, incidentFormState({ title: "Screener rejects older applicants", aiSystem: "SYS-0900", severity: "sev3" }))).toBeNull();

    const incident = await t.aims.core.prisma.incident.findFirstOrThrow({ where: { title: "Screener rejects older applicants" } });
    expect(incident).toMatchObject({ aiSystemId: system.id, affectedSystem: "Resume screener", roomStatus: "not_needed" });
    const announcement = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === INCIDENTS_CHANNEL && String(c.args.text).includes(incident.reference));
    expect(blocksText(announcement)).toContain("Resume screener (SYS-0900)");
    expect(blocksText(announcement)).not.toContain("Incident channel");
    expect(t.fake.callsTo("conversations.create").some((c) => String(c.args.name).startsWith(incident.reference.toLowerCase()))).toBe(false);
  });

  it("keeps the form open with field errors and saves nothing", async () => {
    const before = await t.aims.core.prisma.incident.count();
    const view = await viewOpenedBy(t, () => t.slack.command(EMPLOYEE, "incident"));
    const answer = await submit(t, EMPLOYEE, view, incidentFormState({
      title: "x",
      aiSystemOther: "",
      detectedAt: new Date(NOW.getTime() + 86400_000),
      description: "short",
    }));
    expect(answer?.response_action).toBe("errors");
    expect(Object.keys(answer!.errors).sort()).toEqual(["aiSystemOther", "description", "detectedAt", "title"]);
    expect(answer!.errors.detectedAt).toBe("It cannot have been detected in the future");
    expect(await t.aims.core.prisma.incident.count()).toBe(before);
  });

  it("records one incident when the same form is submitted twice", async () => {
    const view = await viewOpenedBy(t, () => t.slack.command(EMPLOYEE, "incident"));
    const values = incidentFormState({ title: "Submitted twice" });
    await submit(t, EMPLOYEE, view, values);
    await submit(t, EMPLOYEE, view, values);
    expect(await t.aims.core.prisma.incident.count({ where: { title: "Submitted twice" } })).toBe(1);
  });
});

describe("when the incident channel cannot be created", () => {
  it("retries once with a suffix when the name is taken", async () => {
    t.fake.failNext("conversations.create", "name_taken");
    const { reference } = await reportIncident(t, EMPLOYEE, { title: "Name already taken", severity: "sev2" });
    const base = `${reference.toLowerCase()}-name-already-taken`;
    const create = await roomCreated(new RegExp(`^${base}-[a-f0-9]{6}$`));
    const refused = t.fake.callsTo("conversations.create").filter((c) => c.args.name === base);
    expect(refused.map((c) => c.response.error)).toEqual(["name_taken"]);
    await eventually(async () => {
      const incident = await t.aims.core.incidents.find(reference);
      expect(incident).toMatchObject({ roomStatus: "created", roomName: create.args.name });
    });
  });

  it("keeps the incident, says so in the announcement and logs it, when creation fails for good", async () => {
    t.fake.failNext("conversations.create", "restricted_action");
    const { reference, announcementTs } = await reportIncident(t, EMPLOYEE, { title: "Workspace forbids channels", severity: "sev1" });

    const updated = await t.fake.waitFor("chat.update", (c) => c.args.ts === announcementTs && blocksText(c).includes("could not be created"));
    expect(blocksText(updated)).toContain("restricted_action");
    const incident = await t.aims.core.incidents.find(reference);
    expect(incident).toMatchObject({ status: "open", roomStatus: "failed", roomError: "restricted_action", roomId: null });
    expect(t.fake.callsTo("conversations.create").filter((c) => String(c.args.name).startsWith(reference.toLowerCase()))).toHaveLength(1);
    expect(t.logs()).toContain("could not create the incident channel");
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: reference }, orderBy: { id: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["incident.reported", "incident.room_failed"]);
  });

  it("gives up after the one retry when the suffixed name is taken too", async () => {
    t.fake.failNext("conversations.create", "name_taken");
    t.fake.failNext("conversations.create", "name_taken");
    const { reference } = await reportIncident(t, EMPLOYEE, { title: "Taken twice", severity: "sev2" });
    await eventually(async () => expect(await t.aims.core.incidents.find(reference)).toMatchObject({ roomStatus: "failed", roomError: "name_taken" }));
    expect(t.fake.callsTo("conversations.create").filter((c) => String(c.args.name).startsWith(reference.toLowerCase()))).toHaveLength(2);
  });
});
