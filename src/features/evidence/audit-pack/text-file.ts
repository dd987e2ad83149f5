import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

/** A file written piece by piece that waits whenever the disk falls behind, so memory stays bounded. */
export class TextFile {
  private constructor(private readonly stream: WriteStream) {}

  static async create(filePath: string): Promise<TextFile> {
    await mkdir(path.dirname(filePath), { recursive: true });
    const stream = createWriteStream(filePath, { encoding: "utf8" });
    await once(stream, "open");
    return new TextFile(stream);
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}

export async function writeTextFile(filePath: string, text: string): Promise<void> {
  const file = await TextFile.create(filePath);
  await file.write(text);
  await file.close();
}
