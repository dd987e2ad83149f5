import { randomUUID } from "node:crypto";
import type express from "express";

/** A file a person sent the bot in a personal chat, as its message attachment describes it. */
export interface FileAttachment {
  contentType: "application/vnd.microsoft.teams.file.download.info";
  name: string;
  contentUrl: string;
  content: { downloadUrl: string; uniqueId: string; fileType: string };
}

export interface FakeFileDownloads {
  /** A person sends a file: stored on the fake's SharePoint, described by the attachment Teams puts on the message. */
  attach(name: string, content: string | Buffer): FileAttachment;
  /** The pre-authenticated link stops working (they expire after about an hour). */
  expire(uniqueId: string): void;
  /** Every download, with the answer the fake gave. */
  gets: { uniqueId: string; status: number }[];
}

/**
 * Files sent to the bot in Teams, as SharePoint serves them: the attachment's `downloadUrl` carries its own
 * short-lived `tempauth` token and takes no Authorization header; a wrong or expired token gets 401, an unknown
 * file 404.
 */
export function mountFakeFileDownloads(app: express.Express, baseUrl: () => string): FakeFileDownloads {
  const files = new Map<string, { bytes: Buffer; token: string; expired: boolean }>();
  const gets: FakeFileDownloads["gets"] = [];
  app.get("/personal/download/:uniqueId", (req, res) => {
    const uniqueId = String(req.params.uniqueId);
    const answer = (status: number, body: Buffer | object) => {
      gets.push({ uniqueId, status });
      if (Buffer.isBuffer(body)) res.status(status).type("application/octet-stream").send(body);
      else res.status(status).json(body);
    };
    const file = files.get(uniqueId);
    if (!file) return answer(404, { error: { code: "itemNotFound" } });
    if (req.query.tempauth !== file.token || file.expired) return answer(401, { error: { code: "invalidAuthenticationToken" } });
    answer(200, file.bytes);
  });
  return {
    attach(name, content) {
      const uniqueId = randomUUID();
      const token = randomUUID();
      files.set(uniqueId, { bytes: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8"), token, expired: false });
      const fileType = name.includes(".") ? name.slice(name.lastIndexOf(".") + 1) : "";
      return {
        contentType: "application/vnd.microsoft.teams.file.download.info",
        name,
        contentUrl: `${baseUrl()}personal/Documents/Microsoft Teams Chat Files/${encodeURIComponent(name)}`,
        content: { downloadUrl: `${baseUrl()}personal/download/${uniqueId}?tempauth=${token}`, uniqueId, fileType },
      };
    },
    expire(uniqueId) {
      const file = files.get(uniqueId);
      if (file) file.expired = true;
    },
    gets,
  };
}
