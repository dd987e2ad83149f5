/** Fails packaging with a message meant for the person running `npm run teams:package`. */
export class TeamsPackageError extends Error {
  override name = "TeamsPackageError";
}

/** Values for the `${{NAME}}` placeholders in manifests/teams/manifest.json. */
export type PlaceholderValues = Record<string, string>;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOSTNAME = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;
// Teams accepts only major.minor.patch, without pre-release or build parts.
const APP_VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const PLACEHOLDER = /\$\{\{([A-Z0-9_]+)\}\}/g;

/**
 * Reads the placeholder values from the environment.
 * MICROSOFT_APP_ID (the bot's Entra app id) and BOT_DOMAIN (the public host name of the bot) are required;
 * TEAMS_APP_ID defaults to MICROSOFT_APP_ID and TEAMS_APP_VERSION to `defaultAppVersion`.
 */
export function placeholderValuesFromEnv(env: NodeJS.ProcessEnv, defaultAppVersion: string): PlaceholderValues {
  const microsoftAppId = required(env, "MICROSOFT_APP_ID", "the bot's Microsoft (Entra ID) application id");
  expectFormat("MICROSOFT_APP_ID", microsoftAppId, GUID, "a GUID such as 00000000-0000-0000-0000-000000000000");
  const teamsAppId = optional(env, "TEAMS_APP_ID") ?? microsoftAppId;
  expectFormat("TEAMS_APP_ID", teamsAppId, GUID, "a GUID such as 00000000-0000-0000-0000-000000000000");
  const botDomain = required(env, "BOT_DOMAIN", "the public host name of the bot, such as aims.example.com");
  expectFormat("BOT_DOMAIN", botDomain, HOSTNAME, "a host name without scheme, port or path, such as aims.example.com");
  const appVersion = optional(env, "TEAMS_APP_VERSION") ?? defaultAppVersion;
  expectFormat("TEAMS_APP_VERSION", appVersion, APP_VERSION, "a version such as 1.2.3");
  return {
    MICROSOFT_APP_ID: microsoftAppId,
    TEAMS_APP_ID: teamsAppId,
    BOT_DOMAIN: botDomain,
    TEAMS_APP_VERSION: appVersion,
  };
}

/**
 * Replaces every `${{NAME}}` inside the string values of a parsed JSON document.
 * Working on parsed values (not raw text) means a value can never break the JSON syntax.
 */
export function substitutePlaceholders<T>(document: T, values: PlaceholderValues): T {
  const missing = new Set<string>();
  const substitute = (node: unknown): unknown => {
    if (typeof node === "string") {
      return node.replace(PLACEHOLDER, (match, name: string) => {
        if (Object.hasOwn(values, name)) return values[name];
        missing.add(name);
        return match;
      });
    }
    if (Array.isArray(node)) return node.map(substitute);
    if (node !== null && typeof node === "object") {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, substitute(value)]));
    }
    return node;
  };
  const result = substitute(document) as T;
  if (missing.size > 0) {
    throw new TeamsPackageError(`manifest.json uses placeholders with no value: ${[...missing].join(", ")}`);
  }
  return result;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function required(env: NodeJS.ProcessEnv, name: string, meaning: string): string {
  const value = optional(env, name);
  if (!value) throw new TeamsPackageError(`${name} is not set: it must be ${meaning}.`);
  return value;
}

function expectFormat(name: string, value: string, format: RegExp, expected: string): void {
  if (!format.test(value)) throw new TeamsPackageError(`${name} is "${value}", but it must be ${expected}.`);
}
