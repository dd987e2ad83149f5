import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { followUpState } from "../incidents/incident-steps.js";
import { bodyText, CAMPAIGN_ENV, campaignDmsTo, clickDm, finishedModal, formFrom, ids, submit, tick } from "./campaign-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday; Europe/London is on UTC in March
const OWNER = OWNERS[0];
const USER_A = "USYSUSERA1";
const USER_B = "USYSUSERB1";
const BYSTANDER = "UBYSTAND01";
const LEAVER = "ULEAVER001";
let t: TestAims;
let used: number;
let abandoned: number;
let versionId: number;

const values = (audience: string, systemId?: number) =>
  followUpState({
    versionId: { option: String(versionId) },
    audience: { option: audience },
    ...(systemId ? { systemId: { option: String(systemId) } } : {}),
    deadline: { date: "2027-03-03" },
    newJoiners: { options: [] },
  });

const snoozeDay = (userId: string) => {
  const [reminder] = campaignDmsTo(t, userId).filter((call) => JSON.stringify(call.args.blocks).includes("the deadline has passed")).slice(-1);
  expect(reminder, `a reminder to ${userId}`).toBeDefined();
  return clickDm(t, userId, reminder!, ids.actions.snoozeDay);
};

beforeAll(async () => {
  t = await startTestAims({ clock, env: { ...CAMPAIGN_ENV, AIMS_WORKING_HOURS: "09:00-17:00", AIMS_MAX_SNOOZES: "2" } });
  for (const id of [USER_A, USER_B, BYSTANDER, LEAVER]) {
    t.fake.addUser({ id, name: id.toLowerCase() });
    await t.aims.core.directory.observe({ channel: "slack", id, name: id.toLowerCase() });
  }
  await t.aims.core.directory.observe({ channel: "slack", id: LEAVER, name: "leaver", deactivated: { reason: "deactivated in Slack" } });
  const prisma = t.aims.core.prisma;
  used = (await seedAiSystem(prisma, { reference: "AI-0001", name: "CodeHelper", ownerChannel: "slack", ownerId: OWNER })).id;
  abandoned = (await seedAiSystem(prisma, { reference: "AI-0002", name: "OldSummariser", ownerChannel: "slack", ownerId: OWNER })).id;
  await seedAiSystem(prisma, { reference: "AI-0003", name: "NobodyUsesThis", ownerChannel: "slack", ownerId: OWNER });
  const recordedAt = clock.now();
  await prisma.aiSystemUser.createMany({
    data: [
      { systemId: used, channel: "slack", externalId: USER_A, recordedAt },
      { systemId: used, channel: "slack", externalId: USER_B, recordedAt },
      { systemId: abandoned, channel: "slack", externalId: LEAVER, recordedAt },
    ],
  });
  const published = await t.aims.core.policies.publish(null, { title: "CodeHelper rules", summary: "How to use CodeHelper.", body: "Never paste secrets." }, "command line");
  if (published.kind !== "published") throw new Error(published.kind);
  versionId = published.version.id;
});
afterAll(async () => {
  await t?.stop();
});

