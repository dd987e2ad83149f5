import { normalizeCredential } from "../follow-up-credentials.js";

const FOLLOW_UP = /^follow-?up\b/i;

/**
 * What `concern …` asks for, in both chats: the form, or the follow-up of an anonymous concern by its case code
 * (`code` empty when none was given). Each channel answers it itself, with its own anonymity guards.
 */
export type ConcernRequest = { kind: "form" } | { kind: "followUp"; code: string };

export function readConcernCommand(rest: string): ConcernRequest {
  const words = rest.trim();
  return FOLLOW_UP.test(words) ? { kind: "followUp", code: normalizeCredential(words.replace(FOLLOW_UP, "")) } : { kind: "form" };
}
