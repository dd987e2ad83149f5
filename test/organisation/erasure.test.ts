import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/actor.js";
import { fixedClock } from "../../src/core/clock.js";
import type { Core } from "../../src/app/core.js";
import { sealPending } from "../../src/features/audit-trail/seal-chain.js";
import { verifyAuditChain } from "../../src/features/audit-trail/verify-chain.js";
import { NO_ACTION_NEEDED } from "../../src/features/incidents/closing-form.js";
import { OWNERS, startTestAims, type TestAims } from "../support/aims-harness.js";
import { VALID_INCIDENT } from "../support/incident-form-state.js";
import { VALID_REQUEST } from "../support/request-form-state.js";

const clock = fixedClock(new Date("2027-02-01T09:00:00.000Z"));
const OWNER: Actor = { channel: "slack", id: OWNERS[0], name: "Olivia Owner" };
const LEAVER: Actor = { channel: "slack", id: "ULEAVER", name: "Lea Leaver" };
const LEAVER_TEAMS: Actor = { channel: "teams", id: "aad-leaver", name: "Lea L." };
const COLLEAGUE: Actor = { channel: "slack", id: "UCOLLEAGUE", name: "Cole League" };
const LEAVER_TRACES = ["Lea Leaver", "Lea L.", "lea@example.com", "ULEAVER", "aad-leaver"];

let t: TestAims;
let core: Core;

