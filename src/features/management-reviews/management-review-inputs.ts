import { DateTime } from "luxon";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";

/** The period a review looks back on, and the one before it of the same length, for trends. */
export interface ReviewPeriod {
  from: Date;
  to: Date;
  previousFrom: Date;
  /** The review being prepared, so earlier reviews can be told apart from it. */
  reviewId: number;
  zone: string;
}

/** One part of the 9.3.2 inputs, as sent to the reviewers and kept with the review. */
export interface InputSection {
  /** The provider's id, e.g. "previous-actions". */
  id: string;
  /** The 9.3.2 item it answers, e.g. "9.3.2 a) Status of actions from previous management reviews". */
  title: string;
  lines: string[];
}

/**
 * A source of management-review inputs. Each capability that knows something 9.3.2 asks for adds one (internal audits
 * and nonconformities replace the "none yet" providers by id); they run in the transaction that opens the review.
 */
export interface InputProvider {
  readonly id: string;
  readonly title: string;
  collect(db: Prisma | Tx, period: ReviewPeriod): Promise<string[]>;
}

const LISTED = 10;
const dayOf = (date: Date, zone: string) => DateTime.fromJSDate(date, { zone }).toISODate()!;

/** "3 (previous period: 5, fewer)". */
function trend(now: number, before: number): string {
  const direction = now === before ? "the same" : now > before ? "more" : "fewer";
  return `${now} (previous period: ${before}, ${direction})`;
}

const inPeriod = (period: ReviewPeriod) => ({ gte: period.from, lt: period.to });
const inPrevious = (period: ReviewPeriod) => ({ gte: period.previousFrom, lt: period.from });

