import type { IncidentStatus } from "../../db/generated/enums.js";

export type { IncidentStatus };

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: "Open",
  investigating: "Investigating",
  mitigated: "Mitigated",
  resolved: "Resolved",
  closed: "Closed",
};

export const INCIDENT_STATUSES = Object.keys(STATUS_LABELS) as IncidentStatus[];

/**
 * The lifecycle, in one place: each status moves to the next one. A mitigation that does not hold, or a resolved
 * incident that comes back, returns to investigating. Closed is final (a recurrence is a new incident), and
 * closing has its own requirements (root cause and corrective actions).
 */
const NEXT: Record<IncidentStatus, readonly IncidentStatus[]> = {
  open: ["investigating"],
  investigating: ["mitigated"],
  mitigated: ["resolved", "investigating"],
  resolved: ["closed", "investigating"],
  closed: [],
};

export function allowedNextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return NEXT[from];
}

export function isIncidentStatus(value: string): value is IncidentStatus {
  return (INCIDENT_STATUSES as string[]).includes(value);
}

const label = (status: IncidentStatus) => STATUS_LABELS[status].toLowerCase();

/** Why an incident may not move from one status to another, or null when it may. */
export function transitionRefusal(reference: string, from: IncidentStatus, to: IncidentStatus): string | null {
  if (NEXT[from].includes(to)) return null;
  if (from === to) return `${reference} is already ${label(to)}.`;
  if (from === "closed") return `${reference} is closed, and a closed incident does not change. If it happened again, report a new incident.`;
  const next = NEXT[from].map(label).join(" or ");
  return `${reference} is ${label(from)}, so it can move to ${next} next, not to ${label(to)}.`;
}
