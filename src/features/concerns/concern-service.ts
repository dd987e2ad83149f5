import type { AiSystem, Concern, ConcernMessage } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { nextReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { Tx } from "../../core/transaction.js";
import type { ConcernSettings } from "../../config/config.js";
import { cleanMessage, parseConcernForm, QUOTE_MAX, type ConcernFieldErrors, type RawConcernForm } from "./concern-form.js";
import { addReporterAnswer, auditView, CONCERN_ENTITY, dayClock } from "./concern-records.js";
import { isOpen, refusalFor, TRIAGE_STEPS, type TriageStep } from "./concern-status.js";
import { CONCERN_CONTROLS, CONCERN_MESSAGE_CONTROLS } from "./controls.js";
import { concernDeadlines, dayOf } from "./deadlines.js";
import { ConcernFollowUp } from "./concern-follow-up.js";
import { hashSecret, newFollowUpCredentials, type FollowUpCredentials } from "./follow-up-credentials.js";
import type { ConcernChange } from "./concern-events.js";
import "./concern-events.js";
import { settleConcernReminders } from "./concern-deadline-sources.js";

const OWN_CONCERN = "You raised this concern, so another triager has to handle it.";

export interface ConcernServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
  events: EventBus;
  settings: ConcernSettings;
}

/** A chat message the reporter chose to quote. Who wrote it and where is kept for named concerns only. */
export interface QuotedMessage {
  text: string;
  authorId?: string;
  conversationId?: string;
  messageId?: string;
}

export type SubmitConcernResult =
  | {
      ok: true;
      concern: Concern;
      followUp?: FollowUpCredentials;
      /**
       * Settles when every channel has shown the new concern. Not awaited by submit, so a chat edge can answer the
       * reporter first (Slack allows 3 seconds) and then wait for it.
       */
      announced: Promise<void>;
    }
  | { ok: false; errors: ConcernFieldErrors };

export type TriageResult =
  | { kind: "done"; concern: Concern }
  | { kind: "not_found" }
  | { kind: "forbidden"; message: string }
  | { kind: "refused"; message: string; concern: Concern }
  | { kind: "invalid"; message: string };

export type NamedAnswerResult =
  | { kind: "done"; concern: Concern }
  | { kind: "not_found" }
  | { kind: "forbidden"; message: string }
  | { kind: "closed" }
  | { kind: "empty" };

const REGISTER_CHOICES = 100;

/** AI concerns (ISO 42001 A.3.3): reporting, named or anonymous, and triage by the configured triagers. */
export class ConcernService {
  readonly followUp: ConcernFollowUp;

  constructor(private readonly deps: ConcernServiceDeps) {
    this.followUp = new ConcernFollowUp(deps);
  }

  /**
   * Files a concern. When the form says anonymous, `reporter` is dropped here and nothing about them is stored:
   * the reporter gets a case code and a secret instead, returned this once.
   */
  async submit(reporter: Actor, form: RawConcernForm, options: { submissionKey: string; quote?: QuotedMessage }): Promise<SubmitConcernResult> {
    const parsed = parseConcernForm(form);
    if (!parsed.ok) return parsed;
    const { input } = parsed;
    const { prisma, clock, events, settings } = this.deps;

    if (!input.anonymous) {
      const existing = await prisma.concern.findUnique({ where: { submissionKey: options.submissionKey } });
      if (existing) return { ok: true, concern: existing, announced: Promise.resolve() };
    }
    const aiSystem = input.aiSystemReference
      ? await prisma.aiSystem.findUnique({ where: { reference: input.aiSystemReference } })
      : null;
    if (input.aiSystemReference && !aiSystem) return { ok: false, errors: { aiSystemReference: "That AI system is not in the register" } };

    const credentials = input.anonymous ? newFollowUpCredentials() : undefined;
    const secretHash = credentials ? await hashSecret(credentials.secret) : null;
    const quote = options.quote?.text.trim() ? options.quote : undefined;
    const concern = await prisma.$transaction(async (tx) => {
      const created = await tx.concern.create({
        data: {
          reference: await nextReference(tx, "CON"),
          anonymous: input.anonymous,
          ...(input.anonymous
            ? { followUpCode: credentials!.code, secretHash }
            : {
                submissionKey: options.submissionKey,
                reporterChannel: reporter.channel,
                reporterId: reporter.id,
                reporterName: reporter.name,
                quotedAuthorId: quote?.authorId,
                quotedConversationId: quote?.conversationId,
                quotedMessageId: quote?.messageId,
              }),
          category: input.category,
          description: input.description,
          aiSystemReference: aiSystem?.reference,
          aiSystemName: aiSystem?.name ?? input.aiSystemText,
          quotedText: quote?.text.trim().slice(0, QUOTE_MAX),
          ...concernDeadlines(clock.now(), settings),
          controls: [...CONCERN_CONTROLS],
        },
      });
      await recordAudit(tx, input.anonymous ? dayClock(clock) : clock, {
        actor: input.anonymous ? null : reporter,
        action: "concern.received",
        entityType: CONCERN_ENTITY,
        entityId: created.reference,
        after: auditView(created),
        controls: CONCERN_CONTROLS,
        undated: input.anonymous,
      });
      await events.record(tx, "concern.received", { concern: created }, created.reference);
      return created;
    });
    return { ok: true, concern, followUp: credentials, announced: events.deliverPending() };
  }

