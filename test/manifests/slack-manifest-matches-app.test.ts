import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SUBCOMMANDS } from "../../src/channels/slack/listeners/subcommands/index.js";
import { APPROVALS_CHANNEL, EMPLOYEE, startTestAims, type TestAims } from "../support/aims-harness.js";
import { eventually } from "../support/eventually.js";

interface SlackManifest {
  features: {
    slash_commands: { command: string; usage_hint: string }[];
    shortcuts: { callback_id: string; type: "global" | "message" }[];
  };
  settings: { event_subscriptions: { bot_events: string[] } };
}

const manifest = parse(readFileSync(new URL("../../manifests/slack/manifest.yaml", import.meta.url), "utf8")) as SlackManifest;

let t: TestAims;
beforeAll(async () => {
  t = await startTestAims({
    env: { SLACK_TRIAGE_CHANNEL: "C0TRIAGE", AIMS_TRIAGERS: "UTRIAGER1", SLACK_INCIDENTS_CHANNEL: "C0INCIDENTS" },
  });
});
afterAll(async () => {
  await t?.stop();
});

describe("the Slack manifest and the running app agree", () => {
  it("advertises every /aims subcommand the app has, and no other", () => {
    const hint = manifest.features.slash_commands[0].usage_hint.split("|").map((part) => part.trim().split(" ")[0]);
    expect(new Set(hint)).toEqual(new Set(SUBCOMMANDS.map((s) => s.name)));
  });

  it.each(manifest.features.shortcuts.map((s) => [s.callback_id, s.type] as const))(
    "handles the %s shortcut (%s): opens a form or answers privately",
    async (callbackId, type) => {
      const opened = t.fake.callsTo("views.open").length;
      const responseUrl = t.fake.newResponseUrl();
      const response =
        type === "global"
          ? await t.slack.shortcut(EMPLOYEE, callbackId)
          : await t.slack.messageShortcut({
              callbackId,
              userId: EMPLOYEE,
              channelId: APPROVALS_CHANNEL,
              message: { ts: "1700000000.000200", text: "The chatbot told a customer something wrong", user: "UOTHER01" },
              responseUrl,
            });
      expect(response.status).toBe(200);
      await eventually(() => {
        const formOpened = t.fake.callsTo("views.open").slice(opened).some((call) => call.response.ok);
        const answered = t.fake.responseUrlPosts.some((post) => post.url === responseUrl);
        expect(formOpened || answered).toBe(true);
      });
    },
  );

  it("subscribes to exactly the events the app listens to", () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened", "user_change", "team_join", "subteam_members_changed", "subteam_updated", "link_shared", "message.channels", "message.groups", "message.im"]);
  });
});
