import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { channelConversation, personalChatId, TEAMS_OTHER, type TeamsPerson } from "../../../support/teams-activities.js";
import { actionOf, cardText, expectCardResponse, expectChannelPostsAddressNoOne } from "../teams-steps.js";
import {
  askInPersonalChat,
  clickTriage,
  credentialsOn,
  fileTeamsConcern,
  START,
  TEAMS_CONCERN_ENV,
  TEAMS_TRIAGERS,
  teamsTriagePost,
  triageConversation,
} from "./teams-concern-steps.js";
import { wholeDatabaseText } from "../../../support/whole-database.js";

/** Someone the bot has never seen before they report. */
const WHISTLEBLOWER: TeamsPerson = { aadObjectId: "7f3c9d2e-5b1a-4c8e-9f00-a1b2c3d4e5f6", id: "29:1whistleblower-teams-id", name: "Wendy Whistleblower" };

/** Installing the app in a team announces only General: the triage channel has never messaged the bot. */
const teamGeneral = channelConversation("19:general0123456789@thread.tacv2");

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ slack: false, teams: true, env: TEAMS_CONCERN_ENV, clock: fixedClock(START) });
  expect((await t.teams.install(TEAMS_TRIAGERS[0], teamGeneral)).status).toBe(200);
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

const identifying = (who: TeamsPerson) => [who.aadObjectId, who.id, who.name, personalChatId(who)];

function expectNoTrace(text: string, who: TeamsPerson, where: string) {
  for (const value of identifying(who)) {
    expect(text.toLowerCase().includes(value.toLowerCase()), `${where} contains "${value}"`).toBe(false);
  }
}

/** Every request the bot made to Teams (URL path and whole body), except its answers in the person's own chat. */
function expectNoTraceInTeamsCalls(who: TeamsPerson) {
  const calls = t.teams.connector.calls.filter((call) => call.conversationId !== personalChatId(who));
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    expectNoTrace(`${call.method} ${decodeURIComponent(call.path)} ${JSON.stringify(call.body)}`, who, `${call.kind} ${call.path}`);
  }
}

async function teamsRowsOf(who: TeamsPerson) {
  const prisma = t.aims.core.prisma;
  return {
    user: await prisma.teamsUser.findUnique({ where: { aadObjectId: who.aadObjectId } }),
    chat: await prisma.teamsConversation.findUnique({ where: { conversationId: personalChatId(who) } }),
  };
}

