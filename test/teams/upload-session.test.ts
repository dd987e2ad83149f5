import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadToSession, UploadError } from "../../src/channels/teams/files/upload-session.js";
import { RANGE_MULTIPLE, startFakeBotConnector, type FakeBotConnector } from "../support/fake-bot-connector/index.js";

let connector: FakeBotConnector;
let dir: string;
let file: string;
const bytes = randomBytes(3 * RANGE_MULTIPLE + 12_345);
const noWait = async () => undefined;

beforeAll(async () => {
  connector = await startFakeBotConnector();
  dir = await mkdtemp(path.join(os.tmpdir(), "upload-session-"));
  file = path.join(dir, "pack.zip");
  await writeFile(file, bytes);
});
afterAll(async () => {
  await connector?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("uploading a file to a OneDrive upload session", () => {
  it("sends the file in order, in ranges of multiples of 320 KiB, and OneDrive gets every byte", async () => {
    const session = connector.uploads.create("pack.zip");
    await uploadToSession(session.uploadUrl, file, { chunkBytes: RANGE_MULTIPLE, sleep: noWait });
    expect(connector.uploads.completed(session.uniqueId)?.equals(bytes)).toBe(true);
    expect(connector.uploads.puts.filter((put) => put.uniqueId === session.uniqueId).map((put) => put.status)).toEqual([202, 202, 202, 201]);
  });

  it("retries a range that OneDrive throttles or fails for a moment", async () => {
    const session = connector.uploads.create("pack.zip");
    connector.uploads.failNext(503);
    connector.uploads.failNext(429);
    await uploadToSession(session.uploadUrl, file, { sleep: noWait });
    expect(connector.uploads.completed(session.uniqueId)?.equals(bytes)).toBe(true);
  });

  it("gives up with the status when OneDrive refuses the upload", async () => {
    const session = connector.uploads.create("pack.zip");
    connector.uploads.failNext(403);
    await expect(uploadToSession(session.uploadUrl, file, { sleep: noWait })).rejects.toThrow(UploadError);
    expect(connector.uploads.completed(session.uniqueId)).toBeUndefined();
  });
});
