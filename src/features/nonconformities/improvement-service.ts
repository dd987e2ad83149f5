import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { withNewReference } from "../../core/references.js";
import type { Improvement } from "../../db/generated/client.js";
import type { RawForm } from "../incidents/form-text.js";
import { IMPROVEMENT_CONTROLS } from "./controls.js";
import { parseImprovement, parseImprovementStatus, type ImprovementField, type ImprovementStatusField } from "./nonconformity-form.js";
import { ncChangeRefusal, ncNotFound, type NcInvalid, type NcRefusal, type NonconformityDeps } from "./nonconformity-records.js";
import "./nonconformity-events.js";

export type ImprovementResult = { kind: "recorded"; improvement: Improvement } | NcInvalid | NcRefusal;

/**
 * The continual-improvement log (ISO 42001 10.1): opportunities for improvement, recorded by anyone by hand or by
 * whoever may change a nonconformity from it, with a status (open, planned, done, declined) that whoever recorded
 * one and the AIMS owners change. Every change is audited.
 */
export class ImprovementService {
  constructor(private readonly deps: NonconformityDeps) {}

  async record(actor: Actor, raw: RawForm<ImprovementField>, submissionKey: string, nonconformityRef?: string): Promise<ImprovementResult> {
    const { prisma, clock, events, roles } = this.deps;
    const parsed = parseImprovement(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    const nc = nonconformityRef ? await prisma.nonconformity.findUnique({ where: { reference: nonconformityRef.toUpperCase() } }) : null;
    if (nonconformityRef && !nc) return ncNotFound(nonconformityRef);
    if (nc) {
      const forbidden = await ncChangeRefusal(roles, actor, nc);
      if (forbidden) return { kind: "forbidden", message: forbidden };
    }
    const existing = await prisma.improvement.findUnique({ where: { submissionKey } });
    if (existing) return { kind: "recorded", improvement: existing };
    const improvement = await withNewReference(this.deps, "IMP", (reference) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.improvement.create({
          data: {
            reference,
            submissionKey,
            sourceKind: nc ? "nonconformity" : "manual",
            nonconformityId: nc?.id ?? null,
            title: parsed.input.title,
            description: parsed.input.description,
            raisedByChannel: actor.channel,
            raisedById: actor.id,
            raisedByName: actor.name ?? null,
            controls: [...IMPROVEMENT_CONTROLS],
            createdAt: clock.now(),
          },
        });
        await recordAudit(tx, clock, {
          actor,
          action: "improvement.recorded",
          entityType: "improvement",
          entityId: reference,
          after: { ...created, nonconformity: nc?.reference ?? null },
          controls: IMPROVEMENT_CONTROLS,
        });
        await events.record(tx, "improvement.changed", { improvement: created, change: "recorded" }, reference);
        return created;
      }),
    );
    void events.deliverPending();
    return { kind: "recorded", improvement };
  }

  /** Why this person may not change the improvement's status, or null: whoever recorded it and the AIMS owners may. */
  async changeRefusal(actor: Pick<Actor, "channel" | "id">, improvement: Improvement): Promise<string | null> {
    const { roles } = this.deps;
    if (await roles.samePerson(actor, { channel: improvement.raisedByChannel, id: improvement.raisedById })) return null;
    if (await roles.has(actor, "owner")) return null;
    return `Only whoever recorded ${improvement.reference} and the AIMS owners can change its status.`;
  }

  async setStatus(actor: Actor, reference: string, raw: RawForm<ImprovementStatusField>): Promise<ImprovementResult> {
    const { prisma, clock, events } = this.deps;
    const improvement = await prisma.improvement.findUnique({ where: { reference: reference.toUpperCase() } });
    if (!improvement) return { kind: "not_found", message: `There is no improvement ${reference}.` };
    const forbidden = await this.changeRefusal(actor, improvement);
    if (forbidden) return { kind: "forbidden", message: forbidden };
    const parsed = parseImprovementStatus(raw);
    if (!parsed.ok) return { kind: "invalid", errors: parsed.errors };
    if (parsed.input.status === improvement.status) return { kind: "invalid", errors: { status: `${improvement.reference} is already ${improvement.status}` } };
    const changed = await prisma.$transaction(async (tx) => {
      const claimed = await tx.improvement.updateMany({
        where: { id: improvement.id, status: improvement.status },
        data: { status: parsed.input.status, statusNote: parsed.input.note ?? null, updatedAt: clock.now() },
      });
      if (claimed.count === 0) return null;
      const after = await tx.improvement.findUniqueOrThrow({ where: { id: improvement.id } });
      await recordAudit(tx, clock, {
        actor,
        action: "improvement.status_changed",
        entityType: "improvement",
        entityId: improvement.reference,
        before: { status: improvement.status },
        after: { status: after.status, note: after.statusNote },
        controls: IMPROVEMENT_CONTROLS,
      });
      await events.record(tx, "improvement.changed", { improvement: after, change: "status" }, after.reference);
      return after;
    });
    if (!changed) return { kind: "refused", message: `${improvement.reference} changed meanwhile: look again.` };
    void events.deliverPending();
    return { kind: "recorded", improvement: changed };
  }

  /** The log: open and planned first, then the rest, newest first within each. */
  list(): Promise<Improvement[]> {
    return this.deps.prisma.improvement.findMany({ orderBy: [{ status: "asc" }, { id: "desc" }], take: 50 });
  }

  find(reference: string): Promise<Improvement | null> {
    return this.deps.prisma.improvement.findUnique({ where: { reference: reference.toUpperCase() } });
  }
}
