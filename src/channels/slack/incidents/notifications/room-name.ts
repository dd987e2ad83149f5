import { randomBytes } from "node:crypto";

/** Slack channel names: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
export const CHANNEL_NAME_MAX = 80;

function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "");
}

function fitWithin(name: string, max: number): string {
  return name.slice(0, max).replace(/[-_]+$/, "");
}

/** e.g. "inc-0001-chatbot-gave-wrong-refund-rules", from the reference and the title. */
export function incidentRoomName(reference: string, title: string): string {
  return fitWithin([slug(reference), slug(title)].filter(Boolean).join("-"), CHANNEL_NAME_MAX);
}

/** The same name with a short random suffix, still within the limit: the one retry after `name_taken`. */
export function withSuffix(name: string, suffix = randomBytes(3).toString("hex")): string {
  return `${fitWithin(name, CHANNEL_NAME_MAX - suffix.length - 1)}-${suffix}`;
}
