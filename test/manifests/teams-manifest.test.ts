import { MESSAGE_ACTIONS } from "../../src/channels/teams/message-actions/index.js";
import { COMMANDS } from "../../src/channels/teams/commands/index.js";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { iconProblems } from "../../src/channels/teams/manifest/icon-rules.js";
import { buildTeamsPackage, type TeamsManifest } from "../../src/channels/teams/manifest/package-builder.js";
import {
  placeholderValuesFromEnv,
  substitutePlaceholders,
  TeamsPackageError,
} from "../../src/channels/teams/manifest/placeholders.js";
import { loadLinkCatalogue } from "../../src/features/link-answers/link-catalogue.js";
import { readPngHeader } from "../../src/channels/teams/manifest/png.js";
import {
  createManifestValidator,
  loadManifestSchema,
  type ManifestValidator,
} from "../../src/channels/teams/manifest/schema-validation.js";

const MANIFEST_DIRECTORY = fileURLToPath(new URL("../../manifests/teams/", import.meta.url));
const BOT_APP_ID = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const ENV = { MICROSOFT_APP_ID: BOT_APP_ID, BOT_DOMAIN: "aims.example.com" };

const template = (): TeamsManifest => JSON.parse(readFileSync(join(MANIFEST_DIRECTORY, "manifest.json"), "utf8"));
const filledManifest = (env: NodeJS.ProcessEnv = ENV): TeamsManifest =>
  substitutePlaceholders(template(), placeholderValuesFromEnv(env, "0.1.0"));
const validator = (): ManifestValidator =>
  createManifestValidator(loadManifestSchema(join(MANIFEST_DIRECTORY, "schema"), template().manifestVersion));
const icon = (name: string) => readFileSync(join(MANIFEST_DIRECTORY, name));

type Bot = { botId?: string; commandLists: Array<{ commands: Array<{ title: string; description: string }> }> };
const botOf = (manifest: TeamsManifest) => (manifest.bots as Bot[])[0];

describe("Teams manifest template", () => {
  it("unfurls links to every domain of the AI service catalogue through the messaging extension", async () => {
    const catalogue = await loadLinkCatalogue(undefined);
    const [extension] = template().composeExtensions as Array<{ messageHandlers?: Array<{ type: string; value: { domains: string[] } }> }>;
    expect(extension.messageHandlers).toEqual([{ type: "link", value: { domains: catalogue.domains() } }]);
  });

  it("points $schema at the hosted schema of its own manifestVersion, which is stored in the repo", () => {
    const manifest = template();
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
    expect(Number(manifest.manifestVersion.split(".")[1])).toBeGreaterThanOrEqual(19);
  });

  it("validates against the stored schema once the placeholders are filled in", () => {
    const manifest = filledManifest();
    expect(JSON.stringify(manifest)).not.toContain("${{");
    expect(validator()(manifest)).toEqual({ valid: true, errors: [] });
  });

  it("offers the bot commands people need, in every scope", () => {
    const bot = botOf(filledManifest());
    const titles = bot.commandLists.flatMap((list) => list.commands.map((command) => command.title));
    expect(titles).toEqual(expect.arrayContaining(["request", "status", "help", "assess", "concern", "incident"]));
    // Teams shows at most ten; the managers' digest preview gives way to the register everyone asks about.
    expect(titles).toEqual(expect.arrayContaining(["register", "objectives", "reviews", "soa"]));
    // The audit pack reaches the AIMS owner as a file in the personal chat, which Teams allows only with supportsFiles.
    expect(filledManifest().bots).toMatchObject([{ scopes: ["personal", "team", "groupChat"], supportsFiles: true }]);
  });

  it("offers the message actions the bot answers: Slack's message shortcuts, in Teams", () => {
    const [extension] = (filledManifest() as unknown as { composeExtensions: { botId: string; commands: { id: string; type: string; context: string[]; fetchTask: boolean }[] }[] }).composeExtensions;
    expect(extension.botId).toBe(BOT_APP_ID);
    expect(extension.commands.map((command) => command.id).sort()).toEqual(Object.keys(MESSAGE_ACTIONS).sort());
    for (const command of extension.commands) expect(command).toMatchObject({ type: "action", context: ["message"], fetchTask: true });
  });

  it("lists only commands the bot answers, by their names", () => {
    const titles = botOf(filledManifest()).commandLists.flatMap((list) => list.commands.map((command) => command.title));
    expect(titles.filter((title) => !COMMANDS.some((command) => command.name === title))).toEqual([]);
  });
});

describe("placeholder values", () => {
  it("use the bot's app id for the Teams app id unless TEAMS_APP_ID is given", () => {
    expect(filledManifest()).toMatchObject({ id: BOT_APP_ID, bots: [{ botId: BOT_APP_ID }], version: "0.1.0" });
    const teamsAppId = "11111111-2222-3333-4444-555555555555";
    expect(filledManifest({ ...ENV, TEAMS_APP_ID: teamsAppId, TEAMS_APP_VERSION: "2.3.4" })).toMatchObject({
      id: teamsAppId,
      bots: [{ botId: BOT_APP_ID }],
      version: "2.3.4",
      validDomains: ["aims.example.com"],
    });
  });

  it("name the missing or malformed variable", () => {
    expect(() => placeholderValuesFromEnv({ BOT_DOMAIN: "aims.example.com" }, "0.1.0")).toThrow(
      /MICROSOFT_APP_ID is not set/,
    );
    expect(() => placeholderValuesFromEnv({ ...ENV, MICROSOFT_APP_ID: "my-bot" }, "0.1.0")).toThrow(
      /MICROSOFT_APP_ID is "my-bot", but it must be a GUID/,
    );
    expect(() => placeholderValuesFromEnv({ ...ENV, BOT_DOMAIN: "https://aims.example.com/" }, "0.1.0")).toThrow(
      /BOT_DOMAIN .* must be a host name/,
    );
    expect(() => placeholderValuesFromEnv({ ...ENV, TEAMS_APP_VERSION: "1.0" }, "0.1.0")).toThrow(
      /TEAMS_APP_VERSION is "1.0"/,
    );
  });

  it("refuse a template placeholder that has no value", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the manifest's own placeholder syntax, not a JS template
    expect(() => substitutePlaceholders({ name: "${{NOT_A_SETTING}}" }, {})).toThrow(TeamsPackageError);
  });
});

