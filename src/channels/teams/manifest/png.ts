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
