import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startAims } from "../../../../src/app/app.js";
import { loadConfig } from "../../../../src/config/config.js";
import { createLogger } from "../../../../src/log/logger.js";

describe("an invalid catalogue of AI service domains", () => {
  it("stops start-up with a message naming the file and the line", async () => {
    const directory = await mkdtemp(join(tmpdir(), "aims-catalogue-"));
    const path = join(directory, "our-ai-services.yaml");
    await writeFile(path, "services:\n  - domain: claude.ai\n    tool: Claude\n    vendor: Anthropic\n  - domain: https://chatgpt.com/\n    tool: ChatGPT\n    vendor: OpenAI\n");
    const config = loadConfig({ NODE_ENV: "test", PORT: "0", DATA_DIR: directory, AIMS_LINK_CATALOGUE: path });
    await expect(startAims(config, { logger: createLogger("silent") })).rejects.toThrow(/our-ai-services\.yaml, line 5: service 2, domain must be a domain name/);
  });
});
