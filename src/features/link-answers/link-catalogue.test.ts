import { describe, expect, it } from "vitest";
import { LinkCatalogueError, linksIn, loadLinkCatalogue, parseLinkCatalogue } from "./link-catalogue.js";

describe("the catalogue of AI service domains", () => {
  it("ships a valid catalogue with the well-known services", async () => {
    const catalogue = await loadLinkCatalogue(undefined);
    expect(catalogue.domains()).toEqual(expect.arrayContaining(["chatgpt.com", "chat.openai.com", "claude.ai", "gemini.google.com", "copilot.microsoft.com", "perplexity.ai", "midjourney.com", "huggingface.co"]));
    expect(catalogue.match("https://claude.ai/chat/123")).toMatchObject({ tool: "Claude", vendor: "Anthropic" });
    expect(catalogue.match("https://www.perplexity.ai/search?q=x")?.tool).toBe("Perplexity");
    expect(catalogue.match("https://google.com/search")).toBeUndefined();
    expect(catalogue.match("https://notclaude.ai/")).toBeUndefined();
    expect(catalogue.match("mailto:someone@claude.ai")).toBeUndefined();
  });

  it("prefers the most specific domain", () => {
    const catalogue = parseLinkCatalogue("services:\n  - {domain: openai.com, tool: OpenAI, vendor: OpenAI}\n  - {domain: chat.openai.com, tool: ChatGPT, vendor: OpenAI}\n", "c.yaml");
    expect(catalogue.match("https://chat.openai.com/c/1")?.tool).toBe("ChatGPT");
    expect(catalogue.match("https://platform.openai.com/")?.tool).toBe("OpenAI");
  });

  it("stops start-up naming the file and line of every bad entry", () => {
    const text = "services:\n  - domain: claude.ai\n    tool: Claude\n    vendor: Anthropic\n  - domain: https://x.ai/\n    tool: Grok\n    vendor: xAI\n  - domain: claude.ai\n    tool: Claude again\n    vendor: Anthropic\n  - domain: poe.com\n    vendor: Quora\n";
    let error: unknown;
    try {
      parseLinkCatalogue(text, "mine.yaml");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LinkCatalogueError);
    const problems = (error as LinkCatalogueError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^mine\.yaml, line 5: service 2, domain must be a domain name/),
      "mine.yaml, line 8: claude.ai is listed twice (first at line 2)",
      expect.stringMatching(/^mine\.yaml, line 11: service 4, tool /),
    ]);
    expect(() => parseLinkCatalogue("services: [\n", "broken.yaml")).toThrow(/broken\.yaml, line \d/);
    expect(() => parseLinkCatalogue("services: []\n", "empty.yaml")).toThrow(/at least one service/);
  });

  it("finds links in Slack's and Teams' texts", () => {
    expect(linksIn("try <https://claude.ai/new|claude> and https://chatgpt.com/c/1, or <https://claude.ai/new>")).toEqual(["https://claude.ai/new", "https://chatgpt.com/c/1"]);
    expect(linksIn("no link here")).toEqual([]);
  });
});
