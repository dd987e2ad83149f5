import type { Concern, ConcernMessage } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import type { ConcernSettings } from "../../config/config.js";
import { cleanMessage } from "./concern-form.js";
import { addReporterAnswer } from "./concern-records.js";
import { codeKey, normalizeCredential, verifySecret } from "./follow-up-credentials.js";
import { admitFollowUpAttempt } from "./follow-up-rate-limit.js";
import "./concern-events.js";

/** Told to a reporter who answers once the concern is closed (concern-wording.ts says it in chat too). */
export const CLOSED_NO_ANSWERS = "This concern is closed, so it takes no more answers.";

/**
 * What an anonymous reporter is told. "denied" is the same for an unknown code and a wrong secret, so a guess
 * learns nothing; "rate_limited" depends only on how often the code was tried, never on whether it exists.
 */
export type FollowUpResult =
  | { kind: "ok"; concern: Concern; messages: ConcernMessage[] }
  | { kind: "denied" }
  | { kind: "rate_limited" };

export type AnonymousAnswerResult = FollowUpResult | { kind: "closed" } | { kind: "empty" };

export const FOLLOW_UP_DENIED = "That case code and secret do not match a concern. Check both and try again.";
export const FOLLOW_UP_RATE_LIMITED = "Too many tries for this case code. Please wait a while and try again.";

/** What an anonymous reporter is told when a follow-up is not accepted, whichever channel they use. */
export function followUpRefusal(result: Exclude<AnonymousAnswerResult, { kind: "ok" }>): string {
  switch (result.kind) {
    case "denied":
      return FOLLOW_UP_DENIED;
    case "rate_limited":
      return FOLLOW_UP_RATE_LIMITED;
    case "closed":
      return CLOSED_NO_ANSWERS;
    case "empty":
      return "Please write your answer.";
  }
}

/** Anonymous follow-up: proof by case code and secret, never by who the person is. */
export class ConcernFollowUp {
  constructor(private readonly deps: { prisma: Prisma; clock: Clock; events: EventBus; settings: ConcernSettings }) {}

  /** Status and conversation of the concern, if the code and secret match. */
  async open(code: string, secret: string): Promise<FollowUpResult> {
    const concern = await this.authenticate(code, secret);
    if (concern.kind !== "ok") return concern;
    return { kind: "ok", concern: concern.concern, messages: await this.messages(concern.concern.id) };
  }

  /** The anonymous reporter answers the triagers; the answer is stored and announced without any identity. */
  async answer(code: string, secret: string, answer: string | undefined): Promise<AnonymousAnswerResult> {
    const body = cleanMessage(answer);
    if (!body) return { kind: "empty" };
    const authenticated = await this.authenticate(code, secret);
    if (authenticated.kind !== "ok") return authenticated;
    const { prisma, clock, events } = this.deps;
    const { concern } = authenticated;
    const message = await prisma.$transaction((tx) => addReporterAnswer(tx, { clock, events }, concern, null, body));
    if (!message) return { kind: "closed" };
    void events.deliverPending();
    return { kind: "ok", concern, messages: await this.messages(concern.id) };
  }

  private async authenticate(code: string, secret: string): Promise<{ kind: "ok"; concern: Concern } | { kind: "denied" } | { kind: "rate_limited" }> {
    const { prisma, clock, settings } = this.deps;
    const admitted = await admitFollowUpAttempt(prisma, codeKey(code), clock.now(), settings);
    if (!admitted) return { kind: "rate_limited" };
    const normalized = normalizeCredential(code);
    const concern = normalized ? await prisma.concern.findUnique({ where: { followUpCode: normalized } }) : null;
    const matches = await verifySecret(secret, concern?.secretHash ?? null);
    return matches && concern ? { kind: "ok", concern } : { kind: "denied" };
  }

  private messages(concernId: number): Promise<ConcernMessage[]> {
    return this.deps.prisma.concernMessage.findMany({ where: { concernId }, orderBy: { id: "asc" } });
  }
}
