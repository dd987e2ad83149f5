import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAndRecord } from "../../../../src/features/evidence/audit-pack-service.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { commandReply } from "../incidents/incident-steps.js";
import {
  bodyText,
  CAMPAIGN_ENV,
  campaignDmsTo,
  campaignValues,
  clickDm,
  finishedModal,
  formFrom,
  ids,
  publishValues,
  submit,
  tick,
} from "./campaign-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z")); // a Monday
const OWNER = OWNERS[0];
const COLLEAGUE = "UCOLLEAGUE1";
const NEWCOMER = "UNEWCOMER01";
const POLICY_TEXT = "## Use of AI tools\n\nOnly approved AI tools may be used with company data.\n\n## Reporting\n\nReport any concern with /aims concern.";
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ clock, env: CAMPAIGN_ENV });
  for (const id of [EMPLOYEE, COLLEAGUE]) {
    t.fake.addUser({ id, name: id.toLowerCase() });
    await t.aims.core.directory.observe({ channel: "slack", id, name: id.toLowerCase() });
  }
});
afterAll(async () => {
  await t?.stop();
});

describe("AI policy acknowledgement campaigns in Slack", () => {
  it("an AIMS owner publishes the policy from a form; an empty document gets a clear message", async () => {
    const view = await formFrom(t, OWNER, "policy publish");
    expect(view.callback_id).toBe(ids.views.publish);
    const empty = await submit(t, OWNER, view, publishValues({ title: "AI policy", summary: "How we use AI." }));
    expect(empty).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(empty?.errors)).toContain("The document is empty");

    expect(await submit(t, OWNER, view, publishValues({ title: "AI policy", summary: "How we use AI at Example Ltd.", body: POLICY_TEXT }))).toBeNull();
    const dm = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === OWNER && String(call.args.text).includes("Published AI policy version 1"));
    const version = await t.aims.core.prisma.policyVersion.findFirstOrThrow({ include: { document: true } });
    expect(version).toMatchObject({ version: 1, body: POLICY_TEXT, publishedByChannel: "slack", publishedById: OWNER, requiresAcknowledgement: true });
    expect(version.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(String(dm.args.text)).toContain(version.sha256.slice(0, 12));
    const audit = await t.aims.core.prisma.auditEvent.findMany({ where: { action: "policy.published" } });
    expect(audit).toHaveLength(1);

    // Someone who is not an AIMS owner cannot publish.
    expect(await commandReply(t, EMPLOYEE, "policy publish")).toContain("Only an AIMS owner can publish documents");
  });

  it("a campaign to nobody is refused; one to everyone sends each person one DM they accept once", async () => {
    const version = await t.aims.core.prisma.policyVersion.findFirstOrThrow();
    const view = await formFrom(t, OWNER, "campaign start");
    expect(view.callback_id).toBe(ids.views.startCampaign);
    const nobody = await submit(t, OWNER, view, campaignValues({ versionId: version.id, audience: "role:triager", deadline: "2027-03-10" }));
    expect(nobody).toMatchObject({ response_action: "errors" });
    expect(JSON.stringify(nobody?.errors)).toContain("Nobody the bot can message is in every concern triager");
    const past = await submit(t, OWNER, view, campaignValues({ versionId: version.id, audience: "everyone", deadline: "2027-02-01" }));
    expect(JSON.stringify(past?.errors)).toContain("The deadline must be in the future");

    expect(await submit(t, OWNER, view, campaignValues({ versionId: version.id, audience: "everyone", deadline: "2027-03-10", newJoiners: true }))).toMatchObject({
      response_action: "update",
    });
    expect(await finishedModal(t, view, "Campaign 1 started")).toContain("everyone the bot knows");
    const recipients = await t.aims.core.prisma.campaignRecipient.count();
    expect(recipients).toBeGreaterThanOrEqual(3); // the owners, approvers and the two employees the bot knows

    await tick(t);
    const [invitation, ...more] = campaignDmsTo(t, EMPLOYEE);
    expect(more).toHaveLength(0);
    expect(bodyText({ text: String(invitation!.args.text), blocks: invitation!.args.blocks as unknown[] })).toContain("How we use AI at Example Ltd.");
    expect(campaignDmsTo(t, COLLEAGUE)).toHaveLength(1);
    // A second tick (another replica, a restart) sends nothing again.
    await tick(t);
    expect(campaignDmsTo(t, EMPLOYEE)).toHaveLength(1);

    const fullText = await clickDm(t, EMPLOYEE, invitation!, ids.actions.read);
    expect(fullText.replace_original).toBe(true);
    expect(bodyText(fullText)).toContain("Only approved AI tools may be used with company data.");

    const accepted = await clickDm(t, EMPLOYEE, invitation!, ids.actions.accept);
    expect(bodyText(accepted)).toContain("You accepted *AI policy* (version 1)");
    const again = await clickDm(t, EMPLOYEE, invitation!, ids.actions.accept);
    expect(bodyText(again)).toContain("You already accepted AI policy (version 1)");
    const acknowledgements = await t.aims.core.prisma.policyAcknowledgement.findMany();
    expect(acknowledgements).toHaveLength(1);
    expect(acknowledgements[0]).toMatchObject({ channel: "slack", externalId: EMPLOYEE, campaignId: 1, sha256: version.sha256 });
    expect(await t.aims.core.prisma.auditEvent.count({ where: { action: "policy.acknowledged" } })).toBe(1);
  });

  it("a new member of the workspace gets the campaign on arrival", async () => {
    t.fake.addUser({ id: NEWCOMER, name: "newcomer" });
    const response = await t.slack.event({ type: "team_join", user: { id: NEWCOMER, name: "newcomer", real_name: "Nia Newcomer", profile: {} } });
    expect(response.status).toBe(200);
    await expect.poll(() => t.aims.core.prisma.campaignRecipient.count({ where: { externalId: NEWCOMER, joinedLate: true } }), { timeout: 10_000 }).toBe(1);
    await tick(t);
    expect(campaignDmsTo(t, NEWCOMER)).toHaveLength(1);
  });

  it("the owner follows progress; a click on an old version says which is current; the late are reminded", async () => {
    const progress = await formFrom(t, OWNER, "campaign");
    const shown = JSON.stringify(progress.blocks);
    expect(shown).toContain("Campaign 1: AI policy v1");
    expect(shown).toMatch(/1 of \d+ accepted/);
    expect(shown).toContain("Not yet accepted");

    const view = await formFrom(t, OWNER, "policy publish");
    expect(await submit(t, OWNER, view, publishValues({ title: "AI policy", summary: "How we use AI, revised.", body: `${POLICY_TEXT}\n\nRevised.`, again: true }))).toBeNull();
    await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === OWNER && String(call.args.text).includes("Published AI policy version 2"));
    const oldMessage = campaignDmsTo(t, COLLEAGUE)[0]!;
    const outdated = await clickDm(t, COLLEAGUE, oldMessage, ids.actions.accept);
    expect(bodyText(outdated)).toContain("This message is about version 1 of AI policy; the current version is 2");
    expect(await t.aims.core.prisma.policyAcknowledgement.count({ where: { externalId: COLLEAGUE } })).toBe(0);

    clock.set(new Date("2027-03-11T09:30:00Z"));
    await tick(t);
    const reminders = campaignDmsTo(t, COLLEAGUE);
    expect(reminders).toHaveLength(2);
    expect(String(JSON.stringify(reminders[1]!.args.blocks))).toContain("Reminder: the deadline has passed");
    expect(campaignDmsTo(t, EMPLOYEE)).toHaveLength(1); // accepted: no reminder
    await tick(t);
    expect(campaignDmsTo(t, COLLEAGUE)).toHaveLength(2);

    // The campaign is a due item of the AIMS owner who started it: reminded on its deadline, with who is late in /aims campaign.
    const ownerReminder = t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === OWNER && JSON.stringify(call.args).includes("have not accepted AI policy v1 (campaign 1"));
    expect(ownerReminder).toHaveLength(1);
    clock.set(new Date("2027-03-15T10:00:00Z")); // past the escalation grace period (3 days), a Monday
    await tick(t);
    const escalations = t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === OWNER && JSON.stringify(call.args).includes("have not accepted AI policy v1 (campaign 1"));
    expect(escalations.length).toBeGreaterThan(1);
    expect(campaignDmsTo(t, COLLEAGUE)).toHaveLength(2);

    const late = await formFrom(t, OWNER, "campaign");
    expect(JSON.stringify(late.blocks)).toContain("Overdue");
    expect(JSON.stringify(late.blocks)).toContain(COLLEAGUE);
  });

  it("each person sees what they accepted with /aims me; the audit pack holds per-person records and the completion CSV", async () => {
    const responseUrl = t.fake.newResponseUrl();
    await t.slack.command(EMPLOYEE, "me", { responseUrl });
    const me = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
    expect(JSON.stringify(me.body)).toContain("Documents you accepted");
    expect(JSON.stringify(me.body)).toMatch(/AI policy version 1, accepted 2027-03-01 in Slack \(sha256 [0-9a-f]{12}/);

    const out = await mkdtemp(join(tmpdir(), "aims-campaign-pack-"));
    try {
      const pack = await exportAndRecord(t.aims.core, null, { outDir: out, period: {}, generatedBy: "a test" });
      const read = (file: string) => readFile(join(pack.folder, file), "utf8");
      const acknowledgements = JSON.parse(await read("records/policy-acknowledgements.json")) as Record<string, unknown>[];
      const version = await t.aims.core.prisma.policyVersion.findFirstOrThrow({ where: { version: 1 } });
      expect(acknowledgements).toEqual([
        expect.objectContaining({ document: "AI policy", version: 1, sha256: version.sha256, channel: "slack", externalId: EMPLOYEE, campaignId: 1, acknowledgedAt: "2027-03-01T10:00:00.000Z" }),
      ]);
      const completion = (await read("records/policy-campaign-completion.csv")).split("\r\n");
      expect(completion[0]).toBe("reference,campaign,document,version,audience,deadline,channel,externalId,name,joinedLate,accepted,acceptedAt,late");
      expect(completion.find((line) => line.startsWith(`campaign 1 / slack:${EMPLOYEE}`))).toMatch(/,false,true,2027-03-01T10:00:00.000Z,false$/);
      expect(completion.find((line) => line.startsWith(`campaign 1 / slack:${COLLEAGUE}`))).toMatch(/,false,false,,$/);
      expect(completion.find((line) => line.startsWith(`campaign 1 / slack:${NEWCOMER}`))).toMatch(/,true,false,,$/);
      const map = await read("evidence-by-control.csv");
      for (const control of ["5.2", "7.2", "7.3", "7.4", "A.2.2"]) expect(map).toContain(`${control},policy,AI policy v1 / slack:${EMPLOYEE}`);
      expect(map).toContain("A.2.2,policy,AI policy v2");
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
