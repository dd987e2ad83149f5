import { describe, expect, it } from "vitest";
import { documentFromMarkdown, parsePolicyForm, versionHash } from "./policy-form.js";

describe("policy documents", () => {
  it("reads the title from the first heading and the summary from the first paragraph", () => {
    const document = documentFromMarkdown("# AI policy\r\n\r\nWe use AI\r\nresponsibly.\r\n\r\n## Data\r\n\r\nNone in unapproved tools.\r\n");
    expect(document).toEqual({ title: "AI policy", summary: "We use AI responsibly.", body: "We use AI\nresponsibly.\n\n## Data\n\nNone in unapproved tools." });
    expect(documentFromMarkdown("# T\n\nText", "Given").summary).toBe("Given");
  });

  it("explains an empty document, a missing title and summary, and a text too long for chat", () => {
    const parsed = parsePolicyForm({ title: " ", summary: "", body: "  " });
    expect(parsed).toEqual({ ok: false, errors: expect.objectContaining({ body: "The document is empty: paste its text (Markdown)", title: expect.stringContaining("title") }) });
    const long = parsePolicyForm({ title: "T", summary: "S", body: "x".repeat(3001) }, 3000);
    expect(long).toMatchObject({ ok: false, errors: { body: "The document must be at most 3,000 characters" } });
  });

  it("hashes title, summary and text: any change makes another version", () => {
    const base = { title: "AI policy", summary: "S", body: "B" };
    expect(versionHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(versionHash({ ...base, body: "B." })).not.toBe(versionHash(base));
    expect(versionHash({ ...base })).toBe(versionHash(base));
  });
});
