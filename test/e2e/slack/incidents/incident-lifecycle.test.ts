import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYEE, OWNERS, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import {
  NOW,
  RESPONDER,
  STRANGER,
  actionIdsIn,
  blocksText,
  click,
  commandReply,
  followUpState,
  ids,
  replyAt,
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

/** Reports a SEV2 and waits until its channel exists; returns the reference, announcement ts and channel id. */
async function incidentWithRoom(title: string) {
  const reported = await reportIncident(t, EMPLOYEE, { title, severity: "sev2" });
  const roomId = await eventually(async () => {
    const incident = await t.aims.core.incidents.find(reported.reference);
    expect(incident?.roomId).toBeTruthy();
    return incident!.roomId!;
  });
  await t.fake.waitFor("pins.add", (c) => c.args.channel === roomId);
  return { ...reported, roomId };
}

/** The status field of a summary, as it appears in the JSON of its blocks. */
const STATUS_INVESTIGATING = "*Status*\\nInvestigating";

const statusOf = async (reference: string) => (await t.aims.core.incidents.find(reference))!.status;

async function moveTo(reference: string, status: "investigating" | "mitigated" | "resolved", by = RESPONDER) {
  await commandReply(t, by, `incident status ${reference} ${status}`);
  await eventually(async () => expect(await statusOf(reference)).toBe(status));
}

describe("incident lifecycle", () => {
  it("moves through the statuses by button and command, refuses and explains the rest, and updates both summaries", async () => {
    const { reference, announcementTs, roomId } = await incidentWithRoom("Lifecycle incident");

    const strangerUrl = await click(t, STRANGER, ids.actions.toInvestigating, reference, { ts: announcementTs });
    expect(await replyAt(t, strangerUrl)).toBe(
      `Only the person who reported ${reference}, the AIMS owners and the incident responders can change it.`,
    );
    expect(await commandReply(t, EMPLOYEE, `incident status ${reference} resolved`)).toBe(
      `${reference} is open, so it can move to investigating next, not to resolved.`,
    );
    expect(await statusOf(reference)).toBe("open");

    await click(t, RESPONDER, ids.actions.toInvestigating, reference, { ts: announcementTs });
    await eventually(async () => expect(await statusOf(reference)).toBe("investigating"));
    const announcementUpdate = await t.fake.waitFor("chat.update", (c) => c.args.ts === announcementTs && blocksText(c).includes(STATUS_INVESTIGATING));
    expect(actionIdsIn(announcementUpdate)).toContain(ids.actions.toMitigated);
    expect(actionIdsIn(announcementUpdate)).not.toContain(ids.actions.toInvestigating);
    await t.fake.waitFor("chat.update", (c) => c.args.channel === roomId && blocksText(c).includes(STATUS_INVESTIGATING));

    const staleUrl = await click(t, OWNERS[0], ids.actions.toInvestigating, reference, { ts: announcementTs });
    expect(await replyAt(t, staleUrl)).toBe(`${reference} is already investigating.`);

    expect(await commandReply(t, OWNERS[0], "incident status mitigated", roomId)).toBe(`${reference} is now mitigated.`);
    expect(await commandReply(t, OWNERS[0], `incident status ${reference} closed`)).toBe(
      `${reference} is mitigated, so it can move to resolved or investigating next, not to closed.`,
    );
    await moveTo(reference, "resolved", EMPLOYEE);

    const { prisma } = t.aims.core;
    const timeline = await prisma.incidentTimelineEntry.findMany({ where: { incident: { reference } }, orderBy: { id: "asc" } });
    expect(timeline.map((e) => [e.kind, e.authorId, e.text])).toEqual([
      ["status_change", RESPONDER, "Status changed from Open to Investigating."],
      ["status_change", OWNERS[0], "Status changed from Investigating to Mitigated."],
      ["status_change", EMPLOYEE, "Status changed from Mitigated to Resolved."],
    ]);
    const audit = await prisma.auditEvent.findMany({ where: { entityId: reference, action: "incident.status_changed" }, orderBy: { id: "asc" } });
    expect(audit.map((e) => [e.actorId, e.before, e.after])).toEqual([
      [RESPONDER, { status: "open" }, { status: "investigating" }],
      [OWNERS[0], { status: "investigating" }, { status: "mitigated" }],
      [EMPLOYEE, { status: "mitigated" }, { status: "resolved" }],
    ]);
  });

  it("lets exactly one of two simultaneous clicks move the incident on", async () => {
    const { reference, announcementTs } = await reportIncident(t, EMPLOYEE, { title: "Two responders at once" });
    const urls = await Promise.all([RESPONDER, OWNERS[0]].map((user) => click(t, user, ids.actions.toInvestigating, reference, { ts: announcementTs })));
    const loser = await t.fake.waitForResponseUrlPost((p) => urls.includes(p.url));
    expect((loser.body as { text: string }).text).toBe(`${reference} is already investigating.`);
    expect(await t.aims.core.prisma.incidentTimelineEntry.count({ where: { incident: { reference } } })).toBe(1);
  });
});

describe("closing an incident", () => {
  it("needs a root cause and a corrective action with owner and due date, then freezes the record", async () => {
    const { reference, announcementTs } = await reportIncident(t, EMPLOYEE, { title: "Close with an action" });
    for (const status of ["investigating", "mitigated", "resolved"] as const) await moveTo(reference, status);

    const strangerUrl = await click(t, STRANGER, ids.actions.close, reference);
    expect(await replyAt(t, strangerUrl)).toContain("Only the person who reported");

    const view = await viewOpenedBy(t, () => click(t, RESPONDER, ids.actions.close, reference));
    expect(view.callback_id).toBe(ids.views.close);

    const noAction = await submit(t, RESPONDER, view, followUpState({ rootCause: "Prompt template lacked the refund policy." }));
    expect(noAction?.errors).toEqual({ actionDescription: "Closing needs at least one corrective action, or tick \"none needed\" and say why" });
    const partial = await submit(t, RESPONDER, view, followUpState({ rootCause: "Prompt template lacked the refund policy.", actionDescription: "Add the policy to the prompt" }));
    expect(Object.keys(partial!.errors).sort()).toEqual(["actionDueDate", "actionOwnerId"]);
    const pastDue = await submit(t, RESPONDER, view, followUpState({
      rootCause: "Prompt template lacked the refund policy.",
      actionDescription: "Add the policy to the prompt",
      actionOwnerId: { user: OWNERS[0] },
      actionDueDate: { date: "2026-11-30" },
    }));
    expect(pastDue?.errors).toEqual({ actionDueDate: "The due date cannot be in the past" });
    expect(await statusOf(reference)).toBe("resolved");

    const closed = await submit(t, RESPONDER, view, followUpState({
      rootCause: "Prompt template lacked the refund policy.",
      actionDescription: "Add the policy to the prompt and test it",
      actionOwnerId: { user: OWNERS[0] },
      actionDueDate: { date: "2026-12-15" },
    }));
    expect(closed).toBeNull();

    const { prisma } = t.aims.core;
    const incident = await prisma.incident.findUniqueOrThrow({ where: { reference }, include: { correctiveActions: true } });
    expect(incident).toMatchObject({ status: "closed", rootCause: "Prompt template lacked the refund policy.", closedAt: NOW });
    expect(incident.correctiveActions).toEqual([
      expect.objectContaining({ ownerId: OWNERS[0], dueDate: new Date("2026-12-15T00:00:00Z"), status: "open", createdById: RESPONDER }),
    ]);
    expect(incident.correctiveActions[0].controls).toEqual(expect.arrayContaining(["10.2"]));
    expect(await t.aims.core.incidents.listCorrectiveActions({ status: "open", dueBefore: new Date("2026-12-16") })).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: incident.correctiveActions[0].id })]),
    );
    const actions = await prisma.auditEvent.findMany({ where: { OR: [{ entityId: reference }, { entityType: "corrective_action" }] }, orderBy: { id: "asc" } });
    expect(actions.map((e) => e.action)).toEqual(expect.arrayContaining(["incident.corrective_action_added", "incident.closed"]));

    const finalSummary = await t.fake.waitFor("chat.update", (c) => c.args.ts === announcementTs && blocksText(c).includes("Root cause"));
    expect(actionIdsIn(finalSummary)).toEqual([ids.actions.externalReport]);
    expect(blocksText(finalSummary)).toContain(`<@${OWNERS[0]}>, due 2026-12-15 (open)`);

    const afterClose = await click(t, OWNERS[0], ids.actions.toInvestigating, reference);
    expect(await replyAt(t, afterClose)).toContain("is closed, and a closed incident does not change");
    expect(await commandReply(t, EMPLOYEE, `incident note ${reference} one more thing`)).toBe(`${reference} is closed, so its record is final.`);
  });

  it("accepts an explicit \"none needed\" with its reason, or corrective actions recorded earlier", async () => {
    const first = await reportIncident(t, EMPLOYEE, { title: "Nothing to correct" });
    for (const status of ["investigating", "mitigated", "resolved"] as const) await moveTo(first.reference, status);
    const view = await viewOpenedBy(t, () => t.slack.command(OWNERS[0], `incident status ${first.reference} closed`));
    const noReason = await submit(t, OWNERS[0], view, followUpState({ rootCause: "A user misread a correct answer.", noActionNeeded: { options: ["none_needed"] } }));
    expect(noReason?.errors).toEqual({ noActionReason: "Say why no corrective action is needed" });
    expect(await submit(t, OWNERS[0], view, followUpState({
      rootCause: "A user misread a correct answer.",
      noActionNeeded: { options: ["none_needed"] },
      noActionReason: "The system behaved as designed; no change would prevent this.",
    }))).toBeNull();
    expect(await t.aims.core.incidents.find(first.reference)).toMatchObject({
      status: "closed",
      noCorrectiveActionReason: "The system behaved as designed; no change would prevent this.",
    });

    const second = await reportIncident(t, EMPLOYEE, { title: "Action recorded before closing" });
    const actionView = await viewOpenedBy(t, () => click(t, RESPONDER, ids.actions.addCorrectiveAction, second.reference));
    expect(await submit(t, RESPONDER, actionView, followUpState({ description: "Retrain the support team", ownerId: { user: EMPLOYEE }, dueDate: { date: "2027-01-10" } }))).toBeNull();
    for (const status of ["investigating", "mitigated", "resolved"] as const) await moveTo(second.reference, status);
    const closeView = await viewOpenedBy(t, () => click(t, RESPONDER, ids.actions.close, second.reference));
    expect(await submit(t, RESPONDER, closeView, followUpState({ rootCause: "Staff were never shown the guidance." }))).toBeNull();
    const closed = await t.aims.core.prisma.incident.findUniqueOrThrow({ where: { reference: second.reference }, include: { correctiveActions: true } });
    expect(closed.status).toBe("closed");
    expect(closed.correctiveActions.map((a) => a.description)).toEqual(["Retrain the support team"]);
  });
});

