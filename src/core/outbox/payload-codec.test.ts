import { describe, expect, it } from "vitest";
import { decodePayload, encodePayload } from "./payload-codec.js";

describe("outbox payload codec", () => {
  it("brings back dates, nested in objects and arrays, through JSON", () => {
    const payload = { request: { reference: "REQ-0001", createdAt: new Date("2026-12-01T09:00:00.000Z"), tags: ["a", null] }, at: [new Date(0)], n: 3 };
    const roundTripped = decodePayload(JSON.parse(JSON.stringify(encodePayload(payload))));
    expect(roundTripped).toEqual(payload);
    expect((roundTripped as typeof payload).request.createdAt).toBeInstanceOf(Date);
  });

  it("leaves an object that only looks like a date alone unless it is exactly one $date string", () => {
    expect(decodePayload({ $date: 5 })).toEqual({ $date: 5 });
    expect(decodePayload({ $date: "x", other: 1 })).toEqual({ $date: "x", other: 1 });
  });
});
