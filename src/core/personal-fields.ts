import { createHash, randomBytes } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/**
 * The keys of audit snapshots (`before`/`after`, at any depth) whose values identify or describe a person: chat ids,
 * names, emails, "channel:id" references and people-valued objects. The one list the chain commits to per field, so
 * that erasure (GDPR Art. 17) and retention can remove these values later while the event's hash still checks.
 * A key not listed stays hashed as it is and can never be erased: add a key here before recording a new one.
 */
export const PERSONAL_KEYS: ReadonlySet<string> = new Set([
  "actorId",
  "assessorId",
  "assessorName",
  "assignee",
  "assigneeId",
  "assigneeName",
  "auditorId",
  "auditorName",
  "authorId",
  "authorName",
  "closedById",
  "closedByName",
  "completedById",
  "createdById",
  "decidedById",
  "decidedByName",
  "deciderId",
  "deciderName",
  "delegateId",
  "delegateName",
  "delegatorId",
  "delegatorName",
  "email",
  "endedBy",
  "externalId",
  "grantedBy",
  "linkReason",
  "name",
  "onBehalfOfId",
  "onBehalfOfName",
  "organiserId",
  "organiserName",
  "owner",
  "ownerId",
  "ownerName",
  "plannedById",
  "quotedAuthorId",
  "recordedById",
  "reporterId",
  "reporterName",
  "requesterId",
  "requesterName",
  "reviewerId",
  "reviewerName",
]);

/**
 * The key under which an erasure's own audit event lists what it erased (event id → paths), so verification can
 * tell an erasure from an edit that removed a salt.
 */
export const ERASED_FIELDS_KEY = "erasedFields";

/** Per personal field (by path, e.g. "after/requesterName"): its commitment and, until erased, the salt behind it. */
export type PersonalFields = Record<string, { c: string; s?: string }>;

type Json = unknown;
type Path = readonly (string | number)[];

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export const encodePath = (path: Path) => path.map((segment) => String(segment).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const decodePath = (path: string) => path.split("/").map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));

/** What the chain hashes for one personal value: erasing the value and its salt leaves this checkable. */
export function fieldCommitment(salt: string, path: string, value: Json): string {
  return sha256(`${salt}:${path}:${canonicalJson(value)}`);
}

/** Every non-null value under a personal key of the snapshots, by path; a personal key's value is not looked into. */
export function personalValues(snapshots: { before: Json; after: Json }): Map<string, Json> {
  const found = new Map<string, Json>();
  const walk = (value: Json, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) walk(item, [...path, index]);
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (PERSONAL_KEYS.has(key) && child !== null && child !== undefined) found.set(encodePath([...path, key]), child);
        else walk(child, [...path, key]);
      }
    }
  };
  walk(snapshots.before, ["before"]);
  walk(snapshots.after, ["after"]);
  return found;
}

/** Salts and commits every personal value of new snapshots; null when they hold none. */
export function commitPersonalFields(snapshots: { before: Json; after: Json }): PersonalFields | null {
  const fields: PersonalFields = {};
  for (const [path, value] of personalValues(snapshots)) {
    const salt = randomBytes(16).toString("hex");
    fields[path] = { c: fieldCommitment(salt, path, value), s: salt };
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

export function valueAt(snapshots: { before: Json; after: Json }, path: string): Json {
  let value: Json = snapshots;
  for (const segment of decodePath(path)) value = value && typeof value === "object" ? (value as Record<string, Json>)[segment] : undefined;
  return value;
}

/** A copy of the snapshots with `replace` applied at each path (one level of copying per step). */
export function withValuesAt<T extends { before: Json; after: Json }>(snapshots: T, paths: Iterable<string>, replace: (value: Json, path: string) => Json): T {
  const copy = structuredClone(snapshots);
  for (const path of paths) {
    const segments = decodePath(path);
    let parent: Json = copy;
    for (const segment of segments.slice(0, -1)) parent = parent && typeof parent === "object" ? (parent as Record<string, Json>)[segment] : undefined;
    if (!parent || typeof parent !== "object") continue;
    const key = segments.at(-1)!;
    (parent as Record<string, Json>)[key] = replace((parent as Record<string, Json>)[key], path);
  }
  return copy;
}

/** The field commitments alone (salts left out): what the hash covers, and what erasure must leave unchanged. */
export function commitmentsOf(fields: PersonalFields | null): Record<string, string> | null {
  if (!fields) return null;
  return Object.fromEntries(Object.entries(fields).map(([path, field]) => [path, field.c]));
}

/** A path whose salt is still there must hold the value committed to; erased paths (no salt) are not checked. */
export function personalFieldProblem(snapshots: { before: Json; after: Json }, fields: PersonalFields | null): string | null {
  for (const [path, field] of Object.entries(fields ?? {})) {
    if (field.s === undefined) continue;
    if (fieldCommitment(field.s, path, valueAt(snapshots, path) ?? null) !== field.c) return `the personal field ${path} does not match the value the event committed to`;
  }
  return null;
}
