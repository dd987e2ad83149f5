import { column, columns, type EvidenceSource } from "../evidence-source.js";

export const objectives: EvidenceSource = {
  recordType: "objective",
  title: "AI objectives",
  file: "objectives",
  table: "Objective",
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `coalesce(t."progress"::text, 'no check-in yet')`,
  columns: [
    ...columns("reference", "title", "target", "targetValue", "unit", "ownerName", "ownerId", "dueAt"),
    column("cadence", "text"),
    column("progress", "text"),
    ...columns("currentValue", "createdAt", "controls"),
  ],
};

export const objectiveCheckIns: EvidenceSource = {
  recordType: "objective_checkin",
  title: "Objective check-ins",
  file: "objective-check-ins",
  table: "ObjectiveCheckIn",
  joins: [{ table: "Objective", alias: "o", on: `o."id" = t."objectiveId"` }],
  reference: `o."reference" || ' ' || to_char(t."occurrenceAt", 'YYYY-MM-DD')`,
  date: `t."recordedAt"`,
  outcome: `t."progress"`,
  columns: [
    { name: "objective", sql: `o."reference"` },
    column("occurrenceAt"),
    column("progress", "text"),
    ...columns("value", "note", "actorId", "recordedAt", "controls"),
  ],
};

export const reviews: EvidenceSource = {
  recordType: "review",
  title: "Scheduled reviews",
  file: "reviews",
  table: "ReviewSchedule",
  reference: `t."reference"`,
  date: `t."createdAt"`,
  outcome: `t."kind"`,
  columns: [
    column("reference"),
    column("kind", "text"),
    ...columns("title", "ownerName", "ownerId", "intervalMonths", "nextDueAt", "active", "createdAt", "controls"),
  ],
};

/** Completed occurrences of due items (reviews, check-ins ...) with the evidence recorded on completion. */
export const completions: EvidenceSource = {
  recordType: "review_completion",
  title: "Completed reviews and due items, with their evidence",
  file: "completions",
  table: "DueItemOccurrence",
  where: `t."completedAt" IS NOT NULL`,
  reference: `t."source" || ' ' || t."itemId" || ' due ' || to_char(t."dueAt", 'YYYY-MM-DD')`,
  date: `t."completedAt"`,
  outcome: `t."source"`,
  columns: [
    ...columns("source", "itemId", "dueAt", "completedAt"),
    column("completedByChannel", "text"),
    ...columns("completedById", "evidenceNote", "evidenceLink", "snoozeCount", "controls"),
  ],
};
