import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { channelConversation, TEAMS_EMPLOYEE, TEAMS_OTHER, type TeamsPerson } from "../../../support/teams-activities.js";
import { actionOf, cardIn, cardText, expectCardResponse, expectChannelPostsAddressNoOne, expectMessageResponse, type Card } from "../teams-steps.js";
import { TEAMS_INCIDENT_CARD_ANSWERS } from "../../../support/incident-form-state.js";

const INCIDENTS = "19:incidents0123456789@thread.tacv2";
const RESPONDER: TeamsPerson = { aadObjectId: "00000000-0000-4000-8000-0000000000d1", id: "29:1teams-user-d1", name: "Rory Responder" };
/** Tuesday 1 December 2026, 10:15:42 UTC. */
const START = new Date("2026-12-01T10:15:42.123Z");

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({
    slack: false,
    teams: true,
    env: { TEAMS_INCIDENTS_CONVERSATION: INCIDENTS, TEAMS_INCIDENT_RESPONDERS: RESPONDER.aadObjectId },
    clock: fixedClock(START),
  });
  expect((await t.teams.install(RESPONDER, channelConversation(INCIDENTS))).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

async function reply(who: TeamsPerson, text: string) {
  return (await t.teams.ask(who, text)).reply;
}

const click = (who: TeamsPerson, card: Card, verb: string, inputs: Record<string, string> = {}, title?: string) => {
  const action = title ? card.actions!.find((a) => a.title === title)! : actionOf(card, verb);
  return t.teams.invoke(who, { verb: action.verb, data: { ...action.data, ...inputs }, conversation: channelConversation(INCIDENTS) });
};

const latestAnnouncement = async (predicate: string) =>
  cardIn(await t.teams.connector.waitFor("update", (c) => c.conversationId === INCIDENTS && cardText(c.body).includes(predicate)));

describe("AI incidents in Teams", () => {
  it("reports an incident from the form, moves it through its statuses and closes it with a root cause", async () => {
    const formCall = await reply(TEAMS_EMPLOYEE, "incident");
    const form = cardIn(formCall);
    const report = actionOf(form, "incident.report");
    const answers = TEAMS_INCIDENT_CARD_ANSWERS;
    const invalid = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: report.verb, data: { ...report.data, ...answers, title: "", detectedAtDate: "2027-01-01" }, replyToId: formCall.responseId });
    const again = cardText(expectCardResponse(invalid.body));
    expect(again).toContain("Title is required");
    expect(again).toContain("cannot have been detected in the future");
    expect(again).toContain("refunds take 90 days");

    const filed = await t.teams.invoke(TEAMS_EMPLOYEE, { verb: report.verb, data: { ...report.data, ...answers }, replyToId: formCall.responseId });
    expect(cardText(expectCardResponse(filed.body))).toContain("recorded as **INC-0001**");
    const isSummary = (body: Record<string, unknown>) => Array.isArray(body.attachments) && cardText(body).includes("INC-0001: Chatbot");
    const posted = await t.teams.connector.waitFor("send", (c) => c.conversationId === INCIDENTS && isSummary(c.body));
    const announcement = cardIn(posted);
    expect(cardText(announcement)).toContain("SEV3: moderate");
    const incident = await t.aims.core.incidents.find("INC-0001");
    // 09:40 in London in December is 09:40 UTC (the harness says the person is in Europe/London).
    expect(incident).toMatchObject({ reporterChannel: "teams", reporterId: TEAMS_EMPLOYEE.aadObjectId, detectedAt: new Date("2026-12-01T09:40:00.000Z"), status: "open" });

    const outsider = await click(TEAMS_OTHER, announcement, "incident.status", {}, "Move to Investigating");
    expect(expectMessageResponse(outsider.body)).toContain("Only the person who reported INC-0001");

    const moved = await click(RESPONDER, announcement, "incident.status", {}, "Move to Investigating");
    const investigating = expectCardResponse(moved.body);
    expect(cardText(investigating)).toContain("Investigating");
    await latestAnnouncement("Move to Mitigated");
    const stale = await click(RESPONDER, announcement, "incident.status", {}, "Move to Investigating");
    expect(expectMessageResponse(stale.body)).toContain("already investigating");

    expect(String((await reply(TEAMS_OTHER, "incident note INC-0001 Vendor confirms a bad prompt template")).body.text)).toContain("Added to the INC-0001 timeline");
    await latestAnnouncement("bad prompt template");
    expect(String((await reply(TEAMS_OTHER, "incident note Vendor called")).body.text)).toContain("Slack only");
    expect(String((await reply(TEAMS_EMPLOYEE, "incident status INC-0001 resolved")).body.text)).toContain("can move to mitigated next");
    expect(String((await reply(TEAMS_EMPLOYEE, "incident status INC-0001 mitigated")).body.text)).toContain("INC-0001 is now mitigated");

    const mitigated = await latestAnnouncement("Move to Resolved");
    const resolvedCard = expectCardResponse((await click(RESPONDER, mitigated, "incident.status", {}, "Move to Resolved")).body);
    expect(cardText(resolvedCard)).toContain("Resolved");

    const external = expectCardResponse((await click(RESPONDER, resolvedCard, "incident.external.form")).body);
    const recorded = await click(RESPONDER, external, "incident.external.record", { recipient: "customers", outcome: "report", reason: "Customers were given wrong refund terms." });
    expect(cardText(expectCardResponse(recorded.body))).toContain("decided by Rory Responder");

    const closing = expectCardResponse((await click(RESPONDER, resolvedCard, "incident.close.form")).body);
    const incomplete = await click(RESPONDER, closing, "incident.close", { rootCause: "A prompt template was edited without review." });
    expect(cardText(expectCardResponse(incomplete.body))).toContain("Closing needs at least one corrective action");
    const closed = await click(RESPONDER, closing, "incident.close", {
      rootCause: "A prompt template was edited without review.",
      actionDescription: "Require review of prompt template changes",
      actionOwnerId: RESPONDER.aadObjectId,
      actionDueDate: "2026-12-15",
    });
    const final = expectCardResponse(closed.body);
    expect(cardText(final)).toContain("Closed");
    expect(cardText(final)).toContain("Require review of prompt template changes");
    expect(cardText(final)).toContain(`owner ${RESPONDER.name}`);
    expect(cardText(final)).not.toContain(`owner ${RESPONDER.aadObjectId}`);
    expect(final.actions?.map((a) => a.verb)).toEqual(["incident.external.form"]);
    await latestAnnouncement("edited without review");

    expect(await t.aims.core.incidents.details("INC-0001")).toMatchObject({
      status: "closed",
      rootCause: "A prompt template was edited without review.",
      correctiveActions: [expect.objectContaining({ ownerChannel: "teams", ownerId: RESPONDER.aadObjectId })],
      externalReportDecisions: [expect.objectContaining({ deciderChannel: "teams", deciderId: RESPONDER.aadObjectId, outcome: "report" })],
    });
    const afterClose = await reply(TEAMS_EMPLOYEE, "incident note INC-0001 one more thing");
    expect(String(afterClose.body.text)).toContain("closed");
    expect(t.teams.connector.accepted("send").filter((c) => c.conversationId === INCIDENTS && isSummary(c.body))).toHaveLength(1);
    // The channel's stored reference names whoever spoke there last, who is not whom the post is for.
    expectChannelPostsAddressNoOne(t.teams.connector);
  });
});
