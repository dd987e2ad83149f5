import type { DigestSection } from "./digest-section.js";

const DAY_MS = 86400_000;

/** New requests, decisions and approvals waiting (A.9.2, 9.1). */
export const requestsSection: DigestSection = {
  title: "AI tool requests",
  async collect(db, { from, to, waitingDays }) {
    const [created, decisions, waiting] = await Promise.all([
      db.aiToolRequest.count({ where: { createdAt: { gte: from, lt: to } } }),
      db.requestDecision.groupBy({ by: ["outcome"], where: { decidedAt: { gte: from, lt: to } }, _count: { _all: true } }),
      db.aiToolRequest.count({ where: { status: "pending", createdAt: { lt: new Date(to.getTime() - waitingDays * DAY_MS) } } }),
    ]);
    const decided = (outcome: string) => decisions.find((row) => row.outcome === outcome)?._count._all ?? 0;
    return [
      { key: "requests.new", label: "New requests", value: created },
      { key: "requests.approved", label: "Approved", value: decided("approved") },
      { key: "requests.rejected", label: "Rejected", value: decided("rejected") },
      { key: "requests.changes_requested", label: "Sent back for changes", value: decided("changes_requested") },
      { key: "requests.waiting", label: `Waiting for a decision over ${waitingDays} days`, value: waiting },
    ];
  },
};

/** Register entries and recurring reviews past their due date (A.4.2, 9.2); management reviews have their own section. */
export const reviewsSection: DigestSection = {
  title: "Reviews",
  async collect(db, { to }) {
    const [register, schedules] = await Promise.all([
      db.aiSystem.count({ where: { status: "active", nextReviewAt: { lt: to } } }),
      db.reviewSchedule.count({ where: { active: true, nextDueAt: { lt: to } } }),
    ]);
    return [
      { key: "reviews.register_overdue", label: "Register reviews overdue", value: register },
      { key: "reviews.scheduled_overdue", label: "Scheduled reviews overdue (policy, audit, other)", value: schedules },
    ];
  },
};

/** Objectives by their latest reported progress (6.2, 9.1). */
export const objectivesSection: DigestSection = {
  title: "Objectives",
  async collect(db, { to }) {
    const rows = await db.objective.groupBy({ by: ["progress"], where: { dueAt: { gte: to } }, _count: { _all: true } });
    const count = (progress: string | null) => rows.find((row) => row.progress === progress)?._count._all ?? 0;
    return [
      { key: "objectives.on_track", label: "On track", value: count("on_track") },
      { key: "objectives.at_risk", label: "At risk", value: count("at_risk") },
      { key: "objectives.off_track", label: "Off track", value: count("off_track") },
      { key: "objectives.no_check_in", label: "No check-in yet", value: count(null) },
    ];
  },
};

export const CORE_DIGEST_SECTIONS: readonly DigestSection[] = [requestsSection, reviewsSection, objectivesSection];