beforeAll(async () => {
  t = await startTestAims({ clock });
  core = t.aims.core;
  await core.directory.observe({ ...LEAVER, verifiedEmail: "Lea@Example.com" });
  await core.directory.observe({ ...LEAVER_TEAMS, verifiedEmail: "lea@example.com" });
  await core.directory.observe({ ...COLLEAGUE, verifiedEmail: "cole@example.com" });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const erase = (by: Actor, person: string, reason = "Erasure request ER-12", confirm: unknown = true) => core.erasure.erase(by, { person, reason, confirm });

/** Audit events as recorded, without what the sealer adds meanwhile. */
async function eventsWhere(where: NonNullable<Parameters<Core["prisma"]["auditEvent"]["findMany"]>[0]>["where"]) {
  const events = await core.prisma.auditEvent.findMany({ where, orderBy: { id: "asc" } });
  return events.map(({ sealSeq: _s, prevHash: _p, hash: _h, ...event }) => event);
}

async function anonymousConcernsAndTheirEvents() {
  const concerns = await core.prisma.concern.findMany({ where: { anonymous: true }, orderBy: { id: "asc" } });
  return { concerns, events: await eventsWhere({ entityType: "concern", entityId: { in: concerns.map((concern) => concern.reference) } }) };
}

describe("erasing a leaver's personal data (GDPR Art. 17)", () => {
  it("is for AIMS owners, with a person, a reason and a confirmation, each refused on its field", async () => {
    expect(await erase(COLLEAGUE, "slack:ULEAVER")).toEqual({ kind: "forbidden", message: "Only the AIMS owners can erase a person's data." });
    expect(await erase(OWNER, "", "")).toMatchObject({ kind: "invalid", errors: { person: expect.any(String), reason: expect.any(String) } });
    expect(await erase(OWNER, "slack:ULEAVER", "ER-12", false)).toMatchObject({ kind: "invalid", errors: { confirm: expect.stringContaining("cannot be undone") } });
    expect(await erase(OWNER, "nobody@example.com")).toMatchObject({ kind: "invalid", errors: { person: "The bot holds nothing about this account or email." } });
  });

  it("refuses to erase the last AIMS owner", async () => {
    const result = await erase(OWNER, `slack:${OWNER.id}`);
    expect(result).toEqual({ kind: "refused", message: "This person is the last AIMS owner: grant the role to someone else first, then erase." });
    expect(await core.prisma.person.count({ where: { erasedAt: { not: null } } })).toBe(0);
  });

  it("refuses while an incident they reported is open, and says which and why", async () => {
    const reported = await core.incidents.report(LEAVER, VALID_INCIDENT, "incident-1");
    if (!reported.ok) throw new Error(JSON.stringify(reported.errors));
    const refused = await erase(OWNER, "lea@example.com");
    expect(refused).toMatchObject({ kind: "refused", message: expect.stringContaining(`they reported ${reported.incident.reference}, which is not closed yet`) });

    for (const status of ["investigating", "mitigated", "resolved"] as const) {
      expect(await core.incidents.changeStatus(OWNER, reported.incident.reference, status)).toMatchObject({ kind: "changed" });
    }
    const closed = await core.incidents.close(OWNER, reported.incident.reference, {
      rootCause: "The prompt lacked the refund policy.",
      noActionNeeded: [NO_ACTION_NEEDED],
      noActionReason: "The template was withdrawn.",
    });
    expect(closed).toMatchObject({ kind: "closed" });
  });

  it("replaces their names and emails in records and audit events by a pseudonym, keeps ids and anonymous concerns, and the chain verifies", async () => {
    const request = await core.requests.submit(LEAVER_TEAMS, VALID_REQUEST, "request-1");
    if (!request.ok) throw new Error(JSON.stringify(request.errors));
    const named = await core.concerns.submit(LEAVER, { description: "The model invents policy numbers.", category: "other" }, { submissionKey: "concern-1" });
    if (!named.ok) throw new Error(JSON.stringify(named.errors));
    for (const [reporter, key] of [[LEAVER, "a-1"], [COLLEAGUE, "a-2"]] as const) {
      const anonymous = await core.concerns.submit(reporter, { description: "Hiring model favours one group.", category: "bias", anonymous: true }, { submissionKey: key });
      expect(anonymous.ok).toBe(true);
    }
    const colleagues = await core.requests.submit(COLLEAGUE, { ...VALID_REQUEST, toolName: "Grammarly" }, "request-2");
    expect(await core.roles.grant(OWNER, { role: "approver", person: LEAVER, reason: "covers the approvals rota", until: "" })).toMatchObject({ kind: "ok" });
    const review = await core.managementReviews.schedule(OWNER, { title: "Q1 management review", date: "2027-02-01" }, [LEAVER, COLLEAGUE]);
    if (review.kind !== "scheduled") throw new Error(JSON.stringify(review));
    await core.managementReviews.openDue(clock.now());
    expect(await core.managementReviews.recordDecision(LEAVER, review.review.reference, { kind: "change", text: "Add a vendor policy" })).toMatchObject({ kind: "decided" });
    expect(await core.managementReviews.addAction(OWNER, review.review.reference, { description: "Draft the vendor policy", ownerId: LEAVER.id, dueDate: "2027-03-01" })).toMatchObject({ kind: "added" });
    const anonymousBefore = await anonymousConcernsAndTheirEvents();
    const colleagueEventsBefore = await eventsWhere({ actorId: COLLEAGUE.id });

    const result = await erase(OWNER, "slack:ULEAVER");
    if (result.kind !== "erased") throw new Error(JSON.stringify(result));
    expect(result.pseudonym).toMatch(/^Former employee [0-9A-F]{4}$/);
    expect(result).toMatchObject({ rolesEnded: 1, auditEvents: { kept: 0 } });
    expect(result.auditEvents.erased).toBeGreaterThanOrEqual(4);

    const { pseudonym } = result;
    const person = await core.prisma.person.findFirstOrThrow({ where: { pseudonym } });
    expect(person).toMatchObject({ email: null, erasedAt: clock.now() });
    const identities = await core.prisma.chatIdentity.findMany({ where: { personId: person.id }, orderBy: { channel: "asc" } });
    expect(identities.map(({ channel, externalId, name, email }) => ({ channel, externalId, name, email }))).toEqual([
      { channel: "slack", externalId: "ULEAVER", name: pseudonym, email: null },
      { channel: "teams", externalId: "aad-leaver", name: pseudonym, email: null },
    ]);
    expect(identities[1].linkReason).toBe(`same verified email ${pseudonym} as the Slack account ULEAVER`);
    expect(await core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference: request.request.reference } })).toMatchObject({ requesterId: "aad-leaver", requesterName: pseudonym });
    expect(await core.prisma.concern.findUniqueOrThrow({ where: { reference: named.concern.reference } })).toMatchObject({ reporterId: "ULEAVER", reporterName: pseudonym });
    expect(await core.prisma.incident.findFirstOrThrow({ where: { reporterId: "ULEAVER" } })).toMatchObject({ reporterName: pseudonym });
    expect(await core.roles.has(LEAVER, "approver")).toBe(false);
    const reviewAfter = await core.managementReviews.details(review.review.reference);
    expect(reviewAfter!.reviewers).toEqual([
      { channel: "slack", id: "ULEAVER", name: pseudonym },
      { channel: "slack", id: "UCOLLEAGUE", name: COLLEAGUE.name },
    ]);
    expect(reviewAfter!.decisions[0]).toMatchObject({ decidedById: "ULEAVER", decidedByName: pseudonym });
    expect(JSON.stringify(reviewAfter)).not.toContain("Lea Leaver");

    // Their audit events keep no name, email or id in their actor or snapshots; nobody else's event changed.
    const events = await core.prisma.auditEvent.findMany({ orderBy: { id: "asc" } });
    const theirs = events.filter((event) => event.entityType !== "chat_identity" && event.entityType !== "person");
    for (const trace of LEAVER_TRACES) {
      expect(JSON.stringify(theirs.map(({ actorId, before, after }) => ({ actorId, before, after })))).not.toContain(trace);
    }
    const submitted = events.find((event) => event.action === "request.submitted" && event.entityId === request.request.reference)!;
    expect(submitted.after).toMatchObject({ requesterId: pseudonym, requesterName: pseudonym, toolName: VALID_REQUEST.toolName });
    expect(await eventsWhere({ actorId: COLLEAGUE.id })).toEqual(colleagueEventsBefore);
    expect(await core.prisma.aiToolRequest.findUniqueOrThrow({ where: { reference: colleagues.ok ? colleagues.request.reference : "" } })).toMatchObject({ requesterName: COLLEAGUE.name });
    expect(await anonymousConcernsAndTheirEvents()).toEqual(anonymousBefore);

    // The erasure is audited, without the data it erased.
    const audited = events.find((event) => event.action === "person.erased")!;
    expect(audited).toMatchObject({ actorId: OWNER.id, entityId: person.id, after: { pseudonym, reason: "Erasure request ER-12", rolesEnded: 1 } });
    for (const trace of LEAVER_TRACES) expect(JSON.stringify(audited)).not.toContain(trace);

    await sealPending(core.prisma, { wait: true });
    expect(await verifyAuditChain(core.prisma)).toMatchObject({ ok: true });
  });

  it("does not erase twice, and keeps the pseudonym when the platform reports the account again", async () => {
    expect(await erase(OWNER, "teams:aad-leaver")).toMatchObject({ kind: "refused", message: expect.stringContaining("already erased on 2027-02-01") });
    await core.directory.observe({ ...LEAVER, verifiedEmail: "lea@example.com" });
    const identity = await core.directory.identity(LEAVER);
    expect(identity).toMatchObject({ name: expect.stringMatching(/^Former employee/), email: null });
  });
});