  /** Whether the named reporter of this concern is this person, on any of their accounts: they may not triage it. */
  private async raisedBy(tx: Tx, concern: Concern, actor: Pick<Actor, "channel" | "id">): Promise<boolean> {
    if (concern.anonymous || !concern.reporterChannel || !concern.reporterId) return false;
    return this.deps.roles.samePerson(actor, { channel: concern.reporterChannel, id: concern.reporterId }, tx);
  }

  /** Why this person may not triage concerns, or null if they may. Checked again on every action. */
  async triageRefusal(actor: Pick<Actor, "channel" | "id">): Promise<string | null> {
    return (await this.deps.roles.has(actor, "triager")) ? null : "Only the AIMS triagers can act on concerns.";
  }

  acknowledge(actor: Actor, reference: string): Promise<TriageResult> {
    return this.step(actor, reference, "acknowledge", { acknowledgedAt: this.deps.clock.now() }, { kind: "acknowledged" });
  }

  assign(actor: Actor, reference: string, assignee: Actor): Promise<TriageResult> {
    return this.step(
      actor,
      reference,
      "assign",
      { assigneeChannel: assignee.channel, assigneeId: assignee.id, assigneeName: assignee.name ?? null },
      { kind: "assigned" },
    );
  }

  close(actor: Actor, reference: string, outcome: "resolved" | "dismissed", reason: string | undefined): Promise<TriageResult> {
    const cleaned = cleanMessage(reason);
    if (!cleaned) return Promise.resolve({ kind: "invalid", message: "Please give the reasons for the outcome." });
    const step: TriageStep = outcome === "resolved" ? "resolve" : "dismiss";
    return this.step(actor, reference, step, { outcomeReason: cleaned, closedAt: this.deps.clock.now() }, { kind: "closed" });
  }

