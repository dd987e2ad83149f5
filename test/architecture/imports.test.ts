import { describe, expect, it } from "vitest";
import { type Import, importCycles, importsOfSrc } from "./import-graph.js";

// The house rules of src/README.md: domain code never knows which chat it runs in.
const imports = importsOfSrc();
const under = (folder: string) => (file: string) => file.startsWith(`${folder}/`);
const describeImport = ({ from, specifier }: Import) => `${from} imports ${specifier}`;

describe("architecture", () => {
  it("sees the imports of src/ (the scan itself works)", () => {
    expect(imports.some((i) => i.from === "channels/slack/slack-app.ts" && i.specifier === "@slack/bolt")).toBe(true);
    expect(imports.some((i) => i.from === "app/app.ts" && i.target === "channels/slack/slack-app.ts")).toBe(true);
  });

  it("keeps features, core, db and config free of src/channels", () => {
    const channelNeutral = ["features", "core", "db", "config"].map(under);
    const offending = imports.filter(
      (i) => !i.external && channelNeutral.some((inside) => inside(i.from)) && under("channels")(i.target),
    );
    expect(offending.map(describeImport)).toEqual([]);
  });

  it("keeps config and core free of src/features: what they share with a feature lives in core", () => {
    const shared = ["config", "core"].map(under);
    const offending = imports.filter((i) => !i.external && shared.some((inside) => inside(i.from)) && under("features")(i.target));
    expect(offending.map(describeImport)).toEqual([]);
  });

  it("imports Slack and Teams libraries only in src/channels", () => {
    const chatLibrary = /^(@slack\/|botbuilder|botframework-)/;
    const offending = imports.filter((i) => i.external && chatLibrary.test(i.specifier) && !under("channels")(i.from));
    expect(offending.map(describeImport)).toEqual([]);
  });

  describe("the Teams transport (src/channels/teams/transport/) is the one door to botbuilder", () => {
    const TRANSPORT = "channels/teams/transport";
    const BOT_FRAMEWORK = /^(botbuilder|botframework-)/;

    it("sees the transport use botbuilder (the scan itself works)", () => {
      expect(imports.some((i) => under(TRANSPORT)(i.from) && i.specifier === "botbuilder")).toBe(true);
    });

    it("imports botbuilder and botframework-* nowhere else in src/", () => {
      const offending = imports.filter((i) => i.external && BOT_FRAMEWORK.test(i.specifier) && !under(TRANSPORT)(i.from));
      expect(offending.map(describeImport)).toEqual([]);
    });

    it("is reached through its index.ts only", () => {
      const offending = imports.filter((i) => !i.external && under(TRANSPORT)(i.target) && !under(TRANSPORT)(i.from) && i.target !== `${TRANSPORT}/index.ts`);
      expect(offending.map(describeImport)).toEqual([]);
    });

    it("depends on no other Teams or Slack code, so replacing it touches nothing else", () => {
      const offending = imports.filter((i) => !i.external && under(TRANSPORT)(i.from) && under("channels")(i.target) && !under(TRANSPORT)(i.target));
      expect(offending.map(describeImport)).toEqual([]);
    });
  });

  it("keeps src/conversation neutral: no channel, no chat library, no database", () => {
    const neutral = imports.filter((i) => under("conversation")(i.from));
    const offending = neutral.filter((i) =>
      i.external ? /^(@slack\/|botbuilder|botframework-|@prisma\/)/.test(i.specifier) : ["channels", "db", "app"].some((folder) => under(folder)(i.target)),
    );
    expect(neutral.length).toBeGreaterThan(0);
    expect(offending.map(describeImport)).toEqual([]);
  });

  it("keeps the conversation model out of domain rules: only capability conversations and channels use it", () => {
    const mayUse = (file: string) => /^(channels|conversation)\//.test(file) || /^features\/[^/]+\/conversation\//.test(file);
    const offending = imports.filter((i) => !i.external && under("conversation")(i.target) && !mayUse(i.from));
    expect(offending.map(describeImport)).toEqual([]);
  });

  it("has no import cycles in src/ (type-only imports count too)", () => {
    expect(importCycles(imports).map((files) => files.join(" <-> "))).toEqual([]);
  });
});
