import { describe, expect, it } from "vitest";
import { verifiedEmailOf } from "./teams-roster.js";

describe("the verified email of a Teams roster entry", () => {
  it("is the Entra email, else a user principal name that is an email address, else none", () => {
    expect(verifiedEmailOf({ email: "dana@example.com", userPrincipalName: "dana@example.onmicrosoft.com" })).toBe("dana@example.com");
    expect(verifiedEmailOf({ email: undefined, userPrincipalName: "dana@example.com" })).toBe("dana@example.com");
    expect(verifiedEmailOf({ email: "", userPrincipalName: "guest_partner.com#EXT#@example.onmicrosoft.com" })).toBeNull();
    expect(verifiedEmailOf({ email: "not an address", userPrincipalName: "dana" })).toBeNull();
  });
});
