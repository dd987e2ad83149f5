import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../src/core/clock.js";
import { startTestAims, type MessageActionAnswer, type TestAims } from "../../support/aims-harness.js";
import { channelConversation, personalChatId, TEAMS_EMPLOYEE, TEAMS_OTHER, type MessagePayloadInput, type TeamsPerson } from "../../support/teams-activities.js";
import { wholeDatabaseText } from "../../support/whole-database.js";
import { credentialsOn, START, TEAMS_CONCERN_ENV, TEAMS_TRIAGERS, teamsTriagePost, triageConversation } from "./concerns/teams-concern-steps.js";
import type { Card } from "./teams-steps.js";
import { VALID_INCIDENT } from "../../support/incident-form-state.js";

const GENERAL = channelConversation("19:general0123456789@thread.tacv2");
const WHISTLEBLOWER: TeamsPerson = { aadObjectId: "5d2a8c11-90b4-4e6f-a7c3-0f1e2d3c4b5a", id: "29:1quiet-reporter-id", name: "Quinn Quiet" };
const MESSAGE: MessagePayloadInput = {
  id: "1732960000000",
  html: "<p>The assistant said we can paste <b>customer</b> records into it &amp; it keeps them private.</p>",
  author: TEAMS_OTHER,
};

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ slack: false, teams: true, env: { ...TEAMS_CONCERN_ENV, TEAMS_INCIDENTS_CONVERSATION: "19:incidents0123456789@thread.tacv2" }, clock: fixedClock(START) });
  expect((await t.teams.install(TEAMS_TRIAGERS[0], triageConversation)).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

function dialogOf(answer: { status: number; body: MessageActionAnswer }): Card & { submitData: Record<string, unknown> } {
  expect(answer.status).toBe(200);
  const task = answer.body.task;
  if (task?.type !== "continue") throw new Error(`expected a dialog, got ${JSON.stringify(answer.body)}`);
  expect(task.value.card.contentType).toBe("application/vnd.microsoft.card.adaptive");
  const card = task.value.card.content as unknown as Card;
  const submit = card.actions?.find((action) => action.type === "Action.Submit");
  return { ...card, submitData: submit?.data ?? {} };
}

function messageOf(answer: { status: number; body: MessageActionAnswer }): string {
  expect(answer.status).toBe(200);
  const task = answer.body.task;
  if (task?.type !== "message") throw new Error(`expected a message, got ${JSON.stringify(answer.body)}`);
  return task.value;
}

const text = (card: unknown) => JSON.stringify(card);

/** Report an AI concern on MESSAGE in the general channel: opening it, or submitting the dialog with `data`. */
const reportConcern = (who: TeamsPerson, data?: Record<string, unknown>) =>
  t.teams.messageAction(who, { kind: data ? "submitAction" : "fetchTask", commandId: "reportConcern", message: MESSAGE, conversation: GENERAL, ...(data ? { data } : {}) });

describe("Report an AI concern on a Teams message", () => {
  it("opens the concern form in a dialog quoting the message as text, from any channel", async () => {
    const dialog = dialogOf(await reportConcern(TEAMS_EMPLOYEE));
    expect(text(dialog)).toContain("“The assistant said we can paste customer records into it & it keeps them private.”");
    expect(dialog.submitData).toMatchObject({ quote: { text: "The assistant said we can paste customer records into it & it keeps them private.", authorId: TEAMS_OTHER.aadObjectId, conversationId: GENERAL.id, messageId: MESSAGE.id } });
  });

  it("files it anonymously: errors keep the dialog and the quote, the code and secret are shown once, and nothing identifies the reporter", async () => {
    const opened = dialogOf(await reportConcern(WHISTLEBLOWER));
    const invalid = dialogOf(await reportConcern(WHISTLEBLOWER, { ...opened.submitData, description: "", category: "privacy", anonymous: "true" }));
    expect(text(invalid)).toContain("Please fix the answers marked below.");
    expect(text(invalid)).toContain("customer records");
    expect(await t.aims.core.prisma.concern.count()).toBe(0);

    const receipt = dialogOf(
      await reportConcern(WHISTLEBLOWER, { ...invalid.submitData, description: "People are told it is safe to paste customer data into the assistant.", category: "privacy", anonymous: "true" }),
    );
    const { code, secret } = credentialsOn(receipt);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(receipt.actions ?? []).toEqual([]);
    expect(text(receipt)).toContain("They are gone when you close this window.");

    const triage = await teamsTriagePost(t, "safe to paste customer data");
    expect(text(triage.card)).toContain("Quoted message: “The assistant said we can paste customer records");
    const concern = await t.aims.core.prisma.concern.findFirstOrThrow();
    expect(concern).toMatchObject({ anonymous: true, reporterId: null, quotedAuthorId: null, quotedConversationId: null, quotedMessageId: null });
    expect(await t.aims.core.prisma.teamsUser.findUnique({ where: { aadObjectId: WHISTLEBLOWER.aadObjectId } })).toBeNull();

    const database = await wholeDatabaseText(t.aims.core.prisma);
    expect(database.text).toContain("safe to paste customer data");
    for (const value of [WHISTLEBLOWER.aadObjectId, WHISTLEBLOWER.id, WHISTLEBLOWER.name, personalChatId(WHISTLEBLOWER), secret.replace(/-/g, "")]) {
      expect(database.text.includes(value), `the database contains ${value}`).toBe(false);
      expect(t.logs().includes(value), `the logs contain ${value}`).toBe(false);
    }
  });

  it("keeps who wrote the quoted message, and where, for a named concern", async () => {
    const opened = dialogOf(await reportConcern(TEAMS_EMPLOYEE));
    const receipt = dialogOf(await reportConcern(TEAMS_EMPLOYEE, { ...opened.submitData, description: "Named: the assistant's privacy claim needs checking.", category: "privacy", anonymous: "false" }));
    expect(text(receipt)).toMatch(/CON-\d{4}/);
    const concern = await t.aims.core.prisma.concern.findFirstOrThrow({ where: { anonymous: false } });
    expect(concern).toMatchObject({ reporterId: TEAMS_EMPLOYEE.aadObjectId, quotedAuthorId: TEAMS_OTHER.aadObjectId, quotedConversationId: GENERAL.id, quotedMessageId: MESSAGE.id });
  });
});

describe("Add to incident timeline on a Teams message", () => {
  it("says so when there is no open incident", async () => {
    expect(messageOf(await t.teams.messageAction(TEAMS_EMPLOYEE, { kind: "fetchTask", commandId: "addToIncidentTimeline", message: MESSAGE, conversation: GENERAL }))).toBe(
      "There is no open incident to add this message to.",
    );
  });

  it("adds the message, with who wrote it and where it came from, to the chosen incident's timeline", async () => {
    const reported = await t.aims.core.incidents.report(
      { channel: "teams", id: TEAMS_EMPLOYEE.aadObjectId, name: TEAMS_EMPLOYEE.name },
      { ...VALID_INCIDENT, title: "Assistant leaks customer data", detectedAt: "2026-12-01T09:00:00Z", severity: "sev2" },
      "message-action-incident",
    );
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const reference = reported.incident.reference;

    const dialog = dialogOf(await t.teams.messageAction(TEAMS_EMPLOYEE, { kind: "fetchTask", commandId: "addToIncidentTimeline", message: MESSAGE, conversation: GENERAL }));
    expect(text(dialog)).toContain(`${reference}: Assistant leaks customer data`);
    expect(text(dialog)).toContain(`${TEAMS_OTHER.name}: The assistant said we can paste customer records`);

    const submit = (data: Record<string, unknown>) => t.teams.messageAction(TEAMS_EMPLOYEE, { kind: "submitAction", commandId: "addToIncidentTimeline", message: MESSAGE, conversation: GENERAL, data: { ...dialog.submitData, ...data } });
    expect(text(dialogOf(await submit({ incident: "", note: "x" })))).toContain("Choose the incident");
    expect(text(dialogOf(await submit({ incident: reference, note: "   " })))).toContain("The note is empty");

    expect(messageOf(await submit({ incident: reference, note: `${TEAMS_OTHER.name}: customer records pasted` }))).toBe(`Added to the ${reference} timeline.`);
    const entry = await t.aims.core.prisma.incidentTimelineEntry.findFirstOrThrow({ where: { kind: "note" } });
    expect(entry).toMatchObject({ text: `${TEAMS_OTHER.name}: customer records pasted`, source: `teams:${GENERAL.id}/${MESSAGE.id}`, authorId: TEAMS_EMPLOYEE.aadObjectId });
  });

  it("answers an action it does not know with a message", async () => {
    expect(messageOf(await t.teams.messageAction(TEAMS_EMPLOYEE, { kind: "fetchTask", commandId: "somethingElse", message: MESSAGE }))).toContain("no longer supported");
  });
});
