import { describe, expect, it } from "vitest";
import { formatCredential, hashSecret, newFollowUpCredentials, normalizeCredential, verifySecret } from "./follow-up-credentials.js";

describe("follow-up credentials", () => {
  it("makes fresh, unambiguous codes and secrets", () => {
    const a = newFollowUpCredentials();
    const b = newFollowUpCredentials();
    expect(a.code).toMatch(/^[A-HJKMNP-Z2-9]{12}$/);
    expect(a.secret).toMatch(/^[A-HJKMNP-Z2-9]{24}$/);
    expect(a.code).not.toBe(b.code);
    expect(a.secret).not.toBe(b.secret);
  });

  it("reads codes however they were typed", () => {
    expect(formatCredential("abcdefghjkmn")).toBe("ABCD-EFGH-JKMN");
    expect(normalizeCredential(" abcd-efgh jkmn ")).toBe("ABCDEFGHJKMN");
  });

  it("stores a salted slow hash that verifies only the right secret", async () => {
    const { secret } = newFollowUpCredentials();
    const stored = await hashSecret(secret);
    expect(stored).toMatch(/^scrypt:[0-9a-f]{32}:[0-9a-f]{64}$/);
    expect(stored).not.toContain(secret);
    expect(await hashSecret(secret)).not.toBe(stored);
    expect(await verifySecret(formatCredential(secret).toLowerCase(), stored)).toBe(true);
    expect(await verifySecret(newFollowUpCredentials().secret, stored)).toBe(false);
    expect(await verifySecret(secret, null)).toBe(false);
    expect(await verifySecret(secret, "garbage")).toBe(false);
  });
});
