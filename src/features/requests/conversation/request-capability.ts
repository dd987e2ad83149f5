import type { Capability, Turn } from "../../../conversation/capability.js";
import { type Reply, tell } from "../../../conversation/reply.js";
import type { RequestService } from "../request-service.js";
import { REQUEST_WORDING as W } from "./request-wording.js";

type Services = { requests: RequestService };

/** "REQ-0001 the rest" → the reference (upper-cased) and the rest, or null without a reference. */
function referenceAndRest(text: string): { reference: string; rest: string } | null {
  const match = /^\s*(req-\d{1,9})\b\s*([\s\S]*)$/i.exec(text);
  return match ? { reference: match[1]!.toUpperCase(), rest: match[2]!.trim() } : null;
}

async function withdraw(turn: Turn<Services>, rest: string): Promise<Reply> {
  const target = referenceAndRest(rest);
  if (!target) return tell(W.withdrawUsage);
  const result = await turn.services.requests.withdraw(turn.actor, target.reference);
  return tell(result.kind === "done" ? W.withdrawn(target.reference) : result.message);
}

async function reopen(turn: Turn<Services>, rest: string): Promise<Reply> {
  const target = referenceAndRest(rest);
  if (!target) return tell(W.reopenUsage);
  const result = await turn.services.requests.reopen(turn.actor, target.reference, target.rest);
  return tell(result.kind === "done" ? W.reopened(target.reference) : result.message);
}

/**
 * The lifecycle of an AI tool request after it is filed, written once for both chats: the requester withdraws it,
 * an AIMS owner reopens a decided one with a reason. The messages that follow come from each channel's publisher.
 */
export const requestCapability: Capability<Services> = {
  commands: [
    { name: "withdraw", description: W.withdrawDescription, run: withdraw },
    { name: "reopen", description: W.reopenDescription, run: reopen },
  ],
  actions: {},
  forms: {},
};
