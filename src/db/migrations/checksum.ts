import { createHash } from "node:crypto";

/** Prisma's migration checksum: lowercase, zero-padded SHA-256 hex of the script text. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/**
 * Mirrors prisma-engines `script_matches_checksum`: a checkout with different line endings
 * (git autocrlf) still matches, and so do checksums written by old engines that dropped the
 * leading zero of each hex byte.
 */
export function scriptMatchesChecksum(script: string, recorded: string): boolean {
  const variants = [script, script.replaceAll("\r\n", "\n"), script.replaceAll("\n", "\r\n")];
  return variants.some((variant) => {
    const digest = createHash("sha256").update(variant, "utf8").digest();
    const rendered = recorded.length === 64 ? digest.toString("hex") : unpaddedHex(digest);
    return rendered === recorded;
  });
}

function unpaddedHex(bytes: Buffer): string {
  return [...bytes].map((byte) => byte.toString(16)).join("");
}
