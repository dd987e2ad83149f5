import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { LINK_ANSWER_IDS as ids } from "../../../../src/features/link-answers/conversation/link-answer-ids.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { seedAiSystem } from "../../../support/register-fixtures.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";
import { channelConversation, linkQueryInvoke, TEAMS_APPROVERS, TEAMS_EMPLOYEE, type TeamsPerson } from "../../../support/teams-activities.js";
import { TEAMS_AIMS_OWNER, TEAMS_COLLEAGUE, TEAMS_SCHEDULING_ENV } from "../scheduling/teams-scheduling-steps.js";
import { type Card, cardText, expectCardResponse, teamsFormData } from "../teams-steps.js";

const CHANNEL = "19:links0123456789@thread.tacv2";
const QUIET_CHANNEL = "19:quiet0123456789@thread.tacv2";
const clock = fixedClock(new Date("2026-12-01T10:00:00Z"));

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ slack: false, teams: true, clock, env: { ...TEAMS_SCHEDULING_ENV, AIMS_LINK_ANSWER_QUIET_DAYS: "7" } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation(CHANNEL))).status).toBe(200);
  await seedAiSystem(t.aims.core.prisma, { reference: "SYS-0001", name: "Claude", vendor: "Anthropic", url: "https://claude.ai", ownerChannel: "teams", ownerId: TEAMS_AIMS_OWNER.aadObjectId, ownerName: "Olivia Owner", purpose: "Drafting internal documents" });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

type Unfurl = { composeExtension: { type: string; attachmentLayout: string; attachments: { contentType: string; content: Card; preview?: { content: { title: string; text: string } } }[] } };

/** Pastes a link in the compose box of `conversation` and returns what the bot answers to the poster. */
async function paste(who: TeamsPerson, url: string, conversation = CHANNEL): Promise<Unfurl> {
  const response = await t.teams.send(linkQueryInvoke(t.teams.connector.serviceUrl, who, url, channelConversation(conversation)));
  expect(response.status).toBe(200);
  return (await response.json()) as Unfurl;
}

const channelPosts = () => t.teams.connector.calls.filter((call) => call.kind === "send" && (call.conversationId === CHANNEL || call.conversationId === QUIET_CHANNEL) && !String(call.body.text ?? "").includes("links"));

function executeOf(card: unknown, verb: string): { data: Record<string, unknown> } {
  let found: { data: Record<string, unknown> } | undefined;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const element = node as { type?: string; verb?: string; data?: Record<string, unknown> };
      if (element.type === "Action.Execute" && element.verb === verb) found = { data: element.data ?? {} };
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} in ${cardText(card)}`);
  return found;
}

describe("answers to links to AI tools in Teams (link unfurling)", () => {
  it("shows the poster a card for an approved tool, with its register entry, and posts nothing", async () => {
    const postsBefore = channelPosts().length;
    const answer = await paste(TEAMS_EMPLOYEE, "https://claude.ai/chat/1");
    expect(answer.composeExtension.attachments).toHaveLength(1);
    const [attachment] = answer.composeExtension.attachments;
    expect(attachment.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(attachment.content)).toContain("SYS-0001");
    expect(cardText(attachment.content)).toContain("Drafting internal documents");
    expect(attachment.preview?.content.text).toBe("Claude is approved here");
    expect(channelPosts().length).toBe(postsBefore);
  });

  it("does not nag the same person about the same tool within the quiet days", async () => {
    expect((await paste(TEAMS_EMPLOYEE, "https://claude.ai/chat/2")).composeExtension.attachments).toEqual([]);
    expect((await paste(TEAMS_COLLEAGUE, "https://claude.ai/chat/2")).composeExtension.attachments).toHaveLength(1);
    clock.set(new Date("2026-12-08T10:00:01Z"));
    expect((await paste(TEAMS_EMPLOYEE, "https://claude.ai/chat/3")).composeExtension.attachments).toHaveLength(1);
  });

  it("gives no card for a link it cannot place", async () => {
    expect((await paste(TEAMS_EMPLOYEE, "https://example.com/recipes")).composeExtension.attachments).toEqual([]);
  });

  it("offers Request it for a known tool not approved yet, opening the request form filled in", async () => {
    const answer = await paste(TEAMS_EMPLOYEE, "https://gemini.google.com/app");
    const card = answer.composeExtension.attachments[0].content;
    expect(cardText(card)).toContain("not approved here yet");
    const requestIt = executeOf(card, ids.request);
    const form = expectCardResponse((await t.teams.invoke(TEAMS_EMPLOYEE, { verb: ids.request, data: requestIt.data, conversation: channelConversation(CHANNEL) })).body);
    expect(cardText(form)).toContain('"value":"Gemini"');
    expect(cardText(form)).toContain('"value":"Google"');
    expect(cardText(form)).toContain("https://gemini.google.com/app");
    const save = executeOf(form, ids.requestForm);
    const saved = await t.teams.invoke(TEAMS_EMPLOYEE, {
      verb: ids.requestForm,
      data: { ...save.data, ...teamsFormData({ ...VALID_REQUEST, toolName: "Gemini", vendor: "Google", url: "https://gemini.google.com" }) },
      conversation: channelConversation(CHANNEL),
    });
    expect(saved.status).toBe(200);
    const request = await t.aims.core.prisma.aiToolRequest.findFirst({ where: { toolName: "Gemini" } });
    expect(request).toMatchObject({ requesterChannel: "teams", requesterId: TEAMS_EMPLOYEE.aadObjectId, status: "pending" });

    const pending = await paste(TEAMS_COLLEAGUE, "https://gemini.google.com/");
    expect(cardText(pending.composeExtension.attachments[0].content)).toContain(request!.reference);
  });

  it("lets an AIMS owner turn link answers off in a channel, audited; others may not", async () => {
    const ask = async (who: TeamsPerson, text: string) => String((await t.teams.ask(who, text, channelConversation(QUIET_CHANNEL))).reply.body.text);
    expect(await ask(TEAMS_EMPLOYEE, "links off")).toBe("Only AIMS owners can turn link answers off or on.");
    expect(await ask(TEAMS_AIMS_OWNER, "links off")).toContain("off in this conversation");
    const audit = await t.aims.core.prisma.auditEvent.findFirst({ where: { action: "link_answers.turned_off", entityId: `teams:${QUIET_CHANNEL}` } });
    expect(audit?.controls).toEqual(["A.9.2", "A.8.2"]);
    expect((await paste(TEAMS_AIMS_OWNER, "https://perplexity.ai/", QUIET_CHANNEL)).composeExtension.attachments).toEqual([]);
    // A reply in one of the channel's threads is in the same channel.
    expect((await paste(TEAMS_COLLEAGUE, "https://perplexity.ai/", `${QUIET_CHANNEL};messageid=1764583200000`)).composeExtension.attachments).toEqual([]);
    expect((await paste(TEAMS_AIMS_OWNER, "https://perplexity.ai/", CHANNEL)).composeExtension.attachments).toHaveLength(1);
    expect(await ask(TEAMS_AIMS_OWNER, "links on")).toContain("on again");
  });
});