export const previousActionsInput: InputProvider = {
  id: "previous-actions",
  title: "9.3.2 a) Status of actions from previous management reviews",
  async collect(db, period) {
    const actions = await db.managementReviewAction.findMany({
      where: { reviewId: { not: period.reviewId } },
      include: { review: { select: { reference: true } } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
    });
    if (actions.length === 0) return ["No actions from previous management reviews."];
    const open = actions.filter((action) => action.status === "open");
    const overdue = open.filter((action) => action.dueDate < period.to);
    const done = actions.filter((action) => action.status === "done");
    return [
      `${done.length} done, ${open.length} open (${overdue.length} overdue), ${actions.length - done.length - open.length} cancelled.`,
      ...open.slice(0, LISTED).map(
        (action) =>
          `${action.review.reference}: ${action.description} (owner: ${action.ownerName ?? action.ownerId}, due ${dayOf(action.dueDate, period.zone)}${action.dueDate < period.to ? ", overdue" : ""})`,
      ),
    ];
  },
};

export const contextChangesInput: InputProvider = {
  id: "context-changes",
  title: "9.3.2 b) Changes in external and internal issues, and in the needs and expectations of interested parties",
  async collect(db, period) {
    const [profile, soaChanges] = await Promise.all([
      db.orgProfile.findUnique({ where: { id: 1 } }),
      db.soaEntryVersion.count({ where: { changedAt: inPeriod(period), version: { gt: 1 } } }),
    ]);
    const lines: string[] = [];
    if (profile && profile.updatedAt >= period.from) lines.push(`The organisation's roles towards AI changed (now: ${profile.roles.join(", ").replaceAll("_", " ") || "none"}).`);
    if (soaChanges > 0) lines.push(`${soaChanges} change(s) to Statement of Applicability lines.`);
    return lines.length > 0
      ? lines
      : [`Nothing recorded in the bot since ${dayOf(period.from, period.zone)}: bring changes in issues, and in interested parties' needs and expectations, to the review.`];
  },
};

/** A stand-in: app/core.ts replaces it (same id) with the nonconformity log (nonconformity-review-input.ts). */
export const correctiveActionsInput: InputProvider = {
  id: "corrective-actions",
  title: "9.3.2 c) Nonconformities and corrective actions",
  async collect(db, period) {
    const [open, overdue, done] = await Promise.all([
      db.correctiveAction.count({ where: { status: "open" } }),
      db.correctiveAction.count({ where: { status: "open", dueDate: { lt: period.to } } }),
      db.correctiveAction.count({ where: { status: "done", completedAt: inPeriod(period) } }),
    ]);
    return [`Corrective actions of incidents: ${open} open (${overdue} overdue), ${done} done in the period.`];
  },
};

export const objectivesInput: InputProvider = {
  id: "objectives",
  title: "9.3.2 c) Monitoring and measurement: objectives met and missed",
  async collect(db, period) {
    const [ended, current] = await Promise.all([
      db.objective.findMany({ where: { dueAt: inPeriod(period) }, orderBy: { dueAt: "asc" } }),
      db.objective.groupBy({ by: ["progress"], where: { dueAt: { gte: period.to } }, _count: { _all: true } }),
    ]);
    const met = ended.filter((objective) => objective.currentValue !== null && objective.currentValue >= objective.targetValue);
    const missed = ended.filter((objective) => !met.includes(objective));
    const count = (progress: string | null) => current.find((row) => row.progress === progress)?._count._all ?? 0;
    return [
      `Objectives due in the period: ${met.length} met, ${missed.length} missed.`,
      ...missed.slice(0, LISTED).map((objective) => `Missed: ${objective.reference} ${objective.title} (${objective.currentValue ?? "no value"} of ${objective.targetValue}${objective.unit ? ` ${objective.unit}` : ""})`),
      `Objectives still running: ${count("on_track")} on track, ${count("at_risk")} at risk, ${count("off_track")} off track, ${count(null)} without a check-in.`,
    ];
  },
};

/** A stand-in: app/core.ts replaces it (same id) with the internal audit programme's results (audit-results-input.ts). */
export const auditResultsInput: InputProvider = {
  id: "audit-results",
  title: "9.3.2 c) Audit results",
  async collect() {
    return ["No internal audit results are recorded in the bot yet."];
  },
};

export const trendsInput: InputProvider = {
  id: "concerns-and-incidents",
  title: "9.3.2 c) Concerns and incidents: trends",
  async collect(db, period) {
    const [incidentsNow, incidentsBefore, serious, concernsNow, concernsBefore, concernsOpen] = await Promise.all([
      db.incident.count({ where: { createdAt: inPeriod(period) } }),
      db.incident.count({ where: { createdAt: inPrevious(period) } }),
      db.incident.count({ where: { createdAt: inPeriod(period), severity: { in: ["sev1", "sev2"] } } }),
      db.concern.count({ where: { receivedOn: inPeriod(period) } }),
      db.concern.count({ where: { receivedOn: inPrevious(period) } }),
      db.concern.count({ where: { status: { in: ["received", "acknowledged", "investigating"] } } }),
    ]);
    return [
      `Incidents reported: ${trend(incidentsNow, incidentsBefore)}; ${serious} of them SEV1 or SEV2.`,
      `Concerns received: ${trend(concernsNow, concernsBefore)}; ${concernsOpen} not yet resolved.`,
    ];
  },
};

export const registerChangesInput: InputProvider = {
  id: "register-and-risk",
  title: "9.3.2 c) Changes to the AI system register and risks",
  async collect(db, period) {
    const [approved, retired, signedOff, risky] = await Promise.all([
      db.aiSystem.findMany({ where: { approvedAt: inPeriod(period) }, select: { reference: true, name: true }, orderBy: { approvedAt: "asc" } }),
      db.aiSystem.findMany({ where: { status: "retired", updatedAt: inPeriod(period) }, select: { reference: true, name: true } }),
      db.impactAssessment.count({ where: { status: "signed_off", signedOffAt: inPeriod(period) } }),
      db.impactAssessment.count({ where: { status: "signed_off", signedOffAt: inPeriod(period), level: { in: ["high", "critical"] } } }),
    ]);
    const names = (systems: { reference: string; name: string }[]) => systems.slice(0, LISTED).map((system) => `${system.reference} ${system.name}`).join(", ");
    return [
      `AI systems approved: ${approved.length}${approved.length ? ` (${names(approved)})` : ""}.`,
      `AI systems retired: ${retired.length}${retired.length ? ` (${names(retired)})` : ""}.`,
      `Impact assessments signed off: ${signedOff}, ${risky} of high or critical impact.`,
    ];
  },
};

export const improvementInput: InputProvider = {
  id: "improvement",
  title: "9.3.2 d) Opportunities for continual improvement",
  async collect(db, period) {
    const [causes, offTrack] = await Promise.all([
      db.incident.findMany({ where: { status: "closed", closedAt: inPeriod(period), rootCause: { not: null } }, select: { reference: true, rootCause: true }, take: LISTED }),
      db.objective.findMany({ where: { progress: "off_track", dueAt: { gte: period.to } }, select: { reference: true, title: true }, take: LISTED }),
    ]);
    const lines = [
      ...causes.map((incident) => `Root cause of ${incident.reference}: ${incident.rootCause}`),
      ...offTrack.map((objective) => `Objective off track: ${objective.reference} ${objective.title}`),
    ];
    return lines.length > 0 ? lines : ["None recorded in the period: raise them in the review."];
  },
};

/** The inputs of every review, in the order of clause 9.3.2. */
export const DEFAULT_INPUT_PROVIDERS: readonly InputProvider[] = [
  previousActionsInput,
  contextChangesInput,
  correctiveActionsInput,
  objectivesInput,
  auditResultsInput,
  trendsInput,
  registerChangesInput,
  improvementInput,
];

/** Runs the providers one after the other (one connection inside a transaction). */
export async function assembleInputs(db: Prisma | Tx, providers: readonly InputProvider[], period: ReviewPeriod): Promise<InputSection[]> {
  const sections: InputSection[] = [];
  for (const provider of providers) sections.push({ id: provider.id, title: provider.title, lines: await provider.collect(db, period) });
  return sections;
}
