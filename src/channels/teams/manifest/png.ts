import { crc32, deflateSync } from "node:zlib";

const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** PNG colour types that carry an alpha channel (greyscale+alpha, truecolour+alpha). */
const COLOUR_TYPES_WITH_ALPHA = new Set([4, 6]);

export interface PngHeader {
  width: number;
  height: number;
  hasAlpha: boolean;
}

/** Reads width, height and alpha support from a PNG's IHDR chunk, which the format requires to come first. */
export function readPngHeader(bytes: Uint8Array): PngHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hasSignature = bytes.length >= 29 && PNG_SIGNATURE.every((byte, index) => bytes[index] === byte);
  const firstChunkType = hasSignature ? String.fromCharCode(...bytes.subarray(12, 16)) : "";
  if (firstChunkType !== "IHDR") throw new Error("not a PNG file (missing PNG signature or IHDR chunk)");
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    hasAlpha: COLOUR_TYPES_WITH_ALPHA.has(bytes[25]),
  };
}

/** Encodes 8-bit RGBA pixels (row by row, 4 bytes a pixel) as a PNG. */
export function encodeRgbaPng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const rowBytes = width * 4;
  if (rgba.length !== rowBytes * height) throw new Error(`expected ${rowBytes * height} bytes of RGBA, got ${rgba.length}`);
  const filtered = new Uint8Array((rowBytes + 1) * height);
  for (let row = 0; row < height; row++) {
    // Each scanline starts with its filter type; 0 means "none".
    filtered.set(rgba.subarray(row * rowBytes, (row + 1) * rowBytes), row * (rowBytes + 1) + 1);
  }
  const header = new Uint8Array(13);
  const headerView = new DataView(header.buffer);
  headerView.setUint32(0, width);
  headerView.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, adaptive filtering, no interlace
  return concat([
    PNG_SIGNATURE,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(filtered, { level: 9 })),
    chunk("IEND", new Uint8Array(0)),
  ]);
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const typeAndData = concat([new TextEncoder().encode(type), data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typeAndData, 4);
  view.setUint32(8 + data.length, crc32(typeAndData));
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
