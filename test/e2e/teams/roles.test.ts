import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/clock.js";
import { ROLES_IDS } from "../../../src/features/organisation/conversation/roles-ids.js";
import { applyBootstrapRoles } from "../../../src/features/organisation/role-bootstrap.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../support/aims-harness.js";
import { VALID_REQUEST } from "../../support/request-form-state.js";
import { submitRequest } from "../../support/request-steps.js";
import { channelConversation, TEAMS_APPROVALS_CONVERSATION, TEAMS_EMPLOYEE, TEAMS_OTHER, type TeamsPerson } from "../../support/teams-activities.js";
import { type Card, cardIn, cardText, clickTeamsDecision, expectCardResponse, expectMessageResponse } from "./teams-steps.js";

const OWNER = OWNERS[0];
/** An AIMS owner on Teams, from TEAMS_OWNERS. */
const TESS: TeamsPerson = { aadObjectId: "00000000-0000-4000-8000-0000000000f1", id: "29:1teams-user-f1", name: "Tess Owner" };
/** Bob: UBOB on Slack, Olli Other on Teams. */
const BOB = "UBOB";
const OLLI = TEAMS_OTHER;
const START = new Date("2027-03-01T09:00:00Z");
const WAIT_MS = 20_000;

type Block = { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; value?: string }; elements?: { action_id: string; value?: string }[] };
type View = { id: string; callback_id: string; private_metadata: string; blocks: Block[] };

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ teams: true, clock: fixedClock(START), env: { TEAMS_OWNERS: TESS.aadObjectId } });
  await t.teams.install(TESS, channelConversation());
  await t.teams.install(TESS, { id: "19:ai-council@thread.v2", type: "groupChat" });
  t.fake.addUserGroup({ id: "S0REVIEWERS", handle: "ai-reviewers", name: "AI reviewers", users: [BOB] });
});
afterAll(async () => {
  await t?.stop();
});

/** `/aims roles`: the modal Slack was asked to open. */
async function slackRoles(userId: string): Promise<View> {
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, "roles")).status).toBe(200);
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return call.response.view as View;
}

/** A click on a button of the roles modal; a form is pushed over it. */
async function slackClick(userId: string, view: View, actionId: string, value?: string): Promise<View> {
  const before = t.fake.callsTo("views.push").length;
  await t.slack.action({ userId, view: { id: view.id }, actions: [{ action_id: actionId, block_id: "b", ...(value ? { value } : {}) }] });
  const [push] = (await t.fake.waitForCount("views.push", before + 1, WAIT_MS)).slice(before);
  expect(push.response.ok, JSON.stringify(push.response)).toBe(true);
  return push.response.view as View;
}

const submit = (userId: string, form: View, values: Record<string, unknown>) =>
  t.slack.submitView(userId, { id: form.id, callback_id: form.callback_id, private_metadata: form.private_metadata, state: { values: values as never } });

const select = (value: string) => ({ value: { type: "static_select", selected_option: { value } } });
const user = (id: string) => ({ value: { type: "users_select", selected_user: id } });
const text = (value: string) => ({ value: { type: "plain_text_input", value } });
const date = (value: string | null) => ({ value: { type: "datepicker", selected_date: value } });

/** After a form pushed over the roles modal is saved, the modal below shows the roles again. */
async function rootUpdatedAfter(before: number): Promise<View> {
  const [update] = (await t.fake.waitForCount("views.update", before + 1, WAIT_MS)).slice(before);
  expect(update.response.ok, JSON.stringify(update.response)).toBe(true);
  return update.args.view as View;
}

const blockText = (view: View) => JSON.stringify(view.blocks);

async function teamsRoles(who: TeamsPerson): Promise<Card> {
  const { reply } = await t.teams.ask(who, "roles");
  return cardIn(reply);
}

const inputValue = (card: Card, id: string) => (card.body.find((element) => element.id === id) as { value?: string } | undefined)?.value;

