import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config/config.js";
import { systemClock } from "../core/clock.js";
import { EventBus } from "../core/events.js";
import { openDatabase } from "../db/database.js";
import { PeopleDirectory } from "../features/organisation/people-directory.js";
import { RoleService } from "../features/organisation/role-service.js";
import { documentFromMarkdown } from "../features/policies/policy-form.js";
import { PolicyService } from "../features/policies/policy-service.js";
import { createLogger } from "../log/logger.js";

const USAGE = `Usage: npm run policy:publish -- FILE.md [--title "AI policy"] [--summary "…"] [--again]
  The title is the file's first "# " heading unless --title is given; the summary its first paragraph unless
  --summary is given. --again: everyone must accept this version again (the first version always needs it).`;

/** `npm run policy:publish -- FILE`: publishes a Markdown document as a new version, as the operator on the command line. */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { title: { type: "string" }, summary: { type: "string" }, again: { type: "boolean" }, help: { type: "boolean" } },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    return values.help ? 0 : 64;
  }
  const file = positionals[0]!;
  const markdown = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    console.error(`Cannot read ${file}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
    return null;
  });
  if (markdown === null) return 66;
  const document = documentFromMarkdown(markdown, values.summary);
  const config = loadConfig();
  const logger = createLogger(config.logLevel === "info" ? "warn" : config.logLevel);
  const database = await openDatabase(config.database, logger);
  try {
    const { prisma } = database;
    const events = new EventBus(prisma, logger);
    const directory = new PeopleDirectory({ prisma, clock: systemClock, events });
    const roles = new RoleService({ prisma, clock: systemClock, events, people: directory });
    const policies = new PolicyService({ prisma, clock: systemClock, roles, events, directory });
    const result = await policies.publish(null, { ...document, ...(values.title ? { title: values.title } : {}), requiresAcknowledgement: Boolean(values.again) }, "command line");
    if (result.kind === "invalid") {
      for (const message of Object.values(result.errors)) console.error(`${file}: ${message}`);
      return 65;
    }
    if (result.kind === "forbidden") {
      console.error(result.message);
      return 77;
    }
    const { version } = result;
    if (result.kind === "unchanged") console.log(`${version.document.title} version ${version.version} already has exactly this text: nothing published.`);
    else console.log(`Published ${version.document.title} version ${version.version} (sha256 ${version.sha256}). Start a campaign with /aims campaign start.`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