describe("a campaign to the people using an AI system, in Slack", () => {
  it("the form picks a system with users; no system, or one whose users the bot cannot reach, gets a clear message", async () => {
    const view = await formFrom(t, OWNER, "campaign start");
    const form = JSON.stringify(view.blocks);
    expect(form).toContain("The people using an AI system");
    expect(form).toContain("CodeHelper (AI-0001)");
    expect(form).toContain("OldSummariser (AI-0002)");
    expect(form).not.toContain("NobodyUsesThis"); // no users recorded

    const unpicked = await submit(t, OWNER, view, values("system"));
    expect(unpicked).toMatchObject({ response_action: "errors", errors: { systemId: "Choose the AI system whose users must accept it" } });
    const nobody = await submit(t, OWNER, view, values("system", abandoned));
    expect(JSON.stringify(nobody?.errors)).toContain("Nobody the bot can message is in the people using OldSummariser (AI-0002) yet");

    expect(await submit(t, OWNER, view, values("system", used))).toMatchObject({ response_action: "update" });
    expect(await finishedModal(t, view, "Campaign 1 started")).toContain("the people using CodeHelper (AI-0001) (2 people)");
    const recipients = await t.aims.core.prisma.campaignRecipient.findMany({ orderBy: { externalId: "asc" } });
    expect(recipients.map((recipient) => recipient.externalId)).toEqual([USER_A, USER_B]);
    expect(await t.aims.core.prisma.policyCampaign.findFirstOrThrow()).toMatchObject({ audience: "system", systemId: used });

    await tick(t);
    expect(campaignDmsTo(t, USER_A)).toHaveLength(1);
    expect(campaignDmsTo(t, BYSTANDER)).toHaveLength(0);
    const progress = await formFrom(t, OWNER, "campaign");
    expect(JSON.stringify(progress.blocks)).toContain("Campaign 1: CodeHelper rules v1* to the people using CodeHelper (AI-0001)");
    expect(JSON.stringify(progress.blocks)).toContain("0 of 2 accepted");
  });

  it("a person snoozes their own reminder into the next working hours, a limited number of times; accepting drops what is snoozed", async () => {
    // The first message has nothing to snooze; the reminder after the deadline has.
    expect(JSON.stringify(campaignDmsTo(t, USER_A)[0]!.args.blocks)).not.toContain(ids.actions.snoozeDay);
    clock.set(new Date("2027-03-05T16:30:00Z")); // Friday, past Wednesday's deadline
    await tick(t);
    expect(campaignDmsTo(t, USER_A)).toHaveLength(2);

    // A day from Friday 16:30 is Saturday: the reminder comes back on Monday at 09:00.
    expect(bodyText(await snoozeDay(USER_A))).toContain("|2027-03-08 09:00 UTC>");
    const snoozed = await t.aims.core.prisma.scheduledDelivery.findFirstOrThrow({ where: { recipientId: USER_A, key: { endsWith: ":snoozed-1" } } });
    expect(snoozed).toMatchObject({ status: "pending", notBefore: new Date("2027-03-08T09:00:00Z") });
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "campaign.reminder_snoozed" } })).toBe(1);

    // Someone the campaign did not go to cannot snooze it.
    const reminder = campaignDmsTo(t, USER_A)[1]!;
    expect(bodyText(await clickDm(t, BYSTANDER, reminder, ids.actions.snoozeDay))).toContain("This campaign was not sent to you.");

    // B snoozes too, then accepts: B's snoozed reminder is never sent.
    expect(bodyText(await snoozeDay(USER_B))).toContain("I'll remind you again");
    expect(bodyText(await clickDm(t, USER_B, campaignDmsTo(t, USER_B)[1]!, ids.actions.accept))).toContain("You accepted");

    clock.set(new Date("2027-03-06T17:00:00Z")); // Saturday: nothing comes
    await tick(t);
    expect(campaignDmsTo(t, USER_A)).toHaveLength(2);
    clock.set(new Date("2027-03-08T09:00:00Z"));
    await tick(t);
    expect(campaignDmsTo(t, USER_A)).toHaveLength(3);
    expect(JSON.stringify(campaignDmsTo(t, USER_A)[2]!.args.blocks)).toContain(ids.actions.snoozeDay);
    expect(campaignDmsTo(t, USER_B)).toHaveLength(2);

    // AIMS_MAX_SNOOZES is 2: the second snooze is the last one.
    expect(bodyText(await snoozeDay(USER_A))).toContain("That was the last snooze.");
    expect(bodyText(await snoozeDay(USER_A))).toContain("This reminder has been snoozed 2 times already; please read and accept it now.");
    expect(await t.aims.core.prisma.scheduledDelivery.count({ where: { recipientId: USER_A, key: { contains: ":snoozed-" } } })).toBe(2);
  });
});