describe("incident timeline", () => {
  it("takes notes from /aims incident note in the incident channel, with a reference anywhere, and from the message shortcut", async () => {
    const { reference, announcementTs, roomId } = await incidentWithRoom("Timeline incident");

    expect(await commandReply(t, RESPONDER, "incident note Rolled back to model v1.2", roomId)).toBe(`Added to the ${reference} timeline.`);
    expect(await commandReply(t, STRANGER, `incident note ${reference} Customer 4411 called again`)).toBe(`Added to the ${reference} timeline.`);
    expect(await commandReply(t, STRANGER, "incident note no channel, no reference")).toContain("This is not an incident channel");
    await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === roomId && String(c.args.text).includes("Customer 4411 called again"));

    const view = await viewOpenedBy(t, () =>
      t.slack.messageShortcut({
        callbackId: ids.messageShortcut,
        userId: OWNERS[0],
        channelId: roomId,
        message: { ts: "1764582000.000200", text: "Logs show the bad answers started at 09:12", user: RESPONDER },
      }),
    );
    expect(view.callback_id).toBe(ids.views.timelineNote);
    const select = (view.blocks as { block_id: string; element: { initial_option?: { value: string } } }[]).find((b) => b.block_id === "incident")!;
    expect(select.element.initial_option?.value).toBe(reference);
    const shown = await t.fake.view(view.id);
    expect(JSON.stringify(shown)).toContain("Logs show the bad answers started at 09:12");

    expect(await submit(t, OWNERS[0], view, {
      incident: { value: { type: "static_select", selected_option: { value: reference, text: { type: "plain_text", text: reference } } } },
      note: { value: { type: "plain_text_input", value: `<@${RESPONDER}>: Logs show the bad answers started at 09:12` } },
    })).toBeNull();

    const notes = await t.aims.core.prisma.incidentTimelineEntry.findMany({ where: { incident: { reference }, kind: "note" }, orderBy: { id: "asc" } });
    expect(notes.map((n) => [n.authorId, n.text, n.source])).toEqual([
      [RESPONDER, "Rolled back to model v1.2", `slack:${roomId}`],
      [STRANGER, "Customer 4411 called again", "slack:C0AIMSGENERAL"],
      [OWNERS[0], `<@${RESPONDER}>: Logs show the bad answers started at 09:12`, `slack:${roomId}/1764582000.000200`],
    ]);
    expect(notes[0].controls).toEqual(expect.arrayContaining(["A.8.4"]));
    const audit = await t.aims.core.prisma.auditEvent.count({ where: { entityId: reference, action: "incident.note_added" } });
    expect(audit).toBe(3);
    await t.fake.waitFor("chat.update", (c) => c.args.ts === announcementTs && blocksText(c).includes("Logs show the bad answers"));
  });
});

