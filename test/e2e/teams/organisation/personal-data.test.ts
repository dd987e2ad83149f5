import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { ANONYMOUS_CONCERNS_NOTE } from "../../../../src/features/organisation/personal-data-text.js";
import { PERSONAL_CHAT_ONLY } from "../../../../src/channels/teams/organisation/me-command.js";
import { APPROVALS_CHANNEL, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_INCIDENT } from "../../../support/incident-form-state.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { submitRequest } from "../../../support/request-steps.js";
import { channelConversation, personalChat, TEAMS_APPROVALS_CONVERSATION, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { cardIn, cardText, submitTeamsRequest } from "../teams-steps.js";

const OWNER = { channel: "slack" as const, id: OWNERS[0] };
const clock = fixedClock(new Date("2027-03-01T09:00:00.000Z"));
let t: TestAims;

beforeAll(async () => {
  t = await startTestAims({ teams: true, clock });
  await t.teams.install(TEAMS_APPROVERS[0], channelConversation());
});
afterAll(async () => {
  await t?.stop();
});

async function slackMe(userId: string): Promise<string> {
  const responseUrl = t.fake.newResponseUrl();
  expect((await t.slack.command(userId, "me", { responseUrl })).status).toBe(200);
  const answer = await t.fake.waitForResponseUrlPost((post) => post.url === responseUrl);
  expect(answer.body).toMatchObject({ response_type: "ephemeral" });
  return JSON.stringify(answer.body);
}

describe("a person's own data: /aims me in Slack, me in Teams", () => {
  it("shows a person's request, the roles they hold, and a role they held with who granted and ended it and why", async () => {
    const person = "UMEPERSON1";
    const { reference } = await submitRequest(t, person, { ...VALID_REQUEST, toolName: "Meeting Notes AI" });
    const granted = await t.aims.core.roles.grant(OWNER, { role: "approver", person: { channel: "slack", id: person }, reason: "Holiday cover for Ada", until: "" });
    if (granted.kind !== "ok") throw new Error(JSON.stringify(granted));
    clock.advance(7 * 86_400_000);
    expect(await t.aims.core.roles.revoke(OWNER, granted.grant.id, "Ada is back from holiday")).toMatchObject({ kind: "ok" });
    await t.aims.core.roles.grant(OWNER, { role: "triager", person: { channel: "slack", id: person }, reason: "Joined the ethics group", until: "" });

    const shown = await slackMe(person);
    expect(shown).toContain(`${reference} Meeting Notes AI (pending)`);
    expect(shown).toContain("*Roles you hold*\\n• concern triager, since 2027-03-08, granted by slack:UOWNER1: Joined the ethics group");
    expect(shown).toContain(
      "*Roles you held before*\\n• approver, 2027-03-01 to 2027-03-08, granted by slack:UOWNER1: Holiday cover for Ada; ended by slack:UOWNER1: Ada is back from holiday",
    );
    expect(shown).toContain(ANONYMOUS_CONCERNS_NOTE);

    const owner = await slackMe(OWNER.id);
    expect(owner).toContain("AIMS owner, since");
    expect(owner).toContain("from the environment variable AIMS_OWNERS");
    expect(owner).not.toContain(reference);
  });

  it("shows a person linked across Slack and Teams the records of both accounts, and says why they are linked", async () => {
    const slackId = "UEVESLACK1";
    await t.aims.core.directory.observe({ channel: "slack", id: slackId, name: "Eve Employee", verifiedEmail: "eve@example.com" });
    await t.aims.core.directory.observe({ channel: "teams", id: TEAMS_EMPLOYEE.aadObjectId, name: "Eve Employee", verifiedEmail: "Eve@Example.com" });
    const fromSlack = await submitRequest(t, slackId, { ...VALID_REQUEST, toolName: "Slack Side Tool" });
    const fromTeams = await submitTeamsRequest(t, TEAMS_EMPLOYEE, { ...VALID_REQUEST, toolName: "Teams Side Tool" });
    const incident = await t.aims.core.incidents.report({ channel: "teams", id: TEAMS_EMPLOYEE.aadObjectId }, VALID_INCIDENT, "me-incident");
    if (!incident.ok) throw new Error(JSON.stringify(incident.errors));

    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "me");
    const card = cardText(cardIn(reply));
    expect(card).toContain(fromSlack.reference);
    expect(card).toContain(fromTeams.reference);
    expect(card).toContain(incident.incident.reference);
    expect(card).toContain(`Slack account ${slackId} (Eve Employee, eve@example.com): first seen by the bot`);
    expect(card).toContain(`Teams account ${TEAMS_EMPLOYEE.aadObjectId} (Eve Employee, eve@example.com): same verified email eve@example.com as the Slack account ${slackId}`);

    const slackSide = await slackMe(slackId);
    expect(slackSide).toContain(fromTeams.reference);
    expect(slackSide).toContain(incident.incident.reference);
  });

  it("answers me only in a personal chat: in a channel everyone would see it", async () => {
    const { reply } = await t.teams.ask(TEAMS_EMPLOYEE, "me", channelConversation());
    expect(reply.body).toMatchObject({ text: PERSONAL_CHAT_ONLY });
    expect(JSON.stringify(reply.body)).not.toContain("Your accounts");
    expect(reply.conversationId).not.toBe(personalChat(TEAMS_EMPLOYEE).id);
  });
});

