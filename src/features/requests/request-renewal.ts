import type { AiSystem, AiToolRequest } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { EventBus } from "../../core/events.js";
import { withNewReference } from "../../core/references.js";
import type { Roles } from "../../core/roles.js";
import type { ApprovalPolicy } from "./approval-policy/approval-policy.js";
import { SINGLE_APPROVER_POLICY } from "./approval-stages.js";
import { EXPIRY_CONTROLS, REQUEST_CONTROLS } from "./controls.js";
import { parseRequestForm, type FieldErrors, type RawRequestForm, toRawForm } from "./request-form.js";
import { filedBy, requestFields, routed } from "./request-fields.js";
import type { RiskTier } from "./risk-tier.js";
import "./request-events.js";
import { openFirstStageDeadlines, type StageDeadlineHours } from "./stage-deadlines.js";

/** What a renewal asks again; the rest is the original request's. */
export const RENEWAL_FIELDS = ["purpose", "intendedUsers", "userCount"] as const;
export type RenewalForm = Partial<Record<(typeof RENEWAL_FIELDS)[number], string>>;

export type RenewalResult = { ok: true; request: AiToolRequest } | { ok: false; errors: FieldErrors } | { ok: false; message: string };

/** States whose approval can be renewed: in use, or ended. */
const RENEWABLE: readonly AiSystem["status"][] = ["active", "expired"];
const RANK: Record<RiskTier, number> = { low: 0, medium: 1, high: 2 };

export const RENEWAL_WORDING = {
  notFound: (reference: string) => `There is no register entry ${reference}.`,
  onlyKeepers: (reference: string) => `Only the owner of ${reference} or an AIMS owner can ask to renew its approval.`,
  noEnd: (reference: string) => `The approval of ${reference} has no end date: there is nothing to renew.`,
  notRenewable: (reference: string, status: string) => `${reference} is ${status}: its approval cannot be renewed.`,
  pending: (reference: string, request: string) => `${request} already asks to renew ${reference}; it is with the approvers.`,
} as const;
const W = RENEWAL_WORDING;

/**
 * Renewal of an approval that ends (ISO 42001 A.6.2.5, A.9.2): the system's owner or an AIMS owner files a short
 * request, filled from the original, that goes to the stages the approval policy routes it to, linked to the system.
 * Approving it extends the entry (`register.ts`). One renewal open per system at a time.
 */
export class RequestRenewal {
  constructor(
    private readonly deps: { prisma: Prisma; clock: Clock; roles: Roles; events: EventBus; approvalPolicy?: ApprovalPolicy; stageDeadlines?: StageDeadlineHours },
  ) {}

  /** The entry and the request it was approved from, or why this person may not renew it. */
  async renewable(actor: Pick<Actor, "channel" | "id">, systemReference: string): Promise<{ system: AiSystem; original: AiToolRequest | null } | { refused: string }> {
    const { prisma, roles } = this.deps;
    const reference = systemReference.trim().toUpperCase();
    const system = await prisma.aiSystem.findUnique({ where: { reference }, include: { request: true } });
    if (!system) return { refused: W.notFound(reference) };
    const keeps = (await roles.samePerson(actor, { channel: system.ownerChannel, id: system.ownerId })) || (await roles.has(actor, "owner"));
    if (!keeps) return { refused: W.onlyKeepers(reference) };
    if (!RENEWABLE.includes(system.status)) return { refused: W.notRenewable(reference, system.status) };
    if (!system.approvedUntil) return { refused: W.noEnd(reference) };
    const open = await prisma.aiToolRequest.findFirst({ where: { renewsSystemId: system.id, status: { in: ["pending", "changes_requested"] } } });
    if (open) return { refused: W.pending(reference, open.reference) };
    const { request: original, ...entry } = system;
    return { system: entry, original };
  }

  /** The form's starting values: the original request's answers (or the entry's, for one registered without a request). */
  prefill(system: AiSystem, original: AiToolRequest | null): RawRequestForm {
    if (original) return toRawForm(original);
    return { toolName: system.name, vendor: system.vendor, url: system.url ?? "", purpose: system.purpose, dataCategories: system.dataCategories, orgRole: system.orgRole, customerFacing: "no", decidesAboutPeople: "no" };
  }

  /** Files the renewal. The submission key makes a retried submit return the same request. */
  async request(actor: Actor, systemReference: string, form: RenewalForm, submissionKey: string): Promise<RenewalResult> {
    const { prisma, clock, events } = this.deps;
    const existing = await prisma.aiToolRequest.findUnique({ where: { submissionKey } });
    if (existing) return { ok: true, request: existing };
    const found = await this.renewable(actor, systemReference);
    if ("refused" in found) return { ok: false, message: found.refused };
    const { system, original } = found;
    const parsed = parseRequestForm({ ...this.prefill(system, original), ...form });
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const fields = requestFields(parsed.input);
    // The original's tier stands when it was higher (raised by its EU AI Act classification, say).
    const risk = original && RANK[original.riskTier] > RANK[fields.riskTier] ? { riskTier: original.riskTier, riskReasons: original.riskReasons } : {};
    const classification = { aiActOutcome: original?.aiActOutcome ?? system.aiActOutcome, aiActClassification: original?.aiActClassification ?? system.aiActClassification ?? undefined };

    const request = await withNewReference(this.deps, "REQ", (reference) =>
      prisma.$transaction(async (tx) => {
        const created = await tx.aiToolRequest.create({
          data: {
            ...filedBy(actor, clock.now(), reference, submissionKey),
            ...routed({ ...fields, ...risk, ...classification }, this.deps.approvalPolicy ?? SINGLE_APPROVER_POLICY),
            vendorId: system.vendorId,
            renewsSystemId: system.id,
            controls: [...new Set([...REQUEST_CONTROLS, ...EXPIRY_CONTROLS])],
          },
        });
        await recordAudit(tx, clock, {
          actor,
          action: "request.renewal_requested",
          entityType: "ai_tool_request",
          entityId: created.reference,
          after: { ...created, renews: system.reference, approvedUntil: system.approvedUntil },
          controls: EXPIRY_CONTROLS,
        });
        await openFirstStageDeadlines(tx, this.deps, created);
        await events.record(tx, "request.submitted", { request: created }, created.reference);
        return created;
      }),
    );
    void events.deliverPending();
    return { ok: true, request };
  }
}
