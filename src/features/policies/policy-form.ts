import { createHash } from "node:crypto";
import { z } from "zod";
import { parseFormFields } from "../../core/form-fields.js";

export const POLICY_LIMITS = { title: 120, summary: 600, body: 20_000, chatBody: 3_000 } as const;

/** The publish form's fields, in the order both chats show them. */
export const POLICY_FIELDS = ["title", "summary", "body", "requiresAcknowledgement"] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

/** The checkbox that says everyone must accept this version again. */
export const ACCEPT_AGAIN = "again";

const text = (label: string, max: number, empty: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .refine((value) => value.length > 0, empty)
    .refine((value) => value.length <= max, `${label} must be at most ${max.toLocaleString("en")} characters`);

export const policySchema = (bodyLimit: number = POLICY_LIMITS.body) =>
  z.object({
    title: text("The title", POLICY_LIMITS.title, "Give the document a title, such as “AI policy”"),
    summary: text("The summary", POLICY_LIMITS.summary, "Write a short summary: it is what people read first"),
    body: text("The document", bodyLimit, "The document is empty: paste its text (Markdown)"),
    requiresAcknowledgement: z
      .union([z.array(z.string()), z.string(), z.boolean()])
      .optional()
      .transform((value) => value === true || value === ACCEPT_AGAIN || (Array.isArray(value) && value.includes(ACCEPT_AGAIN))),
  });

export type PolicyInput = z.output<ReturnType<typeof policySchema>>;

export function parsePolicyForm(raw: unknown, bodyLimit?: number) {
  return parseFormFields<ReturnType<typeof policySchema>, PolicyField>(policySchema(bodyLimit), raw);
}

/** The hash a version is stored and accepted under: the sha256 of its title, summary and text. */
export function versionHash(input: Pick<PolicyInput, "title" | "summary" | "body">): string {
  return createHash("sha256").update(`${input.title}\n\n${input.summary}\n\n${input.body}`).digest("hex");
}

/**
 * A Markdown file as a document: the title is its first `# ` heading, the summary the first paragraph after it
 * (unless given), the text everything after the heading.
 */
export function documentFromMarkdown(markdown: string, summary?: string): { title: string; summary: string; body: string } {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  const headingAt = lines.findIndex((line) => /^#\s+\S/.test(line));
  const title = headingAt >= 0 ? lines[headingAt]!.replace(/^#\s+/, "").trim() : "";
  const body = (headingAt >= 0 ? lines.slice(headingAt + 1) : lines).join("\n").trim();
  const firstParagraph = body.split(/\n\s*\n/).find((paragraph) => paragraph.trim() && !paragraph.trim().startsWith("#"))?.trim() ?? "";
  return { title, summary: (summary ?? firstParagraph.replace(/\s+/g, " ")).slice(0, POLICY_LIMITS.summary), body };
}
