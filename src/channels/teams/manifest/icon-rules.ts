import { readPngHeader } from "./png.js";

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

export type IconKind = "color" | "outline";

/**
 * Checks an icon against the Teams package rules: the colour icon is 192x192, the outline icon 32x32 and
 * transparent (so it needs an alpha channel). Returns the problems found, empty when the icon is fine.
 */
export function iconProblems(kind: IconKind, fileName: string, bytes: Uint8Array): string[] {
  let header: ReturnType<typeof readPngHeader>;
  try {
    header = readPngHeader(bytes);
  } catch (error) {
    return [`${kind} icon ${fileName}: ${(error as Error).message}`];
  }
  const expectedSize = kind === "color" ? COLOR_ICON_SIZE : OUTLINE_ICON_SIZE;
  const problems: string[] = [];
  if (header.width !== expectedSize || header.height !== expectedSize) {
    problems.push(
      `${kind} icon ${fileName} is ${header.width}x${header.height}, it must be ${expectedSize}x${expectedSize}`,
    );
  }
  if (kind === "outline" && !header.hasAlpha) {
    problems.push(`outline icon ${fileName} has no alpha channel; it must be white on a transparent background`);
  }
  return problems;
}
