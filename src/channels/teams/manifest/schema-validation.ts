import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Ajv, type ErrorObject, type Options, type SchemaObject } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { TeamsPackageError } from "./placeholders.js";

export interface ManifestValidation {
  valid: boolean;
  /** One readable line a problem, such as `/bots/0/botId must match pattern "..."`. */
  errors: string[];
}

export type ManifestValidator = (manifest: unknown) => ManifestValidation;

/** The file under manifests/teams/schema/ that holds the schema of a manifest version, e.g. "1.22". */
export function schemaFileName(manifestVersion: string): string {
  return `MicrosoftTeams.schema.v${manifestVersion}.json`;
}

export function loadManifestSchema(schemaDirectory: string, manifestVersion: string): SchemaObject {
  const path = join(schemaDirectory, schemaFileName(manifestVersion));
  try {
    return JSON.parse(readFileSync(path, "utf8")) as SchemaObject;
  } catch (error) {
    throw new TeamsPackageError(
      `No usable Teams schema for manifestVersion "${manifestVersion}" at ${path}: ${(error as Error).message}`,
    );
  }
}

export function createManifestValidator(schema: SchemaObject): ManifestValidator {
  const ajv = ajvFor(schema);
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);
  return (manifest) => {
    const valid = validate(manifest);
    return { valid, errors: valid ? [] : describeErrors(validate.errors ?? []) };
  };
}

const OPTIONS: Options = { allErrors: true, strictTypes: false, strictTuples: false };

/** Picks the Ajv class that implements the draft named by the schema's `$schema`. */
function ajvFor(schema: SchemaObject): Ajv {
  const draft = String(schema.$schema ?? "http://json-schema.org/draft-07/schema#").replace(/#$/, "");
  switch (draft.replace(/^https?:/, "")) {
    case "//json-schema.org/draft/2020-12/schema":
      return new Ajv2020(OPTIONS);
    case "//json-schema.org/draft/2019-09/schema":
      return new Ajv2019(OPTIONS);
    case "//json-schema.org/draft-07/schema":
      return new Ajv(OPTIONS);
    case "//json-schema.org/draft-06/schema": {
      const ajv = new Ajv(OPTIONS);
      ajv.addMetaSchema(createRequire(import.meta.url)("ajv/dist/refs/json-schema-draft-06.json") as SchemaObject);
      return ajv;
    }
    case "//json-schema.org/draft-04/schema":
      return draft04Ajv(schema);
    default:
      throw new TeamsPackageError(`The Teams schema declares an unsupported JSON Schema draft: ${draft}`);
  }
}

/**
 * Ajv 8 has no draft-04 class of its own (that lives in the separate ajv-draft-04 package). The Teams schemas
 * declare draft-04 but already use draft-06 keywords such as `const`, and draft-04 differs from draft-07 in
 * validation only through boolean `exclusiveMinimum`/`exclusiveMaximum` and the `id` keyword. So a draft-04
 * schema is validated by the draft-07 engine after checking that it uses neither; its meta-schema is not
 * loaded, hence `validateSchema: false`.
 */
function draft04Ajv(schema: SchemaObject): Ajv {
  const differences = draft04OnlyKeywords(schema, "#");
  if (differences.length > 0) {
    throw new TeamsPackageError(
      `The draft-04 Teams schema uses keywords whose meaning changed after draft-04 (${differences.join(", ")}); ` +
        "validate it with the ajv-draft-04 package instead.",
    );
  }
  return new Ajv({ ...OPTIONS, validateSchema: false });
}

const SUBSCHEMA_MAPS = ["properties", "patternProperties", "definitions", "dependencies"];
const SUBSCHEMAS = ["items", "additionalItems", "additionalProperties", "not", "allOf", "anyOf", "oneOf"];

function draft04OnlyKeywords(schema: unknown, path: string): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => draft04OnlyKeywords(item, `${path}/${index}`));
  if (schema === null || typeof schema !== "object") return [];
  const node = schema as Record<string, unknown>;
  const found = ["exclusiveMinimum", "exclusiveMaximum"]
    .filter((keyword) => typeof node[keyword] === "boolean")
    .map((keyword) => `${path}/${keyword}`);
  if (typeof node.id === "string") found.push(`${path}/id`);
  for (const keyword of SUBSCHEMAS) {
    if (keyword in node) found.push(...draft04OnlyKeywords(node[keyword], `${path}/${keyword}`));
  }
  for (const keyword of SUBSCHEMA_MAPS) {
    const map = node[keyword];
    if (map === null || typeof map !== "object") continue;
    for (const [name, subschema] of Object.entries(map)) {
      found.push(...draft04OnlyKeywords(subschema, `${path}/${keyword}/${name}`));
    }
  }
  return found;
}

function describeErrors(errors: ErrorObject[]): string[] {
  return [...new Set(errors.map(describeError))];
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath === "" ? "manifest" : error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `${where} is missing the required property "${String(params.missingProperty)}"`;
    case "additionalProperties":
      return `${where} has a property the schema does not allow: "${String(params.additionalProperty)}"`;
    case "const":
      return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    case "enum":
      return `${where} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return `${where} ${error.message ?? `fails ${error.keyword}`}`;
  }
}