const invoke = (who: TeamsPerson, verb: string, data: Record<string, unknown> = {}) => t.teams.invoke(who, { verb, data });

async function approvalCardFor(reference: string) {
  const call = await t.teams.connector.waitFor("send", (c) => c.conversationId === TEAMS_APPROVALS_CONVERSATION && cardText(c.body).includes(reference), WAIT_MS);
  return { card: cardIn(call), activityId: call.responseId! };
}

describe("roles in chat, in Slack and in Teams", () => {
  it("shows everyone who holds which role, the bootstrap variables as such, and owners' buttons only to owners", async () => {
    const staff = await slackRoles(EMPLOYEE);
    expect(staff.callback_id).toBe(ROLES_IDS.views.list);
    const headings = staff.blocks.filter((block) => block.type === "header").map((block) => block.text!.text);
    expect(headings).toEqual(["AIMS owner", "Approver", "Concern triager", "Incident responder", "Manager"]);
    expect(blockText(staff)).toContain(`*Slack account ${OWNER}*\\nfrom AIMS_OWNERS (bootstrap)`);
    expect(blockText(staff)).toContain("from TEAMS_OWNERS (bootstrap)");
    expect(blockText(staff)).toContain("from AIMS_APPROVERS (bootstrap)");
    expect(blockText(staff)).not.toContain(ROLES_IDS.actions.grant);
    expect(blockText(staff)).not.toContain(ROLES_IDS.actions.revoke);

    const card = await teamsRoles(TEAMS_EMPLOYEE);
    expect(cardText(card)).toContain("from TEAMS_APPROVERS (bootstrap)");
    expect(cardText(card)).not.toContain(ROLES_IDS.actions.grant);
    expect(cardText(await teamsRoles(TESS))).toContain(ROLES_IDS.actions.grant);
  });

  it("refuses a non-owner's click and submission, in both chats", async () => {
    const staff = await slackRoles(EMPLOYEE);
    await t.slack.action({ userId: EMPLOYEE, view: { id: staff.id }, actions: [{ action_id: ROLES_IDS.actions.grant, block_id: "b" }] });
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === EMPLOYEE && String(c.args.text).includes("Only the AIMS owners"), WAIT_MS);

    const refused = await submit(EMPLOYEE, { id: staff.id, callback_id: ROLES_IDS.views.grant, private_metadata: "{}", blocks: [] }, {
      role: select("approver"),
      person: user(EMPLOYEE),
      reason: text("I would like to approve"),
    });
    expect(await refused.json()).toEqual({ response_action: "errors", errors: { role: expect.stringContaining("Only the AIMS owners") } });

    expect(expectMessageResponse((await invoke(TEAMS_EMPLOYEE, ROLES_IDS.actions.grant)).body)).toContain("Only the AIMS owners");
    const save = await invoke(TEAMS_EMPLOYEE, ROLES_IDS.views.grant, { role: "approver", person: TEAMS_EMPLOYEE.aadObjectId, reason: "Me" });
    expect(expectMessageResponse(save.body)).toContain("Only the AIMS owners");
    expect(await t.aims.core.prisma.roleGrant.count({ where: { source: "direct" } })).toBe(0);
  });

  it("shows field errors: a reason is required and the end date cannot be in the past; Teams keeps what was typed", async () => {
    const roles = await slackRoles(OWNER);
    const form = await slackClick(OWNER, roles, ROLES_IDS.actions.grant);
    expect(form.callback_id).toBe(ROLES_IDS.views.grant);
    const answer = await submit(OWNER, form, { role: select("approver"), person: user(BOB), reason: text(""), until: date("2027-02-01") });
    expect(await answer.json()).toEqual({
      response_action: "errors",
      errors: { reason: expect.stringContaining("Say why"), until: expect.stringContaining("after today") },
    });

    const shownBack = expectCardResponse(
      (await invoke(TESS, ROLES_IDS.views.grant, { role: "triager", person: TEAMS_EMPLOYEE.aadObjectId, reason: " ", until: "2027-02-01" })).body,
    );
    const body = cardText(shownBack);
    expect(body).toContain("Say why: the roles register keeps it.");
    expect(body).toContain("Pick a date after today");
    expect(inputValue(shownBack, "role")).toBe("triager");
    expect(await t.aims.core.prisma.roleGrant.count({ where: { source: "direct" } })).toBe(0);
  });

  it("an owner links Bob's accounts and grants him the approver role in Slack; he approves from Teams", async () => {
    await t.teams.ask(OLLI, "help");
    const roles = await slackRoles(OWNER);
    const link = await slackClick(OWNER, roles, ROLES_IDS.actions.link);
    expect(blockText(link)).toContain("Olli Other");
    let updates = t.fake.callsTo("views.update").length;
    const linked = await submit(OWNER, link, { account: user(BOB), other: select(`teams:${OLLI.aadObjectId}`), reason: text("Bob's Teams account, confirmed by IT") });
    expect(linked.status).toBe(200);
    expect(blockText(await rootUpdatedAfter(updates))).toContain("The accounts are now one person.");

    const grant = await slackClick(OWNER, roles, ROLES_IDS.actions.grant);
    updates = t.fake.callsTo("views.update").length;
    const granted = await submit(OWNER, grant, { role: select("approver"), person: user(BOB), reason: text("Covers approvals in March"), until: date("2027-03-31") });
    expect(granted.status).toBe(200);
    const after = await rootUpdatedAfter(updates);
    expect(blockText(after)).toContain("The approver role was granted.");
    expect(blockText(after)).toContain(`granted by Slack account ${OWNER} on 2027-03-01: Covers approvals in March`);
    expect(blockText(after)).toContain("until 2027-03-31");

    const teamsView = cardText(await teamsRoles(TEAMS_EMPLOYEE));
    expect(teamsView).toContain("Olli Other");
    expect(teamsView).toContain("Covers approvals in March");

    const { reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Approved by Bob" });
    const approval = await approvalCardFor(reference);
    const { body } = await clickTeamsDecision(t, OLLI, approval, "request.approve");
    expect(cardText(expectCardResponse(body))).toContain("**Approved** by Olli Other");
  });

  it("a Teams owner revokes Bob's grant with a reason; Slack shows it gone and his next click is refused", async () => {
    const card = await teamsRoles(TESS);
    const grant = await t.aims.core.prisma.roleGrant.findFirstOrThrow({ where: { source: "direct", role: "approver", effectiveUntil: { gt: START } } });
    expect(cardText(card)).toContain(`"grant":"${grant.id}"`);
    const form = expectCardResponse((await invoke(TESS, ROLES_IDS.actions.revoke, { grant: grant.id, what: "approver: Bob", group: 0 })).body);
    expect(cardText(form)).toContain(ROLES_IDS.views.revoke);

    const noReason = expectCardResponse((await invoke(TESS, ROLES_IDS.views.revoke, { grant: grant.id, what: "approver: Bob", group: 0, reason: "" })).body);
    expect(cardText(noReason)).toContain("Say why");
    const revoked = expectCardResponse((await invoke(TESS, ROLES_IDS.views.revoke, { grant: grant.id, what: "approver: Bob", group: 0, reason: "Back from leave: Alex approves again" })).body);
    expect(cardText(revoked)).toContain("The role was revoked.");
    expect(cardText(revoked)).not.toContain(grant.id);
    expect(blockText(await slackRoles(EMPLOYEE))).not.toContain("Covers approvals in March");

    const { reference } = await submitRequest(t, EMPLOYEE, { ...VALID_REQUEST, toolName: "Not for Bob" });
    const { body } = await clickTeamsDecision(t, OLLI, await approvalCardFor(reference), "request.approve");
    expect(expectMessageResponse(body)).toContain("Only the AIMS approvers");
    expect((await t.aims.core.requests.find(reference))!.status).toBe("pending");
  });

  it("binds a role to a Slack user group and to a Teams group chat, each from its own chat", async () => {
    const roles = await slackRoles(OWNER);
    const bind = await slackClick(OWNER, roles, ROLES_IDS.actions.bind);
    expect(blockText(bind)).toContain("AI reviewers");
    const updates = t.fake.callsTo("views.update").length;
    const bound = await submit(OWNER, bind, { role: select("triager"), group: select("S0REVIEWERS"), reason: text("Reviewers triage concerns") });
    expect(bound.status).toBe(200);
    const after = await rootUpdatedAfter(updates);
    expect(blockText(after)).toContain("The concern triager role is bound to AI reviewers (@ai-reviewers).");
    expect(blockText(after)).toContain("*AI reviewers (@ai-reviewers)* (Slack user group)");

    const form = expectCardResponse((await invoke(TESS, ROLES_IDS.actions.bind)).body);
    expect(cardText(form)).toContain("19:ai-council@thread.v2");
    const unknown = expectCardResponse((await invoke(TESS, ROLES_IDS.views.bind, { role: "manager", group: "19:gone@thread.v2", reason: "Managers" })).body);
    expect(cardText(unknown)).toContain("The bot cannot find this group");
    expect(inputValue(unknown, "reason")).toBe("Managers");
    const teamsBound = expectCardResponse((await invoke(TESS, ROLES_IDS.views.bind, { role: "manager", group: "19:ai-council@thread.v2", reason: "The AI council manages" })).body);
    expect(cardText(teamsBound)).toContain("(Teams team or group chat)");
    expect(blockText(await slackRoles(EMPLOYEE))).toContain("The AI council manages");
  });

  it("a Teams owner unlinks Bob's Teams account, with a reason; it is then a person of its own", async () => {
    const form = expectCardResponse((await invoke(TESS, ROLES_IDS.actions.unlink)).body);
    expect(cardText(form)).toContain(`teams:${OLLI.aadObjectId}`);
    const noReason = expectCardResponse((await invoke(TESS, ROLES_IDS.views.unlink, { account: `teams:${OLLI.aadObjectId}`, reason: "" })).body);
    expect(cardText(noReason)).toContain("Say why this account is not the same person.");
    expect(inputValue(noReason, "account")).toBe(`teams:${OLLI.aadObjectId}`);
    const unlinked = expectCardResponse((await invoke(TESS, ROLES_IDS.views.unlink, { account: `teams:${OLLI.aadObjectId}`, reason: "Linked by mistake" })).body);
    expect(cardText(unlinked)).toContain("The account is now a person of its own.");
    expect(await t.aims.core.roles.samePerson({ channel: "slack", id: BOB }, { channel: "teams", id: OLLI.aadObjectId })).toBe(false);
  });

  it("refuses to revoke the last AIMS owner, with the reason on the form", async () => {
    const grantOwner = await slackClick(OWNER, await slackRoles(OWNER), ROLES_IDS.actions.grant);
    await submit(OWNER, grantOwner, { role: select("owner"), person: user(BOB), reason: text("Bob takes over the AIMS") });
    const bobs = await t.aims.core.prisma.roleGrant.findFirstOrThrow({ where: { source: "direct", role: "owner" } });
    // A restart without the bootstrap variables ends their grants: Bob is then the only AIMS owner.
    const { prisma, clock, directory } = t.aims.core;
    await applyBootstrapRoles({ prisma, clock, people: directory }, []);

    const roles = await slackRoles(BOB);
    const revoke = roles.blocks.find((block) => block.block_id === `grant:${bobs.id}`)!.accessory!;
    expect(revoke.action_id).toBe(ROLES_IDS.actions.revoke);
    const form = await slackClick(BOB, roles, revoke.action_id, revoke.value);
    const answer = await submit(BOB, form, { reason: text("Leaving the company") });
    expect(await answer.json()).toEqual({ response_action: "errors", errors: { reason: expect.stringContaining("This is the last AIMS owner") } });
    expect(await t.aims.core.roles.has({ channel: "slack", id: BOB }, "owner")).toBe(true);
  });
});