describe("a leaver's open duties", () => {
  it("tells the AIMS owners what a deactivated owner of a corrective action still holds, in Slack by DM and in Teams' approvals conversation", async () => {
    const leaver = "ULEAVER01";
    await t.aims.core.directory.observe({ channel: "slack", id: leaver, name: "Lee Leaver" });
    const granted = await t.aims.core.roles.grant(OWNER, { role: "incident_responder", person: { channel: "slack", id: leaver }, reason: "On call for the support bot", until: "" });
    expect(granted.kind).toBe("ok");
    const reported = await t.aims.core.incidents.report(OWNER, VALID_INCIDENT, "leaver-incident");
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const add = async (description: string) => {
      const added = await t.aims.core.incidents.addCorrectiveAction(OWNER, reported.incident.reference, { description, ownerId: leaver, dueDate: "2027-04-30" });
      if (added.kind !== "added") throw new Error(JSON.stringify(added));
      return added.action;
    };
    const open = await add("Add a human check of refund answers");
    const done = await add("Rewrite the refund prompt");
    expect(await t.aims.core.incidents.setCorrectiveActionStatus(OWNER, done.id, "done")).toMatchObject({ kind: "updated" });

    await t.aims.core.directory.observe({ channel: "slack", id: leaver, deactivated: { reason: "Slack reports the account deactivated" } });

    const dm = await t.fake.waitFor("chat.postMessage", (call) => call.args.channel === OWNER.id && String(call.args.text).includes("Lee Leaver was deactivated"));
    const blocks = JSON.stringify(dm.args.blocks);
    expect(blocks).toContain("Lee Leaver (Slack account ULEAVER01) was deactivated: Slack reports the account deactivated");
    expect(blocks).toContain(`*Open corrective actions they own*\\n• ${reported.incident.reference} action ${open.id} Add a human check of refund answers (open, due 2027-04-30)`);
    expect(blocks).not.toContain("Rewrite the refund prompt");
    expect(blocks).toContain("incident responder, since 2027-03-08, granted by slack:UOWNER1: On call for the support bot");
    expect(t.fake.callsTo("chat.postMessage").filter((call) => call.args.channel === APPROVALS_CHANNEL && String(call.args.text).includes("Lee Leaver"))).toEqual([]);

    const teamsPost = await t.teams.connector.waitFor("send", (call) => call.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(call.body).includes("Lee Leaver"));
    expect(cardText(teamsPost.body)).toContain("Add a human check of refund answers");

    await t.aims.core.directory.observe({ channel: "slack", id: leaver, deactivated: { reason: "Slack reports the account deactivated" } });
    await t.aims.core.events.deliverPending();
    expect(t.fake.callsTo("chat.postMessage").filter((call) => String(call.args.text).includes("Lee Leaver was deactivated"))).toHaveLength(1);
  });
});
