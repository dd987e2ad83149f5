import type { WebClient } from "@slack/web-api";
import { describe, expect, it } from "vitest";
import type { Core } from "../../src/app/core.js";
import type { ChatChannel } from "../../src/core/actor.js";
import type { EventBus } from "../../src/core/events.js";
import type { Capability } from "../../src/conversation/capability.js";
import { type Publisher, type RecordMessage, subscribeNotifiers } from "../../src/conversation/notifications.js";
import type { AiToolRequest, Concern, RequestDecision } from "../../src/db/generated/client.js";
import { CAPABILITIES } from "../../src/features/capabilities.js";
import type { SlackContext } from "../../src/channels/slack/context.js";
import { subscribeIncidentRooms } from "../../src/channels/slack/incidents/notifications/incident-room.js";

type Call = { kind: "show"; place: string; key: RecordMessage } | { kind: "tell"; to: string; once?: RecordMessage } | { kind: "update"; at: string };

/** A bus that only records who subscribes to what, and keeps the handlers to call them directly. */
function recordingBus() {
  const handlers = new Map<string, (payload: unknown) => Promise<void> | void>();
  const bus = { subscriber: (name: string) => ({ on: (event: string, handler: (payload: unknown) => Promise<void> | void) => handlers.set(`${name}/${event}`, handler) }) };
  return { bus: bus as unknown as EventBus, handlers };
}

/** A publisher that records what it was asked to show and tell, as a channel's would do it. */
function recordingPublisher(channel: ChatChannel, answersStay: boolean, places: readonly string[]) {
  const calls: Call[] = [];
  const publisher: Publisher = {
    channel,
    answersStay,
    async show(place, key) {
      calls.push({ kind: "show", place, key });
    },
    has: (place) => places.includes(place),
    async tell(person, _message, options) {
      if (person.channel !== channel) return null;
      calls.push({ kind: "tell", to: person.id, ...(options?.once ? { once: options.once } : {}) });
      return { conversationId: `D_${person.id}`, messageId: "1" };
    },
    async update(at) {
      calls.push({ kind: "update", at: at.messageId });
    },
  };
  return { publisher, calls };
}

function subscribed(channel: ChatChannel, answersStay: boolean, options: { services?: object; places?: readonly string[] } = {}) {
  const { bus, handlers } = recordingBus();
  const { publisher, calls } = recordingPublisher(channel, answersStay, options.places ?? ["approvals", "triage", "incidents", "assessments"]);
  const services = (options.services ?? { requests: { progress: async () => [] } }) as unknown as Core;
  for (const capability of CAPABILITIES as readonly Capability<Core>[]) subscribeNotifiers(bus, publisher, services, capability.notifications ?? []);
  return { handlers, calls };
}

// The outbox finds a pending delivery's handler by `<subscriber>/<event>`: rows a previous version wrote must still find theirs.
const RELEASED_HANDLERS = {
  slack: [
    ...["submitted", "resubmitted", "decided", "redisplayed", "stage_decided", "withdrawn", "reopened"].map((event) => `slack.approvals/request.${event}`),
    ...["submitted", "resubmitted", "reopened", "decided"].map((event) => `slack.requester/request.${event}`),
    "slack.vendor-owner/vendor.changed",
    "slack.delegate/delegation.changed",
    "slack.register-lifecycle/register.lifecycle_changed",
    "slack.triage/concern.received",
    "slack.triage/concern.changed",
    "slack.concern-reporter/concern.received",
    "slack.concern-reporter/concern.changed",
    "slack.incidents/incident.reported",
    "slack.incidents/incident.changed",
    "slack.incident-reporter/incident.reported",
    ...["submitted", "signed_off", "sent_back"].map((event) => `slack.sign-off/assessment.${event}`),
    ...["signed_off", "sent_back"].map((event) => `slack.assessor/assessment.${event}`),
    "slack.reminders/reminder.settled",
    "slack.leaver-report/person.deactivated",
  ],
  teams: [
    ...["submitted", "resubmitted", "decided", "redisplayed", "stage_decided", "withdrawn", "reopened"].map((event) => `teams.approvals/request.${event}`),
    ...["reopened", "decided"].map((event) => `teams.requester/request.${event}`),
    "teams.vendor-owner/vendor.changed",
    "teams.delegate/delegation.changed",
    "teams.register-lifecycle/register.lifecycle_changed",
    "teams.triage/concern.received",
    "teams.triage/concern.changed",
    "teams.concern-reporter/concern.changed",
    "teams.incidents/incident.reported",
    "teams.incidents/incident.changed",
    ...["submitted", "signed_off", "sent_back"].map((event) => `teams.sign-off/assessment.${event}`),
    ...["signed_off", "sent_back"].map((event) => `teams.assessor/assessment.${event}`),
    "teams.reminders/reminder.settled",
    "teams.leaver-report/person.deactivated",
  ],
};