  /** A triager's question to the reporter; named reporters get it by DM, anonymous ones read it with their code. */
  async ask(actor: Actor, reference: string, question: string | undefined): Promise<TriageResult> {
    const refusal = await this.triageRefusal(actor);
    if (refusal) return { kind: "forbidden", message: refusal };
    const body = cleanMessage(question);
    if (!body) return { kind: "invalid", message: "Please write the question." };
    const { prisma, clock, events } = this.deps;
    const result = await prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: number }[]>`SELECT "id" FROM "Concern" WHERE "reference" = ${reference} FOR UPDATE`;
      if (!locked) return null;
      const concern = await tx.concern.findUniqueOrThrow({ where: { id: locked.id } });
      if (await this.raisedBy(tx, concern, actor)) return "own";
      if (!isOpen(concern.status)) return { concern, message: null };
      const message = await tx.concernMessage.create({
        data: {
          concernId: concern.id,
          author: "triager",
          authorChannel: actor.channel,
          authorId: actor.id,
          authorName: actor.name,
          body,
          sentOn: dayOf(clock.now()),
          controls: [...CONCERN_MESSAGE_CONTROLS],
        },
      });
      await recordAudit(tx, clock, {
        actor,
        action: "concern.question_asked",
        entityType: CONCERN_ENTITY,
        entityId: reference,
        after: { messageId: message.id, body },
        controls: CONCERN_CONTROLS,
      });
      await events.record(tx, "concern.changed", { concern, change: { kind: "question", message } }, concern.reference);
      return { concern, message };
    });
    if (!result) return { kind: "not_found" };
    if (result === "own") return { kind: "forbidden", message: OWN_CONCERN };
    if (!result.message) return { kind: "refused", message: refusalFor("assign", result.concern.status), concern: result.concern };
    void events.deliverPending();
    return { kind: "done", concern: result.concern };
  }

  /** A named reporter answers the triagers' questions. */
  async answerAsReporter(actor: Actor, reference: string, answer: string | undefined): Promise<NamedAnswerResult> {
    const { prisma, clock, events } = this.deps;
    const concern = await prisma.concern.findUnique({ where: { reference } });
    if (!concern) return { kind: "not_found" };
    if (concern.anonymous || !concern.reporterChannel || !concern.reporterId || !(await this.deps.roles.samePerson(actor, { channel: concern.reporterChannel, id: concern.reporterId }))) {
      return { kind: "forbidden", message: "Only the person who raised this concern can answer." };
    }
    const body = cleanMessage(answer);
    if (!body) return { kind: "empty" };
    const message = await prisma.$transaction((tx) => addReporterAnswer(tx, { clock, events }, concern, actor, body));
    if (!message) return { kind: "closed" };
    void events.deliverPending();
    return { kind: "done", concern };
  }

  find(reference: string): Promise<Concern | null> {
    return this.deps.prisma.concern.findUnique({ where: { reference } });
  }

  messages(concernId: number): Promise<ConcernMessage[]> {
    return this.deps.prisma.concernMessage.findMany({ where: { concernId }, orderBy: { id: "asc" } });
  }

  /** Active systems of the register, for the form's list. */
  registerChoices(): Promise<AiSystem[]> {
    return this.deps.prisma.aiSystem.findMany({ where: { status: "active" }, orderBy: { name: "asc" }, take: REGISTER_CHOICES });
  }

  /**
   * Moves a concern one step. The conditional update on the allowed starting statuses is the guard: a step from any
   * other status, or a second click that lost a race, changes nothing and is refused.
   */
  private async step(
    actor: Actor,
    reference: string,
    step: TriageStep,
    data: Record<string, unknown>,
    change: ConcernChange,
  ): Promise<TriageResult> {
    const refusal = await this.triageRefusal(actor);
    if (refusal) return { kind: "forbidden", message: refusal };
    const { prisma, clock, events } = this.deps;
    const rule = TRIAGE_STEPS[step];
    const result = await prisma.$transaction(async (tx): Promise<TriageResult> => {
      const before = await tx.concern.findUnique({ where: { reference } });
      if (!before) return { kind: "not_found" };
      if (await this.raisedBy(tx, before, actor)) return { kind: "forbidden", message: OWN_CONCERN };
      const moved = await tx.concern.updateMany({
        where: { id: before.id, status: { in: [...rule.from] } },
        data: { ...data, status: rule.to },
      });
      const after = await tx.concern.findUniqueOrThrow({ where: { id: before.id } });
      if (moved.count === 0) return { kind: "refused", message: refusalFor(step, after.status), concern: after };
      await recordAudit(tx, clock, {
        actor,
        action: rule.action,
        entityType: CONCERN_ENTITY,
        entityId: reference,
        before: { status: before.status, assigneeId: before.assigneeId },
        after: { status: after.status, ...data },
        controls: CONCERN_CONTROLS,
      });
      await settleConcernReminders(tx, events, { before, after, actor, at: clock.now() });
      await events.record(tx, "concern.changed", { concern: after, change }, reference);
      return { kind: "done", concern: after };
    });
    if (result.kind === "done") void events.deliverPending();
    return result;
  }
}
