import { describe, expect, it } from "vitest";
import { CHANNEL_NAME_MAX, incidentRoomName, withSuffix } from "./room-name.js";

const VALID = /^[a-z0-9_-]+$/;

describe("incident channel names", () => {
  it("joins the reference and the title in Slack's alphabet", () => {
    expect(incidentRoomName("INC-0001", "Chatbot gave WRONG refund rules!")).toBe("inc-0001-chatbot-gave-wrong-refund-rules");
    expect(incidentRoomName("INC-0002", "Modèle « scoring » biaisé — équipe RH")).toBe("inc-0002-modele-scoring-biaise-equipe-rh");
  });

  it("stays within 80 characters without a trailing hyphen", () => {
    const name = incidentRoomName("INC-0003", "word ".repeat(40));
    expect(name.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
    expect(name).toMatch(VALID);
    expect(name.endsWith("-")).toBe(false);
  });

  it("falls back to the reference when the title has no usable characters", () => {
    expect(incidentRoomName("INC-0004", "🔥🔥")).toBe("inc-0004");
  });

  it("adds a suffix for the retry, still within the limit", () => {
    const long = incidentRoomName("INC-0005", "x".repeat(100));
    const retried = withSuffix(long, "a1b2c3");
    expect(retried.length).toBeLessThanOrEqual(CHANNEL_NAME_MAX);
    expect(retried).toMatch(/-a1b2c3$/);
    expect(withSuffix("inc-0006-short")).toMatch(/^inc-0006-short-[a-f0-9]{6}$/);
  });
});
