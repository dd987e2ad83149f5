import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedClock } from "../../../../src/core/clock.js";
import { startTestAims, type TestAims } from "../../../support/aims-harness.js";
import { eventually } from "../../../support/eventually.js";
import { messageShortcut, stateValues } from "../../../support/slack-requests.js";
import {
  CONCERN_ENV,
  credentialsIn,
  fileConcern,
  ids,
  nextOpenedView,
  openFollowUp,
  referenceIn,
  START,
  submit,
  TRIAGE_CHANNEL,
  TRIAGERS,
  triagePost,
  triageThroughModal,
  textOf,
} from "./concern-steps.js";
import { wholeDatabaseText } from "../../../support/whole-database.js";

const WHISTLEBLOWER = { id: "UWHISTLE9Q", name: "wendy.whistle", realName: "Wendy Whistleblower", email: "wendy.w@example.org" };
const IDENTIFYING = [WHISTLEBLOWER.id, WHISTLEBLOWER.name, WHISTLEBLOWER.realName, WHISTLEBLOWER.email];

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({ env: CONCERN_ENV, clock: fixedClock(START) });
  t.fake.addUser({ id: WHISTLEBLOWER.id, name: WHISTLEBLOWER.name, real_name: WHISTLEBLOWER.realName, email: WHISTLEBLOWER.email });
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

function expectNoTraceOfWhistleblower(text: string, where: string) {
  for (const value of IDENTIFYING) {
    expect(text.toLowerCase().includes(value.toLowerCase()), `${where} contains "${value}"`).toBe(false);
  }
}

/** Every field of every Web API call and response_url post the fake Slack received. */
function expectNoTraceInSlackCalls() {
  expect(t.fake.calls.length).toBeGreaterThan(0);
  for (const call of t.fake.calls) expectNoTraceOfWhistleblower(`${call.method} ${JSON.stringify(call.args)}`, `the ${call.method} call`);
  for (const post of t.fake.responseUrlPosts) expectNoTraceOfWhistleblower(`${post.url} ${JSON.stringify(post.body)}`, "a response_url post");
}

