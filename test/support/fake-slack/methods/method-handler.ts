import type { FakeSocketMode } from "../socket-mode.js";
import type { Json, WorkspaceState } from "../workspace-state.js";

/** A refusal answered as `{ ok: false, error: code, ...extra }`. */
export class SlackApiError extends Error {
  constructor(
    readonly code: string,
    readonly extra: Json = {},
  ) {
    super(code);
  }
}

export interface MethodContext {
  state: WorkspaceState;
  /** Base URL of the fake, e.g. "http://127.0.0.1:4321" (no trailing slash). */
  baseUrl: string;
  socketMode: FakeSocketMode;
}

export type MethodHandler = (args: Json, context: MethodContext) => Json | Promise<Json>;

export function invalidArguments(...messages: string[]): SlackApiError {
  return new SlackApiError("invalid_arguments", {
    response_metadata: { messages: messages.map((message) => `[ERROR] ${message}`) },
  });
}

/** A required string argument, or the given Slack error when it is missing or empty. */
export function requireString(args: Json, name: string, errorCode?: string): string {
  const value = args[name];
  if (value === undefined || value === null || String(value) === "") {
    throw errorCode ? new SlackApiError(errorCode) : invalidArguments(`missing required field: ${name}`);
  }
  return String(value);
}

export function optionalString(args: Json, name: string): string | undefined {
  const value = args[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** Slack takes user lists as comma-separated strings; arrays (JSON bodies) are accepted too. */
export function userIdList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(String) : String(value ?? "").split(",");
  return items.map((item) => item.trim()).filter((item) => item !== "");
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
