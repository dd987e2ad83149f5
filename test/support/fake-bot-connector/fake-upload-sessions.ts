import express from "express";

/** OneDrive takes ranges in multiples of 320 KiB; only the last one may be shorter. */
export const RANGE_MULTIPLE = 320 * 1024;

export interface UploadInfo {
  name: string;
  uploadUrl: string;
  contentUrl: string;
  uniqueId: string;
  fileType: string;
}

export interface FakeUploadSessions {
  /** What Teams puts in `uploadInfo` when the person allows a file: a fresh upload session. */
  create(name: string): UploadInfo;
  /** The whole file once its last range arrived, else undefined. */
  completed(uniqueId: string): Buffer | undefined;
  /** Every PUT, in order, with the answer the fake gave. */
  puts: { uniqueId: string; range: string; status: number }[];
  /** The next `times` PUTs answer `status` without taking effect. */
  failNext(status: number, times?: number): void;
}

/**
 * OneDrive upload sessions as Teams hands them to a bot: PUT byte ranges in order with Content-Range, no
 * Authorization header; 202 until the last range, then 201 with the drive item. Out-of-order or badly sized ranges
 * get 416, as OneDrive answers them.
 */
export function mountFakeUploadSessions(app: express.Express, baseUrl: () => string): FakeUploadSessions {
  const sessions = new Map<string, { name: string; chunks: Buffer[]; received: number; done: boolean }>();
  const failures: number[] = [];
  const puts: FakeUploadSessions["puts"] = [];
  let counter = 0;

  app.put("/upload/:uniqueId", express.raw({ type: () => true, limit: "70mb" }), (req, res) => {
    const uniqueId = String(req.params.uniqueId);
    const range = String(req.headers["content-range"] ?? "");
    const answer = (status: number, body: object) => {
      puts.push({ uniqueId, range, status });
      res.status(status).json(body);
    };
    const session = sessions.get(uniqueId);
    if (!session) return answer(404, { error: { code: "itemNotFound" } });
    if (req.headers.authorization) return answer(401, { error: { code: "unauthenticated", message: "upload URLs take no Authorization header" } });
    const failure = failures.shift();
    if (failure) return answer(failure, { error: { code: "injected" } });
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(range);
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!match) return answer(400, { error: { code: "invalidRange" } });
    const [start, end, total] = match.slice(1).map(Number);
    const isLast = end === total - 1;
    const badSize = body.length !== end - start + 1 || (!isLast && body.length % RANGE_MULTIPLE !== 0);
    if (session.done || start !== session.received || badSize) return answer(416, { error: { code: "invalidRange" }, nextExpectedRanges: [`${session.received}-`] });
    session.chunks.push(body);
    session.received = end + 1;
    if (!isLast) return answer(202, { nextExpectedRanges: [`${session.received}-`] });
    session.done = true;
    return answer(201, { id: uniqueId, name: session.name, size: total });
  });

  return {
    create(name) {
      const uniqueId = `FAKE-${++counter}-${Date.now()}`;
      sessions.set(uniqueId, { name, chunks: [], received: 0, done: false });
      return {
        name,
        uploadUrl: `${baseUrl()}upload/${uniqueId}`,
        contentUrl: `https://contoso.sharepoint.com/personal/owner/Documents/Applications/${name}`,
        uniqueId,
        fileType: name.split(".").pop() ?? "",
      };
    },
    completed(uniqueId) {
      const session = sessions.get(uniqueId);
      return session?.done ? Buffer.concat(session.chunks) : undefined;
    },
    puts,
    failNext(status, times = 1) {
      for (let i = 0; i < times; i++) failures.push(status);
    },
  };
}