describe("anonymous AI concerns are unlinkable", () => {
  it("files, triages and follows up an anonymous concern leaving no trace of the reporter in the database or the logs", async () => {
    const description = "The CV screening model ranks applicants from one postcode lower every time.";
    const { body } = await fileConcern(
      t,
      WHISTLEBLOWER.id,
      { description, category: "bias", anonymous: true, aiSystemText: "CV screener" },
      WHISTLEBLOWER.name,
    );
    expect(body?.response_action).toBe("update");
    const { code, secret } = credentialsIn(body!.view!);
    expect(textOf(body!.view!.blocks)).toContain("only time they are shown");

    const post = await triagePost(t, description);
    const reference = referenceIn(post);
    expect(textOf(post.args.blocks)).toContain("Anonymous");
    expect(t.fake.messages(WHISTLEBLOWER.id)).toHaveLength(0);

    // A second anonymous concern from a message shortcut, quoting someone else's message.
    const quoted = "Just paste the customer list into the chatbot, it's fine.";
    const shortcutView = await nextOpenedView(t, () =>
      t.slack.send(
        messageShortcut({
          callbackId: ids.messageShortcut,
          userId: WHISTLEBLOWER.id,
          userName: WHISTLEBLOWER.name,
          channelId: "C0SALES",
          message: { ts: "1764584142.000200", text: quoted, user: "UCOLLEAGUE" },
          responseUrl: t.fake.newResponseUrl(),
        }),
      ),
    );
    expect(textOf(shortcutView.blocks)).toContain("customer list");
    const quotedAnswer = await submit(
      t,
      WHISTLEBLOWER.id,
      shortcutView,
      stateValues({
        description: { value: "Colleagues are told to put customer data into a public chatbot." },
        category: { value: { type: "radio_buttons", selected_option: { value: "privacy" } } },
        anonymous: { value: { type: "checkboxes", selected_options: [{ value: "anonymous" }] } },
      }),
      WHISTLEBLOWER.name,
    );
    expect(((await quotedAnswer.json()) as { response_action: string }).response_action).toBe("update");
    const quotedPost = await triagePost(t, "public chatbot");
    expect(textOf(quotedPost.args.blocks)).toContain("customer list");

    // The triagers ask; the reporter reads the question with code and secret and answers, still anonymously.
    await triageThroughModal(t, TRIAGERS[0], ids.actions.ask, reference, String(post.response.ts), stateValues({ question: { value: { type: "plain_text_input", value: "Which postcode, roughly?" } } }));
    const opened = await openFollowUp(t, WHISTLEBLOWER.id, code, secret);
    expect(opened.response_action).toBe("update");
    expect(textOf(opened.view!.blocks)).toContain("Which postcode, roughly?");
    const answered = await submit(t, WHISTLEBLOWER.id, opened.view!, stateValues({ answer: { value: "The ones starting with E1." } }), WHISTLEBLOWER.name);
    const answeredBody = (await answered.json()) as { response_action: string; view: { blocks: unknown[] } };
    expect(answeredBody.response_action).toBe("update");
    expect(textOf(answeredBody.view.blocks)).toContain("The ones starting with E1.");
    const thread = await t.fake.waitFor("chat.postMessage", (c) => c.args.channel === TRIAGE_CHANNEL && c.args.thread_ts === post.response.ts);
    expect(String(thread.args.text)).toContain("E1");

    const prisma = t.aims.core.prisma;
    await eventually(async () => expect(await prisma.concernMessage.count({ where: { author: "reporter" } })).toBe(1));
    const concerns = await prisma.concern.findMany({ orderBy: { id: "asc" } });
    expect(concerns).toHaveLength(2);
    for (const concern of concerns) {
      expect(concern).toMatchObject({
        anonymous: true,
        reporterChannel: null,
        reporterId: null,
        reporterName: null,
        submissionKey: null,
        quotedAuthorId: null,
        quotedConversationId: null,
        quotedMessageId: null,
        receivedOn: new Date("2026-12-01T00:00:00.000Z"),
      });
      expect(concern.secretHash).toMatch(/^scrypt:/);
    }
    expect(concerns[1].quotedText).toBe(quoted);
    const reporterAudit = await prisma.auditEvent.findMany({ where: { action: { in: ["concern.received", "concern.answered"] } } });
    expect(reporterAudit).toHaveLength(3);
    for (const event of reporterAudit) {
      // Dated to the day and recorded at no time, even once sealed into the hash chain.
      expect(event).toMatchObject({ actorId: null, actorChannel: null, actorSalt: null, occurredAt: new Date("2026-12-01T00:00:00.000Z"), recordedAt: null });
    }

    // The directory looks up everyone who acts, except a concern reporter: no users.info about them, no account row.
    await t.aims.slack!.directory.people.settled();
    expect(t.fake.callsTo("users.info").map((call) => call.args.user)).toContain(TRIAGERS[0]);
    expect(t.fake.callsTo("users.info").filter((call) => call.args.user === WHISTLEBLOWER.id)).toEqual([]);
    expect(await prisma.chatIdentity.findMany({ where: { externalId: WHISTLEBLOWER.id } })).toEqual([]);

    const database = await wholeDatabaseText(t.aims.core.prisma);
    expect(database.tables).toEqual(expect.arrayContaining(["public.Concern", "public.ConcernMessage", "public.AuditEvent", "public.ChannelMessage"]));
    // The dump does see what was stored, and the triager who asked, so the absence below means something.
    expect(database.text).toContain("CV screening model");
    expect(database.text).toContain(TRIAGERS[0]);
    expectNoTraceOfWhistleblower(database.text, "the database");
    expect(database.text).not.toContain(secret.replace(/-/g, ""));

    // The calls do carry the concerns and the triager's question, so the absence of the reporter means something.
    expect(JSON.stringify(t.fake.calls)).toContain("CV screening model");
    expect(JSON.stringify(t.fake.calls)).toContain("Which postcode, roughly?");
    expectNoTraceInSlackCalls();

    const logs = t.logs();
    expect(logs).toContain("aims-bot listening");
    expectNoTraceOfWhistleblower(logs, "the logs");
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(secret.replace(/-/g, ""));
  });
});
