import { existsSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { iconProblems, type IconKind } from "./icon-rules.js";
import { placeholderValuesFromEnv, substitutePlaceholders, TeamsPackageError } from "./placeholders.js";
import { createManifestValidator, loadManifestSchema } from "./schema-validation.js";

/** The parts of a Teams manifest the packager itself reads; the schema checks the rest. */
export interface TeamsManifest {
  manifestVersion: string;
  icons: Record<IconKind, string>;
  [field: string]: unknown;
}

export interface TeamsPackageSources {
  /** Folder holding manifest.json, the icons it names, and schema/ with the JSON schemas. */
  manifestDirectory: string;
  env: NodeJS.ProcessEnv;
  /** Used as the app version when TEAMS_APP_VERSION is not set. */
  defaultAppVersion: string;
}

export interface TeamsPackage {
  manifest: TeamsManifest;
  zip: Uint8Array;
}

export const MANIFEST_FILE_NAME = "manifest.json";

/** Fills in the manifest, validates it and its icons, and zips them as Teams expects (all files at the root). */
export function buildTeamsPackage({ manifestDirectory, env, defaultAppVersion }: TeamsPackageSources): TeamsPackage {
  const template = JSON.parse(readFileSync(join(manifestDirectory, MANIFEST_FILE_NAME), "utf8")) as TeamsManifest;
  const manifest = substitutePlaceholders(template, placeholderValuesFromEnv(env, defaultAppVersion));
  assertValidManifest(manifest, join(manifestDirectory, "schema"));

  const icons = readIcons(manifest, manifestDirectory);
  return {
    manifest,
    zip: zipTeamsPackage({ [MANIFEST_FILE_NAME]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`), ...icons }),
  };
}

export function zipTeamsPackage(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { level: 9 });
}

function assertValidManifest(manifest: TeamsManifest, schemaDirectory: string): void {
  const validation = createManifestValidator(loadManifestSchema(schemaDirectory, manifest.manifestVersion))(manifest);
  if (!validation.valid) {
    throw new TeamsPackageError(
      `manifest.json does not match the Teams ${manifest.manifestVersion} schema:\n` +
        validation.errors.map((error) => `  - ${error}`).join("\n"),
    );
  }
}

function readIcons(manifest: TeamsManifest, manifestDirectory: string): Record<string, Uint8Array> {
  const icons: Record<string, Uint8Array> = {};
  const problems: string[] = [];
  for (const kind of ["color", "outline"] as const) {
    const fileName = manifest.icons[kind];
    if (basename(fileName) !== fileName) {
      problems.push(`${kind} icon "${fileName}" must be a file name: Teams reads icons from the package root`);
      continue;
    }
    const path = join(manifestDirectory, fileName);
    if (!existsSync(path)) {
      problems.push(`${kind} icon ${fileName} is not in ${manifestDirectory}`);
      continue;
    }
    const bytes = readFileSync(path);
    problems.push(...iconProblems(kind, fileName, bytes));
    icons[fileName] = bytes;
  }
  if (problems.length > 0) throw new TeamsPackageError(`Icon problems:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  return icons;
}
