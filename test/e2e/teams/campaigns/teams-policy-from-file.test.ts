import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { POLICY_IDS } from "../../../../src/features/policies/conversation/policy-ids.js";
import type { FileAttachment } from "../../../support/fake-bot-connector/index.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { messageActivity, personalChat, TEAMS_EMPLOYEE, type TeamsPerson } from "../../../support/teams-activities.js";
import { button, cardIn, cardText, click, expectCardResponse, inputsOf } from "../teams-steps.js";

const clock = fixedClock(new Date("2027-03-01T10:00:00Z"));
const TESS: TeamsPerson = { aadObjectId: "00000000-0000-4000-8000-0000000000f1", id: "29:1teams-user-f1", name: "Tess Owner" };
const EVE = TEAMS_EMPLOYEE;
const ids = POLICY_IDS;
const POLICY = "# AI policy\n\nHow we use AI at Example Ltd.\n\n## Approved tools\n\nOnly approved AI tools may be used with company data.\n";
let t: TestAims;

/** A person sends the bot a file in their personal chat: a message whose attachment gives the file's download URL. */
async function send(who: TeamsPerson, attachment: FileAttachment) {
  const activity = { ...messageActivity(t.teams.connector.serviceUrl, who, "", personalChat(who)), attachments: [attachment] };
  const response = await t.teams.send(activity);
  expect(response.status).toBe(200);
  return t.teams.connector.waitFor("send", (call) => call.activityId === activity.id, 10_000);
}

const textOf = (call: { body: Record<string, unknown> }) => `${String(call.body.text ?? "")} ${cardText(call.body.attachments ?? [])}`;

beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, clock, env: { TEAMS_OWNERS: TESS.aadObjectId, AIMS_SCHEDULER_ENABLED: "false", AIMS_POLICY_FILE_MAX_KB: "2" } });
  for (const who of [TESS, EVE]) expect((await t.teams.install(who, personalChat(who))).status).toBe(200);
});
afterAll(async () => {
  await t?.stop();
});

describe("publishing a policy from a Markdown file sent to the bot in Teams", () => {
  it("an AIMS owner gets a preview card; Publish opens the form filled in from the file and publishes the whole text", async () => {
    const preview = await send(TESS, t.teams.connector.downloads.attach("ai-policy.md", POLICY));
    const card = cardIn(preview);
    expect(cardText(card)).toContain("Preview of **ai-policy.md**");
    expect(cardText(card)).toContain("Only approved AI tools may be used with company data.");

    const opened = await click(t, TESS, button(card, ids.actions.publishDraft));
    const form = expectCardResponse(opened.body);
    const inputs = inputsOf(form);
    expect(inputs.find((input) => input.id === "title")).toMatchObject({ value: "AI policy" });
    expect(inputs.find((input) => input.id === "summary")).toMatchObject({ value: "How we use AI at Example Ltd." });
    expect(inputs.some((input) => input.id === "body")).toBe(false);

    const published = await click(t, TESS, button(form, ids.views.publishDraft), { title: "AI policy", summary: "How we use AI at Example Ltd." });
    expect(cardText(published.body)).toContain("Published AI policy version 1");
    const version = await t.aims.core.prisma.policyVersion.findFirstOrThrow();
    expect(version).toMatchObject({ publishedVia: "file shared in chat", publishedByChannel: "teams", publishedById: TESS.aadObjectId });
    expect(version.body).toContain("Only approved AI tools may be used with company data.");
  });

  it("a file that is not Markdown, empty, too large, or whose link expired gets a clear message", async () => {
    const { downloads } = t.teams.connector;
    expect(textOf(await send(TESS, downloads.attach("policy.pdf", "%PDF-1.7")))).toContain("policy.pdf is not a Markdown file");
    expect(textOf(await send(TESS, downloads.attach("empty.md", "\n  \n")))).toContain("empty.md is empty");
    expect(textOf(await send(TESS, downloads.attach("long.md", `# Long\n\n${"x".repeat(3_000)}`)))).toContain("long.md is larger than 2 KB");
    const expired = downloads.attach("late.md", POLICY);
    downloads.expire(expired.content.uniqueId);
    expect(textOf(await send(TESS, expired))).toContain("I could not download late.md");
    expect(downloads.gets.find((get) => get.uniqueId === expired.content.uniqueId)?.status).toBe(401);
    expect(await t.aims.core.prisma.policyDraft.count()).toBe(1);
  });

  it("someone who is not an AIMS owner is refused and the file is not downloaded", async () => {
    const attachment = t.teams.connector.downloads.attach("mine.md", POLICY);
    expect(textOf(await send(EVE, attachment))).toContain("Only an AIMS owner can publish documents");
    expect(t.teams.connector.downloads.gets.some((get) => get.uniqueId === attachment.content.uniqueId)).toBe(false);
  });
});
