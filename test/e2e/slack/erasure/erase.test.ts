import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SLACK_IDS } from "../../../../src/channels/slack/ids.js";
import { fixedClock } from "../../../../src/core/clock.js";
import { EMPLOYEE, OWNERS, startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { VALID_REQUEST } from "../../../support/request-form-state.js";

const OWNER = OWNERS[0];
const LEAVER = { channel: "slack" as const, id: "ULEAVER1", name: "Lea Leaver" };
const ids = SLACK_IDS.erasure;
/** Generous waits: CI runs the suites side by side on two cores. */
const WAIT_MS = 20_000;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ clock: fixedClock(new Date("2027-02-01T09:00:00.000Z")) });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

type View = { id: string; callback_id: string; blocks: { text?: { text: string } }[] };

async function openForm(userId: string): Promise<{ view?: View; responseUrl: string }> {
  const responseUrl = t.fake.newResponseUrl();
  const before = t.fake.callsTo("views.open").length;
  expect((await t.slack.command(userId, "erase", { responseUrl })).status).toBe(200);
  if (userId !== OWNER) return { responseUrl };
  const [call] = (await t.fake.waitForCount("views.open", before + 1, WAIT_MS)).slice(before);
  expect(call.response.ok, JSON.stringify(call.response)).toBe(true);
  return { view: call.response.view as View, responseUrl };
}

const values = (person: string | null, reason: string, confirmed: boolean) => ({
  [ids.blocks.person]: { [ids.action]: { type: "users_select", selected_user: person } },
  [ids.blocks.reason]: { [ids.action]: { type: "plain_text_input", value: reason } },
  [ids.blocks.confirm]: { [ids.action]: { type: "checkboxes", selected_options: confirmed ? [{ value: ids.confirmed }] : [] } },
});

async function submitAndReadOutcome(view: View, person: string, reason: string): Promise<string> {
  const before = t.fake.callsTo("views.update").length;
  const response = await t.slack.submitView(OWNER, { id: view.id, callback_id: view.callback_id, state: { values: values(person, reason, true) } });
  expect(((await response.json()) as { response_action: string }).response_action).toBe("update");
  const [update] = (await t.fake.waitForCount("views.update", before + 1, WAIT_MS)).slice(before);
  expect(update.args.view_id).toBe(view.id);
  return String((update.args.view as View).blocks[0]?.text?.text);
}

describe("/aims erase through Slack", () => {
  it("is listed in help for AIMS owners only, and refused to anyone else", async () => {
    const help = async (userId: string) => {
      const responseUrl = t.fake.newResponseUrl();
      expect((await t.slack.command(userId, "help", { responseUrl })).status).toBe(200);
      const post = await t.fake.waitForResponseUrlPost((candidate) => candidate.url === responseUrl, WAIT_MS);
      return JSON.stringify(post.body);
    };
    expect(await help(EMPLOYEE)).not.toContain("/aims erase");
    expect(await help(OWNER)).toContain("/aims erase");
    const { responseUrl } = await openForm(EMPLOYEE);
    const post = await t.fake.waitForResponseUrlPost((candidate) => candidate.url === responseUrl, WAIT_MS);
    expect((post.body as { text: string }).text).toBe("Only the AIMS owners can erase a person's data.");
  });

  it("shows field errors, erases a leaver's data in records and audit events, and explains a refusal", async () => {
    const core = t.aims.core;
    await core.directory.observe({ ...LEAVER, verifiedEmail: "lea@example.com" });
    const submitted = await core.requests.submit(LEAVER, VALID_REQUEST, "erase-e2e-1");
    if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));

    const { view } = await openForm(OWNER);
    expect(view!.callback_id).toBe(ids.views.erase);
    const incomplete = await t.slack.submitView(OWNER, { id: view!.id, callback_id: view!.callback_id, state: { values: values(LEAVER.id, " ", false) } });
    expect(await incomplete.json()).toEqual({
      response_action: "errors",
      errors: { [ids.blocks.reason]: expect.stringContaining("Say why"), [ids.blocks.confirm]: expect.stringContaining("cannot be undone") },
    });

    const outcome = await submitAndReadOutcome(view!, LEAVER.id, "Erasure request ER-7");
    expect(outcome).toMatch(/^Erased\. They are now "Former employee [0-9A-F]{4}" in \d+ record\(s\) and \d+ audit event\(s\); the audit chain still verifies\.$/);
    const pseudonym = /"(Former employee [0-9A-F]{4})"/.exec(outcome)![1];
    expect(await core.prisma.aiToolRequest.findUniqueOrThrow({ where: { id: submitted.request.id } })).toMatchObject({ requesterId: LEAVER.id, requesterName: pseudonym });
    const events = await core.prisma.auditEvent.findMany({ where: { entityType: "ai_tool_request" } });
    expect(JSON.stringify(events.map(({ actorId, before, after }) => ({ actorId, before, after })))).not.toContain(LEAVER.name);

    const again = await openForm(OWNER);
    expect(await submitAndReadOutcome(again.view!, OWNER, "Leaving")).toBe("This person is the last AIMS owner: grant the role to someone else first, then erase.");
  });
});
