import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { Zip, ZipDeflate } from "fflate";

/** Every file under `folder`, as paths relative to it with "/" separators, sorted. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/**
 * Zips a folder into `zipPath`, one file at a time and one chunk at a time (fflate's streaming Zip), waiting for the
 * disk whenever it falls behind. Entries are named `<rootName>/<relative path>`.
 */
export async function zipFolder(folder: string, zipPath: string, rootName: string, onFile?: (name: string) => void): Promise<void> {
  const out = createWriteStream(zipPath);
  await once(out, "open");
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failure = error;
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  const drained = async () => {
    if (failure) throw failure;
    if (out.writableNeedDrain) await once(out, "drain");
  };

  for (const relative of await listFiles(folder)) {
    onFile?.(relative);
    const entry = new ZipDeflate(`${rootName}/${relative}`, { level: 6 });
    zip.add(entry);
    for await (const chunk of createReadStream(path.join(folder, relative), { highWaterMark: 256 * 1024 })) {
      entry.push(chunk as Uint8Array);
      await drained();
    }
    entry.push(new Uint8Array(0), true);
    await drained();
  }
  zip.end();
  if (failure) throw failure;
  if (!out.writableFinished) await once(out, "finish");
}
