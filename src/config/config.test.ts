import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("starts with no settings at all: embedded database, Slack off", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, database: { url: undefined, dataDir: "./data" }, slack: undefined });
  });

  it("names every problem in one message", () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: "seventy",
        DATABASE_URL: "mysql://x",
        SLACK_BOT_TOKEN: "xoxp-user-token",
        AIMS_APPROVERS: "U123ABC, not-an-id",
        AIMS_REGISTER_REVIEW_MONTHS: "0",
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^aims-bot cannot start; fix these settings:/);
    for (const name of ["PORT", "DATABASE_URL", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APPROVALS_CHANNEL", "AIMS_APPROVERS", "AIMS_REGISTER_REVIEW_MONTHS"]) {
      expect(message).toContain(`  - ${name}`);
    }
    expect(message).toContain("must start with xoxb-");
  });

  it("keeps records for ever unless a retention period in whole years is set, and names a bad one", () => {
    expect(loadConfig({}).retention).toEqual({ closedConcernsYears: null, closedIncidentsYears: null });
    expect(loadConfig({ AIMS_RETENTION_CLOSED_CONCERNS_YEARS: "3", AIMS_RETENTION_CLOSED_INCIDENTS_YEARS: "0" }).retention).toEqual({
      closedConcernsYears: 3,
      closedIncidentsYears: null,
    });
    expect(() => loadConfig({ AIMS_RETENTION_CLOSED_CONCERNS_YEARS: "2.5", AIMS_RETENTION_CLOSED_INCIDENTS_YEARS: "ever" })).toThrow(
      /AIMS_RETENTION_CLOSED_CONCERNS_YEARS: must be a whole number of years[\s\S]*AIMS_RETENTION_CLOSED_INCIDENTS_YEARS/,
    );
  });

  it("needs a signing secret for Slack over HTTP, but not in Socket Mode", () => {
    const slack = { SLACK_BOT_TOKEN: "xoxb-1-2-3", SLACK_APPROVALS_CHANNEL: "C0123ABCD", AIMS_APPROVERS: "U01AAA" };
    expect(() => loadConfig(slack)).toThrow(/SLACK_SIGNING_SECRET: Slack over HTTP needs it/);
    expect(loadConfig({ ...slack, SLACK_APP_TOKEN: "xapp-1-A0-1-abc" }).slack).toMatchObject({ appToken: "xapp-1-A0-1-abc", signingSecret: undefined });
    expect(() => loadConfig({ SLACK_APP_TOKEN: "xapp-1-A0-1-abc" })).toThrow(/SLACK_BOT_TOKEN: Slack needs SLACK_BOT_TOKEN/);
  });

  it("turns Slack on when its settings are complete", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1-2-3",
      SLACK_SIGNING_SECRET: "s3cret",
      SLACK_APPROVALS_CHANNEL: "C0123ABCD",
      AIMS_APPROVERS: " U01AAA , U02BBB ",
      SLACK_API_URL: "https://slack-gov.com/api/",
    });
    expect(config.slack).toEqual({
      botToken: "xoxb-1-2-3",
      signingSecret: "s3cret",
      appToken: undefined,
      apiUrl: "https://slack-gov.com/api/",
      apiTimeoutMs: 30_000,
      formSaveWaitMs: 1000,
      approvalsChannel: "C0123ABCD",
      groupSyncHours: 6,
    });
    expect(config.roles.slackApprovers).toEqual(["U01AAA", "U02BBB"]);
  });

  it("resyncs Slack user groups every SLACK_GROUP_SYNC_HOURS, a whole number of hours up to a week", () => {
    const slackOn = { SLACK_BOT_TOKEN: "xoxb-1-2-3", SLACK_SIGNING_SECRET: "s3cret", SLACK_APPROVALS_CHANNEL: "C0123ABCD", AIMS_APPROVERS: "U01AAA" };
    expect(loadConfig({ ...slackOn, SLACK_GROUP_SYNC_HOURS: "24" }).slack?.groupSyncHours).toBe(24);
    expect(() => loadConfig({ ...slackOn, SLACK_GROUP_SYNC_HOURS: "0" })).toThrow(/ - SLACK_GROUP_SYNC_HOURS: /);
    expect(() => loadConfig({ ...slackOn, SLACK_GROUP_SYNC_HOURS: "1.5" })).toThrow(/ - SLACK_GROUP_SYNC_HOURS: /);
    expect(() => loadConfig({ ...slackOn, SLACK_GROUP_SYNC_HOURS: "169" })).toThrow(/ - SLACK_GROUP_SYNC_HOURS: must be at most 168 hours/);
  });

  it("serves metrics only when METRICS_PORT or METRICS_TOKEN is set, and names a bad METRICS_PORT", () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: "9464" }).metrics).toEqual({ port: 9464, host: "127.0.0.1", token: undefined });
    expect(loadConfig({ METRICS_TOKEN: "a-long-enough-token" }).metrics).toEqual({ port: undefined, host: "127.0.0.1", token: "a-long-enough-token" });
    expect(() => loadConfig({ METRICS_PORT: "ninety" })).toThrow(/ - METRICS_PORT: must be a port number from 0 to 65535/);
    expect(() => loadConfig({ METRICS_PORT: "70000" })).toThrow(/ - METRICS_PORT: must be a port number from 0 to 65535/);
    expect(() => loadConfig({ PORT: "8080", METRICS_PORT: "8080" })).toThrow(/ - METRICS_PORT: must differ from PORT/);
    expect(() => loadConfig({ METRICS_TOKEN: "short" })).toThrow(/ - METRICS_TOKEN: must be at least 16 characters/);
  });
});
