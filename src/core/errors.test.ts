import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUnstorableText } from "./errors.js";

/** How Prisma 7 on the pg driver adapter reports a query PostgreSQL refused (shapes as seen from both databases). */
const prismaError = (cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid invocation"), {
    name: "PrismaClientKnownRequestError",
    code: "P2039",
    meta: { modelName: "AuditEvent", driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isUnstorableText", () => {
  it("recognises NUL refused in text, and a lone surrogate refused as invalid JSON for jsonb", () => {
    expect(isUnstorableText(prismaError({ originalCode: "22021", kind: "postgres", code: "22021", message: 'invalid byte sequence for encoding "UTF8": 0x00' }))).toBe(true);
    expect(isUnstorableText(prismaError({ originalCode: "22P02", kind: "InvalidInputValue", message: "invalid input syntax for type json" }))).toBe(true);
  });

  it("leaves other refusals and outages alone", () => {
    expect(isUnstorableText(prismaError({ originalCode: "22P02", kind: "InvalidInputValue", message: "invalid input syntax for type uuid" }))).toBe(false);
    expect(isUnstorableText(prismaError({ originalCode: "23505", kind: "postgres", code: "23505", message: "duplicate key" }))).toBe(false);
    expect(isUnstorableText(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(isDatabaseUnavailable(prismaError({ originalCode: "57P01", kind: "postgres", code: "57P01", message: "terminating connection" }))).toBe(true);
  });
});
