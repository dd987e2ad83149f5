import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadLinkCatalogue } from "../../src/features/link-answers/link-catalogue.js";

/** The shortcut callback ids the Slack app handles; the handlers must register exactly these. */
const EXPECTED_SHORTCUT_CALLBACK_IDS = [
  "request_ai_tool",
  "report_ai_concern_global",
  "report_ai_concern",
  "add_incident_timeline",
] as const;

/** `/aims` sub-commands that the usage hint must advertise. */
const AIMS_SUBCOMMANDS = [
  "request",
  "status",
  "withdraw",
  "reopen",
  "me",
  "register",
  "system",
  "classify",
  "assess",
  "concern",
  "incident",
  "nc",
  "improvements",
  "objectives",
  "reviews",
  "audit",
  "management-review",
  "vendors",
  "digest preview",
  "soa",
  "roles",
  "delegate",
  "policy",
  "campaign",
  "training",
  "links",
  "export",
  "erase",
  "help",
];

/** Every bot scope the manifest may ask for, each because a feature uses it. */
const KNOWN_BOT_SCOPES = new Set([
  "commands", // the /aims command and the shortcuts
  "chat:write", // replies, approval messages, digests
  "chat:write.public", // posting into configured channels the bot has not joined
  "im:write", // opening a DM to notify requesters and approvers
  "users:read", // resolving people's names and time zones; the user_change event (deactivated accounts)
  "users:read.email", // linking a Slack account to the same person's Teams account by verified email
  "usergroups:read", // user groups bound to roles: their members, and the subteam_* events
  "channels:read",
  "groups:read", // checking configured channels exist
  "channels:manage",
  "groups:write", // creating incident channels
  "pins:write", // pinning the incident summary
  "files:write", // uploading exports and the Statement of Applicability
  "usergroups:read", // binding a role to a Slack user group
  "links:read", // link_shared for the catalogue's AI service domains (unfurl_domains)
  "channels:history",
  "groups:history", // message events in the channels the bot is in: links to AI tools the register knows
  "im:history", // message.im: files shared with the bot in a DM (a policy to publish)
  "files:read", // files.info and url_private of a Markdown file an AIMS owner shares with the bot
]);

/** Limits from Slack's app manifest reference. */
const LIMITS = {
  appName: 35,
  appDescription: 140,
  longDescription: { min: 175, max: 4000 },
  shortcutName: 24,
  shortcutDescription: 150,
  callbackId: 255,
  command: 32,
  usageHint: 1000,
};

interface Shortcut {
  name: string;
  type: string;
  callback_id: string;
  description: string;
}

interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: { name: string; description: string; long_description?: string; background_color: string };
  features: {
    app_home: Record<string, boolean>;
    bot_user: { display_name: string; always_online?: boolean };
    slash_commands: Array<{ command: string; url: string; description: string; usage_hint: string }>;
    shortcuts: Shortcut[];
    unfurl_domains?: string[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
  };
}

const manifestPath = fileURLToPath(new URL("../../manifests/slack/manifest.yaml", import.meta.url));
const manifest = parse(readFileSync(manifestPath, "utf8")) as SlackManifest;
const EVENTS_URL = /^https:\/\/[^/]+\/slack\/events$/;

