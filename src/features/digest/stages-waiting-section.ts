import type { Prisma } from "../../db/database.js";
import { stagesOf } from "../requests/approval-stages.js";
import type { DigestSection, DigestWindow } from "./digest-section.js";

/** Enough names for a manager to act on, within Slack's 3,000 characters per section. */
const MAX_LISTED = 15;

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Stages of pending requests still waiting for a decision at the end of the digest's week. */
function waitingAt(db: Prisma, { to }: DigestWindow) {
  return db.approvalStageDeadline.findMany({
    where: { settledAt: null, openedAt: { lte: to }, request: { status: "pending" } },
    include: { request: true },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
  });
}

/**
 * Requests waiting, per approval stage (A.9.2, 9.1): how many stages wait and how many are past their deadline, and
 * each one by stage name, request, waiting since, and whether it is overdue.
 */
export const stagesWaitingSection: DigestSection = {
  title: "Requests waiting, per stage",
  async collect(db, window) {
    const waiting = (await waitingAt(db, window)).filter((entry) => entry.revision === entry.request.revision);
    return [
      { key: "stages.waiting", label: "Stages waiting for a decision", value: waiting.length },
      { key: "stages.overdue", label: "Past the stage deadline", value: waiting.filter((entry) => entry.dueAt <= window.to).length },
    ];
  },
  async list(db, window) {
    const waiting = (await waitingAt(db, window))
      .filter((entry) => entry.revision === entry.request.revision)
      .map((entry) => ({ entry, stage: stagesOf(entry.request).find((stage) => stage.id === entry.stageId)?.name ?? entry.stageId }))
      .sort((a, b) => a.stage.localeCompare(b.stage));
    const lines = waiting
      .slice(0, MAX_LISTED)
      .map(({ entry, stage }) => `${stage}: ${entry.request.reference} (${entry.request.toolName}), waiting since ${day(entry.openedAt)}${entry.dueAt <= window.to ? ", overdue" : ""}`);
    return waiting.length > MAX_LISTED ? [...lines, `and ${waiting.length - MAX_LISTED} more`] : lines;
  },
};
