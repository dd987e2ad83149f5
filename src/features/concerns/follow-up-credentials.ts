import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

/** Characters that cannot be mistaken for one another when copied by hand (no 0/O, 1/I/L). */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
const CODE_LENGTH = 12;
const SECRET_LENGTH = 24;
const KEY_LENGTH = 32;
/** 16 MiB and tens of milliseconds per guess; Node's default maxmem (32 MiB) allows it. */
const SCRYPT: ScryptOptions = { N: 2 ** 14, r: 8, p: 1 };

function randomText(length: number): string {
  return Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** Upper case without separators or spaces, so "abcd-efgh" and "ABCDEFGH" are the same code. */
export function normalizeCredential(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

/** Groups of four for reading and typing: ABCD-EFGH-JKMN. */
export function formatCredential(text: string): string {
  return normalizeCredential(text).match(/.{1,4}/g)?.join("-") ?? "";
}

export interface FollowUpCredentials {
  /** Identifies the case; stored as is. */
  code: string;
  /** Proves the holder filed it; only a slow hash is stored. */
  secret: string;
}

export function newFollowUpCredentials(): FollowUpCredentials {
  return { code: randomText(CODE_LENGTH), secret: randomText(SECRET_LENGTH) };
}

function derive(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(normalizeCredential(secret), salt, KEY_LENGTH, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** "scrypt:<salt hex>:<hash hex>". */
export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt:${salt.toString("hex")}:${(await derive(secret, salt)).toString("hex")}`;
}

/** Checked against a throwaway hash when the code is unknown, so both failures take the same time. */
let decoyHash: Promise<string> | undefined;

/** Constant-time check of a secret against its stored hash; a missing hash never matches but costs the same. */
export async function verifySecret(secret: string, stored: string | null): Promise<boolean> {
  decoyHash ??= hashSecret(randomText(SECRET_LENGTH));
  const effective = stored ?? (await decoyHash);
  const [scheme, saltHex, hashHex] = effective.split(":");
  if (scheme !== "scrypt" || !saltHex || !hashHex) return false;
  const expected = Buffer.from(hashHex, "hex");
  const actual = await derive(secret, Buffer.from(saltHex, "hex"));
  return timingSafeEqual(actual, expected) && stored !== null;
}

/** What the rate limiter counts attempts under: a hash of the code tried, whether or not it exists. */
export function codeKey(code: string): string {
  return createHash("sha256").update(`concern-follow-up:${normalizeCredential(code)}`).digest("hex");
}
