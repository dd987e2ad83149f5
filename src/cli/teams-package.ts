/**
 * Builds the Microsoft Teams app package: `npm run teams:package`.
 * Needs MICROSOFT_APP_ID and BOT_DOMAIN; TEAMS_APP_ID and TEAMS_APP_VERSION are optional (see manifests/README.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { buildTeamsPackage } from "../channels/teams/manifest/package-builder.js";
import { TeamsPackageError } from "../channels/teams/manifest/placeholders.js";

// Resolved from this file, so the command works from src/ (tsx) and from dist/ (compiled) alike.
const repositoryRoot = fileURLToPath(new URL("../../", import.meta.url));
const outputPath = `${repositoryRoot}dist/teams/aims-bot-teams.zip`;

try {
  const { version } = JSON.parse(readFileSync(`${repositoryRoot}package.json`, "utf8")) as { version: string };
  const { manifest, zip } = buildTeamsPackage({
    manifestDirectory: `${repositoryRoot}manifests/teams`,
    env: process.env,
    defaultAppVersion: version,
  });
  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, zip);
  console.log(`Wrote ${outputPath} (app ${String(manifest.id)}, version ${String(manifest.version)}).`);
} catch (error) {
  if (!(error instanceof TeamsPackageError)) throw error;
  console.error(`Cannot build the Teams package: ${error.message}`);
  process.exitCode = 1;
}
