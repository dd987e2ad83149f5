import { open } from "node:fs/promises";

/**
 * OneDrive upload sessions take a file in ranges whose sizes are multiples of 320 KiB (the last may be shorter), at most
 * 60 MiB per request; 5 MiB keeps memory flat for any pack size.
 */
export const UPLOAD_CHUNK_BYTES = 16 * 320 * 1024;
const ATTEMPTS = 4;
const RETRIED = new Set([429, 500, 502, 503, 504]);

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export interface UploadOptions {
  chunkBytes?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Uploads a file to the pre-authenticated upload URL Teams hands the bot when someone accepts a file (a OneDrive
 * upload session: no Authorization header, one PUT per range). Throttling and server errors are retried per range.
 */
export async function uploadToSession(uploadUrl: string, filePath: string, options: UploadOptions = {}): Promise<void> {
  const chunkBytes = options.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  const file = await open(filePath, "r");
  try {
    const { size } = await file.stat();
    for (let start = 0; start < size; start += chunkBytes) {
      const chunk = Buffer.alloc(Math.min(chunkBytes, size - start));
      await file.read(chunk, 0, chunk.length, start);
      await putRange(uploadUrl, chunk, start, size, options.sleep ?? wait);
    }
  } finally {
    await file.close();
  }
}

async function putRange(uploadUrl: string, chunk: Buffer, start: number, total: number, sleep: (ms: number) => Promise<void>) {
  const headers = { "content-length": String(chunk.length), "content-range": `bytes ${start}-${start + chunk.length - 1}/${total}` };
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(uploadUrl, { method: "PUT", headers, body: chunk });
    await response.body?.cancel();
    if (response.ok) return;
    if (attempt >= ATTEMPTS || !RETRIED.has(response.status)) {
      throw new UploadError(`OneDrive refused bytes ${start}-${start + chunk.length - 1} with HTTP ${response.status}`, response.status);
    }
    const retryAfter = Number(response.headers.get("retry-after"));
    await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 500 * 2 ** (attempt - 1));
  }
}