const request = (requesterChannel: ChatChannel) =>
  ({ reference: "AIR-0042", toolName: "Copilot", revision: 1, riskTier: "limited", riskReasons: [], requesterChannel, requesterId: "U_REQ", status: "approved" }) as unknown as AiToolRequest;
const decision = { outcome: "approved", reason: null, deciderChannel: "slack", deciderId: "U_APP", deciderName: "Ada", decidedAt: new Date("2030-01-01T12:00:00Z") } as unknown as RequestDecision;

describe("capability notifiers", () => {
  it.each(["slack", "teams"] as const)("keep every outbox handler name released in %s", (channel) => {
    const { handlers } = subscribed(channel, channel === "teams");
    expect([...handlers.keys()]).toEqual(expect.arrayContaining(RELEASED_HANDLERS[channel]));
  });

  it("keeps the released name of Slack's own incident room subscriber", () => {
    const { bus, handlers } = recordingBus();
    subscribeIncidentRooms({ core: { events: bus } } as unknown as SlackContext, {} as WebClient);
    expect([...handlers.keys()]).toEqual(expect.arrayContaining(["slack.incident-room/incident.reported"]));
  });

  it("shows a decision in each channel's approvals place under the one key, and tells the requester only in their own channel", async () => {
    for (const channel of ["slack", "teams"] as const) {
      const { handlers, calls } = subscribed(channel, channel === "teams");
      const payload = { request: request("slack"), decision, aiSystem: null };
      await handlers.get(`${channel}.approvals/request.decided`)!(payload);
      await handlers.get(`${channel}.requester/request.decided`)!(payload);
      const told = channel === "slack" ? [{ kind: "tell", to: "U_REQ" }] : [];
      expect(calls).toEqual([{ kind: "show", place: "approvals", key: { entityType: "ai_tool_request", entityId: "AIR-0042", purpose: "approval" } }, ...told]);
    }
  });

  it("sends a receipt only where a submitted form closes, and records no delivery for one where its answer stays", async () => {
    const slack = subscribed("slack", false);
    const teams = subscribed("teams", true);
    const payload = { request: { ...request("slack"), status: "pending" } };
    await slack.handlers.get("slack.requester/request.submitted")!(payload);
    expect(slack.calls).toEqual([{ kind: "tell", to: "U_REQ" }]);
    const receipts = ["teams.requester/request.submitted", "teams.requester/request.resubmitted", "teams.concern-reporter/concern.received", "teams.incident-reporter/incident.reported"];
    expect([...teams.handlers.keys()].filter((handler) => receipts.includes(handler))).toEqual([]);
    expect([...slack.handlers.keys()]).toEqual(expect.arrayContaining(receipts.map((handler) => handler.replace("teams.", "slack."))));
  });

  it("never tells the reporter of an anonymous concern, even one whose record names a chat, and tells a named one only in their own", async () => {
    const concern = (anonymous: boolean) =>
      ({ reference: "CON-0007", anonymous, reporterChannel: "slack", reporterId: "U_REP", acknowledgeBy: new Date("2030-01-02T00:00:00Z"), resolveBy: new Date("2030-01-30T00:00:00Z") }) as unknown as Concern;
    const triage = { kind: "show", place: "triage", key: { entityType: "concern", entityId: "CON-0007", purpose: "triage" } };
    for (const channel of ["slack", "teams"] as const) {
      const { handlers, calls } = subscribed(channel, channel === "teams");
      for (const anonymous of [true, false]) {
        await handlers.get(`${channel}.triage/concern.received`)!({ concern: concern(anonymous) });
        await handlers.get(`${channel}.concern-reporter/concern.received`)?.({ concern: concern(anonymous) });
        await handlers.get(`${channel}.concern-reporter/concern.changed`)!({ concern: concern(anonymous), change: { kind: "acknowledged" } });
      }
      const named = channel === "slack" ? [{ kind: "tell", to: "U_REP" }, { kind: "tell", to: "U_REP" }] : [];
      expect(calls).toEqual([triage, triage, ...named]);
    }
  });

  it("tells each user of a retired system once per change, keyed so a retry skips those already told", async () => {
    const { handlers, calls } = subscribed("teams", true);
    const system = { reference: "AIS-0007", name: "Copilot", status: "retired" };
    await handlers.get("teams.register-lifecycle/register.lifecycle_changed")!({
      system,
      from: "active",
      to: "retired",
      reason: "replaced",
      change: "retired@1",
      tell: [
        { channel: "teams", id: "aad-1" },
        { channel: "slack", id: "U1" },
      ],
    });
    expect(calls).toEqual([{ kind: "tell", to: "aad-1", once: { entityType: "ai_system", entityId: "AIS-0007", purpose: "lifecycle:retired@1:aad-1" } }]);
  });

  const assessment = (status: string) => ({
    reference: "ASM-0003",
    round: 2,
    status,
    level: "high",
    assessorChannel: "slack",
    assessorId: "U_ASR",
    assessorName: "Asa",
    definitionId: "iso42001-impact",
    definitionVersion: 1,
    reasons: [],
    mitigations: [],
    groupRisks: [],
  });
  const assessmentServices = (copies: { conversationId: string; messageId: string }[] = []) => ({
    assessments: { find: async () => null },
    roles: { members: async () => ["U_OWN", "U_ASR"], samePerson: async (a: { id: string }, b: { id: string }) => a.id === b.id },
    prisma: { channelMessage: { findMany: async () => copies } },
  });

  it("asks each owner of the channel but the assessor by DM where it has no assessments place, once per owner and round", async () => {
    const { handlers, calls } = subscribed("slack", false, { services: assessmentServices(), places: ["approvals"] });
    await handlers.get("slack.sign-off/assessment.submitted")!({ assessment: assessment("submitted") });
    expect(calls).toEqual([{ kind: "tell", to: "U_OWN", once: { entityType: "impact_assessment", entityId: "ASM-0003", purpose: "sign_off:U_OWN:2" } }]);
  });

  it("asks in the assessments place where the channel has one, a new message per round, and updates every copy on a review", async () => {
    const copies = [
      { conversationId: "C_ASSESS", messageId: "1.1" },
      { conversationId: "D_OWN", messageId: "2.2" },
    ];
    const { handlers, calls } = subscribed("slack", false, { services: assessmentServices(copies) });
    await handlers.get("slack.sign-off/assessment.submitted")!({ assessment: assessment("submitted") });
    await handlers.get("slack.sign-off/assessment.sent_back")!({ assessment: assessment("sent_back") });
    await handlers.get("slack.assessor/assessment.sent_back")!({ assessment: assessment("sent_back") });
    expect(calls).toEqual([
      { kind: "show", place: "assessments", key: { entityType: "impact_assessment", entityId: "ASM-0003", purpose: "sign_off:assessments:2" } },
      { kind: "update", at: "1.1" },
      { kind: "update", at: "2.2" },
      { kind: "tell", to: "U_ASR" },
    ]);
  });

  it("reports a leaver to each owner of the channel once, or in the approvals place when the channel has no owner", async () => {
    const leaver = { channel: "slack", externalId: "U_LEFT", name: "Lee", deactivatedAt: new Date("2030-01-01T00:00:00Z"), deactivationReason: null, personId: "p1" };
    const prisma = new Proxy({ chatIdentity: { findUnique: async () => leaver, findMany: async () => [leaver] } }, { get: (target, name) => (target as Record<string | symbol, unknown>)[name] ?? new Proxy({}, { get: () => async () => [] }) });
    const services = (owners: string[]) => ({ prisma, clock: { now: () => new Date("2030-01-02T00:00:00Z") }, roles: { members: async () => owners } });
    const identity = { channel: "slack", id: "U_LEFT", name: "Lee" };
    const key = (target: string) => ({ entityType: "chat_identity", entityId: "slack:U_LEFT@2030-01-01T00:00:00.000Z", purpose: `leaver-report:${target}` });

    const toOwners = subscribed("slack", false, { services: services(["U_OWN"]) });
    await toOwners.handlers.get("slack.leaver-report/person.deactivated")!({ identity });
    expect(toOwners.calls).toEqual([{ kind: "tell", to: "U_OWN", once: key("U_OWN") }]);

    const noOwner = subscribed("teams", true, { services: services([]) });
    await noOwner.handlers.get("teams.leaver-report/person.deactivated")!({ identity });
    expect(noOwner.calls).toEqual([{ kind: "show", place: "approvals", key: key("approvals") }]);
  });
});