describe("anonymous AI concerns from Teams are unlinkable", () => {
  it("names a reporter the bot already knows in no call to Teams, and leaves their stored rows exactly as they were", async () => {
    expect((await t.teams.message(TEAMS_OTHER, "help")).status).toBe(200);
    const before = await teamsRowsOf(TEAMS_OTHER);
    expect(before.user?.personalConversationId).toBe(personalChatId(TEAMS_OTHER));

    const receipt = await fileTeamsConcern(t, TEAMS_OTHER, { description: "A chatbot told a customer their data would be deleted; it was not.", category: "privacy", anonymous: true });
    const { code, secret } = credentialsOn(receipt);
    const prompt = await askInPersonalChat(t, TEAMS_OTHER, `concern follow-up ${code}`);
    await t.teams.invoke(TEAMS_OTHER, { verb: "concern.followup.open", data: { ...actionOf(prompt.card, "concern.followup.open").data, secret }, replyToId: prompt.activityId });
    await teamsTriagePost(t, "data would be deleted");

    expect(await teamsRowsOf(TEAMS_OTHER)).toEqual(before);
    const concern = await t.aims.core.prisma.concern.findFirstOrThrow({ where: { description: { contains: "data would be deleted" } } });
    expect(JSON.stringify(concern)).not.toContain(TEAMS_OTHER.aadObjectId);
    expect(JSON.stringify(await t.aims.core.prisma.auditEvent.findMany({ where: { entityId: concern.reference } }))).not.toContain(TEAMS_OTHER.aadObjectId);
    // The triage channel has never messaged the bot, so the triage post had to be sent without a stored reference.
    expect(await t.aims.core.prisma.teamsConversation.count({ where: { conversationId: triageConversation.id } })).toBe(0);
    expectNoTraceInTeamsCalls(TEAMS_OTHER);
    expectChannelPostsAddressNoOne(t.teams.connector);
  });

  it("files, triages and follows up an anonymous concern leaving no trace of the reporter in the database or the logs", async () => {
    const description = "The CV screening model ranks applicants from one postcode lower every time.";
    const receipt = await fileTeamsConcern(t, WHISTLEBLOWER, { description, category: "bias", anonymous: true, aiSystemText: "CV screener" });
    expect(cardText(receipt)).toContain("only time they are shown");
    const { code, secret } = credentialsOn(receipt);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);

    const triage = await teamsTriagePost(t, "CV screening model");
    expect(cardText(triage.card)).toContain("Anonymous");
    expect(cardText(triage.card)).not.toContain(WHISTLEBLOWER.name);

    // The triagers ask; the reporter reads the question with code and secret and answers, still anonymously.
    const asked = await clickTriage(t, TEAMS_TRIAGERS[0], "concern.ask", triage.reference, triage.activityId, { question: "Which postcode, roughly?" });
    expect(cardText(expectCardResponse(asked.body))).toContain("Which postcode, roughly?");

    const prompt = await askInPersonalChat(t, WHISTLEBLOWER, `concern follow-up ${code}`);
    const opened = await t.teams.invoke(WHISTLEBLOWER, { verb: "concern.followup.open", data: { ...actionOf(prompt.card, "concern.followup.open").data, secret }, replyToId: prompt.activityId });
    const status = expectCardResponse(opened.body);
    expect(cardText(status)).toContain("Which postcode, roughly?");
    expect(cardText(status)).not.toContain(secret.replace(/-/g, ""));
    expect(cardText(status)).not.toContain(secret);
    const send = actionOf(status, "concern.followup.answer");
    const answered = await t.teams.invoke(WHISTLEBLOWER, { verb: send.verb, data: { ...send.data, secret, answer: "The ones starting with E1." } });
    expect(cardText(expectCardResponse(answered.body))).toContain("The ones starting with E1.");
    await t.teams.connector.waitFor("update", (c) => c.activityId === triage.activityId && cardText(c.body).includes("E1."));

    const hidden = await t.teams.invoke(WHISTLEBLOWER, { verb: "concern.receipt.hide", data: {} });
    expect(cardText(expectCardResponse(hidden.body))).not.toContain(code);

    // Nothing was ever sent to the reporter except answers to their own messages and clicks.
    const proactive = t.teams.connector.calls.filter((c) => c.kind === "createConversation" || (c.kind === "send" && c.conversationId === personalChatId(WHISTLEBLOWER) && !c.activityId));
    expect(proactive).toEqual([]);

    const prisma = t.aims.core.prisma;
    await eventually(async () => expect(await prisma.concernMessage.count({ where: { author: "reporter" } })).toBe(1));
    const [concern] = await prisma.concern.findMany();
    expect(concern).toMatchObject({ anonymous: true, reporterChannel: null, reporterId: null, reporterName: null, submissionKey: null, receivedOn: new Date("2026-12-01T00:00:00.000Z") });
    expect(await teamsRowsOf(WHISTLEBLOWER)).toEqual({ user: null, chat: null });
    // The bot looks up in the roster whoever writes to it, but not someone who may be reporting anonymously.
    const rosterCalls = t.teams.connector.calls.filter((c) => c.kind === "member" || c.kind === "pagedMembers");
    expect(rosterCalls.length).toBeGreaterThan(0);
    expect(rosterCalls.filter((c) => decodeURIComponent(c.path).includes(WHISTLEBLOWER.aadObjectId) || c.conversationId === personalChatId(WHISTLEBLOWER))).toEqual([]);
    expect(await prisma.chatIdentity.findUnique({ where: { channel_externalId: { channel: "teams", externalId: WHISTLEBLOWER.aadObjectId } } })).toBeNull();

    const database = await wholeDatabaseText(t.aims.core.prisma);
    expect(database.tables).toEqual(expect.arrayContaining(["public.Concern", "public.TeamsUser", "public.TeamsConversation", "public.AuditEvent", "public.ChannelMessage"]));
    // The dump does see what was stored, and the triager who asked, so the absence below means something.
    expect(database.text).toContain("CV screening model");
    expect(database.text).toContain(TEAMS_TRIAGERS[0].aadObjectId);
    expectNoTrace(database.text, WHISTLEBLOWER, "the database");
    expect(database.text).not.toContain(secret.replace(/-/g, ""));

    expect(JSON.stringify(t.teams.connector.calls)).toContain("Which postcode, roughly?");
    expectNoTraceInTeamsCalls(WHISTLEBLOWER);
    expectChannelPostsAddressNoOne(t.teams.connector);

    const logs = t.logs();
    expect(logs).toContain("aims-bot listening");
    expectNoTrace(logs, WHISTLEBLOWER, "the logs");
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(secret.replace(/-/g, ""));
  });
});
