import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../evidence/support/run-cli.js";
import { createTestDatabase, type TestDatabase } from "../support/test-database.js";

let db: TestDatabase;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase({ migrated: true });
  dir = await mkdtemp(join(tmpdir(), "aims-policy-"));
});
afterAll(async () => {
  await db?.drop().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("npm run policy:publish -- FILE", () => {
  it("refuses an empty document, publishes a Markdown file as version 1, and publishes nothing for the same text", async () => {
    const empty = join(dir, "empty.md");
    await writeFile(empty, "# AI policy\n\n");
    const refused = await runCli("policy-publish", [empty], db.url);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toContain("Write a short summary");
    expect(refused.stderr).toContain("The document is empty");

    const file = join(dir, "ai-policy.md");
    await writeFile(file, "# AI policy\n\nWe use AI responsibly and only with approved tools.\n\n## Data\n\nNo customer data in unapproved tools.\n");
    const published = await runCli("policy-publish", [file], db.url);
    expect(published.stderr).toBe("");
    expect(published.code).toBe(0);
    expect(published.stdout).toMatch(/Published AI policy version 1 \(sha256 [0-9a-f]{64}\)/);

    const again = await runCli("policy-publish", [file], db.url);
    expect(again.stdout).toContain("AI policy version 1 already has exactly this text");

    await writeFile(file, "# AI policy\n\nWe use AI responsibly.\n\n## Data\n\nNo personal data in any AI tool.\n");
    const second = await runCli("policy-publish", [file, "--again", "--summary", "Stricter rules on personal data."], db.url);
    expect(second.stdout).toContain("Published AI policy version 2");

    const missing = await runCli("policy-publish", [join(dir, "nope.md")], db.url);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain("no such file");
  }, 120_000);
});
