import { describe, expect, it } from "vitest";
import { blockKitMessage } from "../../src/channels/slack/conversation/block-kit-message.js";
import { blockKitForm, readBlockKitValues } from "../../src/channels/slack/conversation/block-kit-form.js";
import { cardMessage } from "../../src/channels/teams/cards/adaptive-card.js";
import { adaptiveCardForm, readCardValues } from "../../src/channels/teams/conversation/adaptive-card-form.js";
import { adaptiveCardOf } from "../../src/channels/teams/conversation/adaptive-card-message.js";
import type { AiSystem, Incident } from "../../src/db/generated/client.js";
import { closingForm, correctiveActionForm, externalReportForm, reportForm, timelineNoteForm } from "../../src/features/incidents/conversation/incident-forms.js";
import { incidentView } from "../../src/features/incidents/conversation/incident-view.js";
import type { IncidentDetails } from "../../src/features/incidents/incident-service.js";
import { messageProblems } from "../support/fake-bot-connector/index.js";
import { messageBlockProblems, viewProblems } from "../support/fake-slack/block-kit-limits.js";

/** Four-byte characters: the largest text a person can type. */
const fill = (length: number) => "🧭".repeat(length);
const when = new Date("2026-12-01T09:40:00Z");
const someone = (n: number) => ({ channel: n % 2 ? ("slack" as const) : ("teams" as const), id: `ID-${n}`, name: fill(60) });

/** An incident with every text at its longest, 40 corrective actions, 40 decisions and 200 timeline entries. */
const incident = {
  reference: "INC-0001",
  title: fill(200),
  severity: "sev1",
  status: "resolved",
  affectedSystem: fill(200),
  aiSystem: { reference: "SYS-0001" },
  detectedAt: when,
  reporterChannel: "slack",
  reporterId: "U1",
  reporterName: fill(60),
  harmedParties: ["individuals", "groups", "society", "organisation"],
  description: fill(4000),
  containment: fill(2000),
  externalReporting: ["regulator", "customers"],
  externalReportDecisions: Array.from({ length: 40 }, (_, n) => ({
    recipient: "other",
    recipientDetail: fill(200),
    outcome: "report",
    deciderChannel: someone(n).channel,
    deciderId: someone(n).id,
    deciderName: fill(60),
    decidedAt: when,
    reason: fill(1000),
  })),
  roomStatus: "created",
  roomChannel: "slack",
  roomId: "C0ROOM",
  roomName: "inc-0001-room",
  roomError: null,
  rootCause: fill(1500),
  noCorrectiveActionReason: fill(1000),
  correctiveActions: Array.from({ length: 40 }, (_, n) => ({
    description: fill(1000),
    ownerChannel: someone(n).channel,
    ownerId: someone(n).id,
    ownerName: fill(60),
    dueDate: when,
    status: "open",
  })),
  timeline: Array.from({ length: 200 }, (_, n) => ({ occurredAt: when, authorChannel: someone(n).channel, authorId: someone(n).id, authorName: fill(60), text: fill(2000) })),
} as unknown as IncidentDetails;

const systems = Array.from({ length: 150 }, (_, n) => ({ reference: `SYS-${n}`, name: fill(200) }) as AiSystem);
const open = Array.from({ length: 150 }, (_, n) => ({ reference: `INC-${n}`, title: fill(200) }) as Incident);
const forms = () => [
  reportForm("form-1", systems, when),
  closingForm(incident, 3),
  correctiveActionForm(incident),
  externalReportForm(incident),
  timelineNoteForm(open, "slack:C1/1.2", { incident: "INC-1", note: fill(5000) }),
];

describe("the incident summary and forms at their largest", () => {
  it("fit a Slack message and modals", () => {
    expect(messageBlockProblems(blockKitMessage(incidentView(incident)).blocks)).toEqual([]);
    for (const form of forms()) expect(viewProblems(blockKitForm(form)), form.id).toEqual([]);
  });

  it("fit a Teams card", () => {
    const view = incidentView(incident);
    expect(messageProblems(cardMessage(adaptiveCardOf(view), view.summary)).problems).toEqual([]);
    for (const form of forms()) expect(messageProblems(cardMessage(adaptiveCardForm(form, { title: fill(100) }, fill(100)), form.title)).problems, form.id).toEqual([]);
  });

  it("links the Slack room in Slack and names it with its chat in Teams", () => {
    expect(JSON.stringify(blockKitMessage(incidentView(incident)).blocks)).toContain("Incident channel: <#C0ROOM>");
    expect(JSON.stringify(adaptiveCardOf(incidentView(incident)).body)).toContain("Incident channel: #inc-0001-room (Slack)");
  });

  it("asks when it was detected as one moment: a Slack date-time picker, a Teams date and time in the person's zone", () => {
    const form = reportForm("form-1", [], when);
    const picker = blockKitForm(form).blocks.find((block) => block.block_id === "detectedAt");
    expect(picker).toMatchObject({ element: { type: "datetimepicker", initial_date_time: when.getTime() / 1000 } });
    expect(readBlockKitValues({ detectedAt: { value: { selected_date_time: 1764582000 } } })).toEqual({ detectedAt: "1764582000" });

    const inputs = adaptiveCardForm(form, {}, undefined, "Asia/Tokyo").body.filter((element) => String(element.id).startsWith("detectedAt"));
    expect(inputs.map((input) => [input.id, input.type, input.value])).toEqual([
      ["detectedAtDate", "Input.Date", "2026-12-01"],
      ["detectedAtTime", "Input.Time", "18:40"],
    ]);
    const read = readCardValues({ detectedAtDate: "2026-12-01", detectedAtTime: "18:40" }, form.fields, "Asia/Tokyo");
    expect(new Date(String(read.detectedAt)).toISOString()).toBe(when.toISOString());
  });
});
