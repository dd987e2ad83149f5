import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import type { ConnectorCall } from "../../../support/fake-bot-connector/index.js";
import { channelConversation, personalChatId, TEAMS_APPROVERS, TEAMS_EMPLOYEE } from "../../../support/teams-activities.js";
import { TEAMS_OWNERS, TEAMS_OWNERS_ENV } from "../assessments/teams-assessment-steps.js";
import { submitTeamsRequest } from "../teams-steps.js";

const OWNER = TEAMS_OWNERS[0];
let t: TestAims;
let reference: string;
beforeAll(async () => {
  t = await startTestAims({ teams: true, slack: false, env: { TEAMS_OWNERS: TEAMS_OWNERS_ENV } });
  expect((await t.teams.install(TEAMS_APPROVERS[0], channelConversation())).status).toBe(200);
  reference = (await submitTeamsRequest(t, TEAMS_EMPLOYEE)).reference;
});
afterAll(async () => {
  await t?.stop();
});

type Attachment = { contentType: string; name?: string; contentUrl?: string; content: Record<string, unknown> };
const attachmentsOf = (call: ConnectorCall) => (call.body.attachments ?? []) as Attachment[];
const exportEvents = () => t.aims.core.prisma.auditEvent.count({ where: { action: "evidence.exported" } });

async function consentCard() {
  const { reply } = await t.teams.ask(OWNER, "export");
  const [card] = attachmentsOf(reply);
  expect(card.contentType).toBe("application/vnd.microsoft.teams.card.file.consent");
  return { activityId: reply.responseId!, name: card.name!, content: card.content };
}

type ConsentCard = Awaited<ReturnType<typeof consentCard>>;

/** Allow on the consent card, as `who`, with a fresh OneDrive upload session; returns the session too. */
async function allow(card: ConsentCard, who: typeof OWNER | typeof TEAMS_EMPLOYEE = OWNER) {
  const upload = t.teams.connector.uploads.create(card.name);
  const response = await t.teams.fileConsent(who, { action: "accept", context: card.content.acceptContext, uploadInfo: upload, replyToId: card.activityId });
  return { upload, status: response.status };
}

describe("the audit pack as a file in Teams", () => {
  it("is for the AIMS owner only, in the personal chat, where Teams allows files", async () => {
    expect(String((await t.teams.ask(TEAMS_EMPLOYEE, "export")).reply.body.text)).toBe("Only the AIMS owner can export the audit pack.");
    expect(String((await t.teams.ask(TEAMS_EMPLOYEE, "help")).reply.body.text)).not.toContain("**export**");
    expect(String((await t.teams.ask(OWNER, "help")).reply.body.text)).toContain("**export**");
    expect(String((await t.teams.ask(OWNER, "export", channelConversation())).reply.body.text)).toContain("only in our personal chat");
  });

  it("asks the owner to allow the file, with its name and estimated size, and uploads nothing when declined", async () => {
    const card = await consentCard();
    expect(card.name).toMatch(/^aims-audit-pack-\d{8}T\d{6}Z\.zip$/);
    expect(card.content.sizeInBytes).toBeGreaterThan(16 * 1024);
    expect(String(card.content.description)).toContain("Statement of Applicability");

    const declined = await t.teams.fileConsent(OWNER, { action: "decline", context: card.content.declineContext, replyToId: card.activityId });
    expect(declined.status).toBe(200);
    const replaced = await t.teams.connector.waitFor("update", (call) => call.activityId === card.activityId);
    expect(String(replaced.body.text)).toContain("nothing was uploaded");
    expect(t.teams.connector.uploads.puts).toEqual([]);
    expect(await exportEvents()).toBe(0);
  });

  it("refuses an Allow sent by anyone but the AIMS owner", async () => {
    const card = await consentCard();
    expect((await allow(card, TEAMS_EMPLOYEE)).status).toBe(200);
    await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(TEAMS_EMPLOYEE) && String(call.body.text).includes("Only the AIMS owner"));
    expect(t.teams.connector.uploads.puts).toEqual([]);
    expect(await exportEvents()).toBe(0);
  });

  it("on Allow builds the pack, uploads it to the owner's OneDrive and sends the file card", async () => {
    const card = await consentCard();
    const { upload, status } = await allow(card);
    expect(status).toBe(200);
    const replaced = await t.teams.connector.waitFor("update", (call) => call.activityId === card.activityId);
    expect(String(replaced.body.text)).toContain("Building the audit pack");

    const delivered = await t.teams.connector.waitFor(
      "send",
      (call) => call.conversationId === personalChatId(OWNER) && attachmentsOf(call).some((a) => a.contentType === "application/vnd.microsoft.teams.card.file.info"),
      30_000,
    );
    expect(attachmentsOf(delivered)[0]).toEqual({
      contentType: "application/vnd.microsoft.teams.card.file.info",
      contentUrl: upload.contentUrl,
      name: card.name,
      content: { uniqueId: upload.uniqueId, fileType: "zip" },
    });
    expect(String(delivered.body.text)).toContain("Audit trail verified");

    const zip = t.teams.connector.uploads.completed(upload.uniqueId)!;
    // Teams shows the size before the pack exists: an estimate, but of the right order.
    expect(Number(card.content.sizeInBytes)).toBeGreaterThan(zip.length / 3);
    expect(Number(card.content.sizeInBytes)).toBeLessThan(zip.length * 3);
    const files = unzipSync(new Uint8Array(zip));
    const names = Object.keys(files);
    expect(names.some((name) => name.endsWith("/README.md"))).toBe(true);
    const requests = names.find((name) => /records\/.*requests.*\.csv$/.test(name))!;
    expect(strFromU8(files[requests])).toContain(reference);
    const event = await t.aims.core.prisma.auditEvent.findFirstOrThrow({ where: { action: "evidence.exported" } });
    expect(event).toMatchObject({ actorChannel: "teams", actorId: OWNER.aadObjectId });
  }, 60_000);

  it("tells the owner when the database is down while the pack is built, and uploads nothing", async () => {
    const card = await consentCard();
    t.databaseLink.cut();
    let upload: ReturnType<typeof t.teams.connector.uploads.create>;
    try {
      ({ upload } = await allow(card));
      const told = await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(OWNER) && String(call.body.text).includes("database is not reachable"), 30_000);
      expect(String(told.body.text)).toContain("Send **export** to start again");
    } finally {
      t.databaseLink.restore();
    }
    expect(t.teams.connector.uploads.puts.filter((put) => put.uniqueId === upload.uniqueId)).toEqual([]);
  }, 60_000);

  it("tells the owner when OneDrive refuses the file, and how to try again", async () => {
    const card = await consentCard();
    t.teams.connector.uploads.failNext(403);
    const { upload } = await allow(card);
    const told = await t.teams.connector.waitFor("send", (call) => call.conversationId === personalChatId(OWNER) && String(call.body.text).includes("did not reach your OneDrive"), 30_000);
    expect(String(told.body.text)).toContain("Send **export** to start again");
    expect(t.teams.connector.uploads.completed(upload.uniqueId)).toBeUndefined();
  }, 60_000);
});
