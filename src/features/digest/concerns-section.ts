import { OPEN_STATUSES } from "../concerns/concern-status.js";
import type { DigestSection } from "./digest-section.js";

/**
 * Open AI concerns (A.3.3) as counts only: by status, past their deadlines, and closed in the week. Nothing about
 * what a concern says or who raised it reaches the managers' channel.
 */
export const concernsSection: DigestSection = {
  title: "AI concerns",
  async collect(db, { from, to }) {
    const [byStatus, acknowledgementLate, resolutionLate, closed] = await Promise.all([
      db.concern.groupBy({ by: ["status"], where: { status: { in: [...OPEN_STATUSES] } }, _count: { _all: true } }),
      db.concern.count({ where: { status: "received", acknowledgeBy: { lt: to } } }),
      db.concern.count({ where: { status: { in: [...OPEN_STATUSES] }, resolveBy: { lt: to } } }),
      db.concern.count({ where: { status: { in: ["resolved", "dismissed"] }, closedAt: { gte: from, lt: to } } }),
    ]);
    const open = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
    return [
      { key: "concerns.received", label: "Received, not yet acknowledged", value: open("received") },
      { key: "concerns.acknowledged", label: "Acknowledged", value: open("acknowledged") },
      { key: "concerns.investigating", label: "Investigating", value: open("investigating") },
      { key: "concerns.acknowledgement_overdue", label: "Past the acknowledgement deadline", value: acknowledgementLate },
      { key: "concerns.resolution_overdue", label: "Past the resolution deadline", value: resolutionLate },
      { key: "concerns.closed", label: "Resolved or dismissed this week", value: closed },
    ];
  },
};