describe("schema validation", () => {
  it("rejects a manifest without a bot id, with a message that says where", () => {
    const manifest = filledManifest();
    delete botOf(manifest).botId;
    const result = validator()(manifest);
    expect(result.valid).toBe(false);
    expect(result.errors).toContain('/bots/0 is missing the required property "botId"');
  });

  it("rejects a wrong manifestVersion, an unknown field and an over-long short name", () => {
    const manifest = {
      ...filledManifest(),
      manifestVersion: "1.9",
      colour: "blue",
      name: { short: "AIMS: the ISO/IEC 42001 AI management system" },
    };
    const { valid, errors } = validator()(manifest);
    expect(valid).toBe(false);
    expect(errors).toEqual(
      expect.arrayContaining([
        `/manifestVersion must be "${template().manifestVersion}"`,
        'manifest has a property the schema does not allow: "colour"',
        "/name/short must NOT have more than 30 characters",
      ]),
    );
  });

  it("picks the JSON Schema draft from the schema's $schema", () => {
    const object = { type: "object", properties: { n: { type: "number", exclusiveMaximum: 5 } } };
    const draft07 = createManifestValidator({ $schema: "http://json-schema.org/draft-07/schema#", ...object });
    const draft2020 = createManifestValidator({ $schema: "https://json-schema.org/draft/2020-12/schema", ...object });
    for (const validate of [draft07, draft2020]) {
      expect(validate({ n: 4 }).valid).toBe(true);
      expect(validate({ n: 5 }).errors).toEqual(["/n must be < 5"]);
    }
    expect(() => createManifestValidator({ $schema: "http://example.com/my-draft", type: "object" })).toThrow(
      /unsupported JSON Schema draft/,
    );
  });

  it("refuses a draft-04 schema that relies on draft-04-only meanings", () => {
    const draft04 = {
      $schema: "http://json-schema.org/draft-04/schema#",
      properties: { n: { type: "number", maximum: 5, exclusiveMaximum: true } },
    };
    expect(() => createManifestValidator(draft04)).toThrow(/#\/properties\/n\/exclusiveMaximum/);
  });
});

describe("icons", () => {
  it("are a 192x192 colour icon and a transparent 32x32 outline icon", () => {
    expect(readPngHeader(icon("color.png"))).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(icon("outline.png"))).toEqual({ width: 32, height: 32, hasAlpha: true });
    expect(iconProblems("color", "color.png", icon("color.png"))).toEqual([]);
    expect(iconProblems("outline", "outline.png", icon("outline.png"))).toEqual([]);
  });

  it("are refused when swapped or not PNG", () => {
    expect(iconProblems("color", "outline.png", icon("outline.png"))).toEqual([
      "color icon outline.png is 32x32, it must be 192x192",
    ]);
    expect(iconProblems("outline", "logo.png", new TextEncoder().encode("GIF89a........................"))).toEqual([
      "outline icon logo.png: not a PNG file (missing PNG signature or IHDR chunk)",
    ]);
  });
});

describe("the Teams package", () => {
  const scratchDirectories: string[] = [];
  afterEach(() => {
    for (const path of scratchDirectories.splice(0)) rmSync(path, { recursive: true, force: true });
  });

  it("zips exactly the manifest and the two icons at the root", () => {
    const { zip } = buildTeamsPackage({ manifestDirectory: MANIFEST_DIRECTORY, env: ENV, defaultAppVersion: "0.1.0" });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(strFromU8(files["manifest.json"])) as TeamsManifest;
    expect(manifest).toMatchObject({ id: BOT_APP_ID, bots: [{ botId: BOT_APP_ID }] });
    expect(files["color.png"]).toEqual(new Uint8Array(icon("color.png")));
  });

  it("is not built from a manifest that breaks the schema, and says why", () => {
    const directory = mkdtempSync(join(tmpdir(), "teams-manifest-"));
    scratchDirectories.push(directory);
    cpSync(MANIFEST_DIRECTORY, directory, { recursive: true });
    const broken = { ...template(), accentColor: "blue" };
    writeFileSync(join(directory, "manifest.json"), JSON.stringify(broken));
    expect(() => buildTeamsPackage({ manifestDirectory: directory, env: ENV, defaultAppVersion: "0.1.0" })).toThrow(
      /does not match the Teams 1\.\d+ schema:\n {2}- \/accentColor must match pattern/,
    );
  });

  it("is not built when an icon has the wrong size", () => {
    const directory = mkdtempSync(join(tmpdir(), "teams-manifest-"));
    scratchDirectories.push(directory);
    cpSync(MANIFEST_DIRECTORY, directory, { recursive: true });
    writeFileSync(join(directory, "color.png"), icon("outline.png"));
    expect(() => buildTeamsPackage({ manifestDirectory: directory, env: ENV, defaultAppVersion: "0.1.0" })).toThrow(
      /color icon color.png is 32x32, it must be 192x192/,
    );
  });
});
