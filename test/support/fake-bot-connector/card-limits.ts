/** What Teams enforces on bot messages with Adaptive Cards: at most 28 KB per message, card version 1.5 or lower. */
export const TEAMS_MESSAGE_LIMIT_BYTES = 28 * 1024;
export const TEAMS_MAX_CARD_VERSION = "1.5";

const ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

function versionAbove(version: string, max: string): boolean {
  const [major, minor] = version.split(".").map(Number);
  const [maxMajor, maxMinor] = max.split(".").map(Number);
  return major > maxMajor || (major === maxMajor && minor > maxMinor);
}

export function cardProblems(card: unknown): string[] {
  const problems: string[] = [];
  const { type, version, body } = (card ?? {}) as { type?: unknown; version?: unknown; body?: unknown };
  if (type !== "AdaptiveCard") problems.push(`card type is ${String(type)}, not AdaptiveCard`);
  if (typeof version !== "string" || !/^\d+\.\d+$/.test(version)) problems.push(`card version ${String(version)} is not valid`);
  else if (versionAbove(version, TEAMS_MAX_CARD_VERSION)) problems.push(`card version ${version} is above ${TEAMS_MAX_CARD_VERSION}`);
  if (!Array.isArray(body)) problems.push("card has no body");
  return problems;
}

/** Why Teams would refuse this message activity, or [] when it would show it. */
export function messageProblems(activity: { attachments?: { contentType?: string; content?: unknown }[] }): {
  tooLarge: boolean;
  problems: string[];
} {
  const size = Buffer.byteLength(JSON.stringify(activity));
  const tooLarge = size > TEAMS_MESSAGE_LIMIT_BYTES;
  const problems = tooLarge ? [`message is ${size} bytes, over Teams' ${TEAMS_MESSAGE_LIMIT_BYTES}`] : [];
  for (const attachment of activity.attachments ?? []) {
    if (attachment.contentType === ADAPTIVE_CARD) problems.push(...cardProblems(attachment.content));
  }
  return { tooLarge, problems };
}