describe("Slack app manifest", () => {
  it("uses manifest format 1 with the required top-level sections", () => {
    expect(manifest._metadata.major_version).toBe(1);
    expect(Object.keys(manifest)).toEqual(
      expect.arrayContaining(["display_information", "features", "oauth_config", "settings"]),
    );
  });

  it("describes the app within Slack's limits", () => {
    const info = manifest.display_information;
    expect(info.name).toBe("AIMS");
    expect(info.description).toMatch(/ISO\/IEC 42001/);
    expect(info.description.length).toBeLessThanOrEqual(LIMITS.appDescription);
    expect(info.name.length).toBeLessThanOrEqual(LIMITS.appName);
    expect(info.long_description?.length).toBeGreaterThanOrEqual(LIMITS.longDescription.min);
    expect(info.long_description?.length).toBeLessThanOrEqual(LIMITS.longDescription.max);
    expect(info.background_color).toMatch(/^#[0-9a-fA-F]{6}$/);
  });

  it("has a bot user called aims with the Home tab and a writable Messages tab", () => {
    expect(manifest.features.bot_user.display_name).toBe("aims");
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
  });

  it("declares /aims with a usage hint naming every sub-command", () => {
    expect(manifest.features.slash_commands).toHaveLength(1);
    const [aims] = manifest.features.slash_commands;
    expect(aims.command).toBe("/aims");
    expect(aims.command.length).toBeLessThanOrEqual(LIMITS.command);
    expect(aims.url).toMatch(EVENTS_URL);
    expect(aims.description).not.toBe("");
    expect(aims.usage_hint.split(" | ")).toEqual(AIMS_SUBCOMMANDS);
    expect(aims.usage_hint.length).toBeLessThanOrEqual(LIMITS.usageHint);
  });

  it("declares exactly the expected shortcuts, each within Slack's limits", () => {
    const shortcuts = manifest.features.shortcuts;
    expect(shortcuts.map((shortcut) => shortcut.callback_id)).toEqual([...EXPECTED_SHORTCUT_CALLBACK_IDS]);
    for (const shortcut of shortcuts) {
      expect(["global", "message"]).toContain(shortcut.type);
      expect(shortcut.name.length).toBeGreaterThan(0);
      expect(shortcut.name.length).toBeLessThanOrEqual(LIMITS.shortcutName);
      expect(shortcut.description.length).toBeGreaterThan(0);
      expect(shortcut.description.length).toBeLessThanOrEqual(LIMITS.shortcutDescription);
      expect(shortcut.callback_id.length).toBeLessThanOrEqual(LIMITS.callbackId);
    }
    const typeOf = (id: string) => shortcuts.find((shortcut) => shortcut.callback_id === id)?.type;
    expect(typeOf("request_ai_tool")).toBe("global");
    expect(typeOf("report_ai_concern_global")).toBe("global");
    expect(typeOf("report_ai_concern")).toBe("message");
    expect(typeOf("add_incident_timeline")).toBe("message");
  });

  it("sends commands, interactions and events to /slack/events over HTTP, not Socket Mode", () => {
    const { settings } = manifest;
    expect(settings.interactivity.is_enabled).toBe(true);
    expect(settings.interactivity.request_url).toMatch(EVENTS_URL);
    expect(settings.event_subscriptions.request_url).toMatch(EVENTS_URL);
    expect(settings.event_subscriptions.bot_events).toContain("app_home_opened");
    expect(settings.event_subscriptions.bot_events).toContain("message.im"); // files shared with the bot in a DM
    expect(settings.socket_mode_enabled).toBe(false);
    expect(settings.org_deploy_enabled).toBe(false);
  });

  it("asks only for known bot scopes, without duplicates or user scopes", () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(scopes.filter((scope) => !KNOWN_BOT_SCOPES.has(scope))).toEqual([]);
    expect(scopes).toEqual(expect.arrayContaining(["commands", "chat:write", "chat:write.public"]));
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it("lets the people directory read users, their verified emails and user groups, and hear when they change", () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["users:read", "users:read.email", "usergroups:read"]));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["user_change", "subteam_members_changed", "subteam_updated"]));
  });

  it("hears links to the catalogue's first five AI service domains (Slack's limit) and messages in its channels", async () => {
    const catalogue = await loadLinkCatalogue(undefined);
    expect(manifest.features.unfurl_domains).toEqual(catalogue.domains().slice(0, 5));
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["links:read", "channels:history", "groups:history"]));
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["link_shared", "message.channels", "message.groups"]));
  });
});