describe("external reporting decisions (A.8.3)", () => {
  it("records who decided, when, about whom, what and why, for permitted people only", async () => {
    const { reference, announcementTs } = await reportIncident(t, EMPLOYEE, { title: "Personal data in answers", externalReporting: ["regulator"] });
    await t.fake.waitFor("chat.postMessage", (c) => c.response.ts === announcementTs && blocksText(c).includes("No decision recorded yet"));

    const strangerUrl = await click(t, STRANGER, ids.actions.externalReport, reference);
    expect(await replyAt(t, strangerUrl)).toContain("Only the person who reported");

    const view = await viewOpenedBy(t, () => click(t, OWNERS[0], ids.actions.externalReport, reference));
    const missing = await submit(t, OWNERS[0], view, followUpState({ recipient: { option: "other" }, outcome: { option: "report" }, reason: "" }));
    expect(Object.keys(missing!.errors).sort()).toEqual(["reason", "recipientDetail"]);
    expect(await submit(t, OWNERS[0], view, followUpState({
      recipient: { option: "regulator" },
      recipientDetail: "Data protection authority",
      outcome: { option: "report" },
      reason: "Personal data of customers was disclosed to other customers.",
    }))).toBeNull();

    const decisions = await t.aims.core.prisma.externalReportDecision.findMany({ where: { incident: { reference } } });
    expect(decisions).toEqual([
      expect.objectContaining({
        recipient: "regulator",
        recipientDetail: "Data protection authority",
        outcome: "report",
        deciderChannel: "slack",
        deciderId: OWNERS[0],
        decidedAt: NOW,
        controls: ["A.8.3"],
      }),
    ]);
    const audit = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { entityId: reference, action: "incident.external_report_decided" } });
    expect(audit).toMatchObject({ actorId: OWNERS[0], controls: ["A.8.3"] });
    const update = await t.fake.waitFor("chat.update", (c) => c.args.ts === announcementTs && blocksText(c).includes("Report it to them"));
    expect(blocksText(update)).toContain(`decided by <@${OWNERS[0]}> on 2026-12-01`);
    expect(blocksText(update)).not.toContain("No decision recorded yet");
  });
});
