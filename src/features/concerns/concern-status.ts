import type { ConcernStatus } from "../../db/generated/enums.js";

/** received → acknowledged → investigating → resolved | dismissed. */
export const OPEN_STATUSES = ["received", "acknowledged", "investigating"] as const satisfies readonly ConcernStatus[];

export type TriageStep = "acknowledge" | "assign" | "resolve" | "dismiss";

/** For each step, the statuses it may start from and the status it leads to. */
export const TRIAGE_STEPS: Record<TriageStep, { from: readonly ConcernStatus[]; to: ConcernStatus; action: string }> = {
  acknowledge: { from: ["received"], to: "acknowledged", action: "concern.acknowledged" },
  // Assigning starts the investigation; reassigning keeps it going.
  assign: { from: ["acknowledged", "investigating"], to: "investigating", action: "concern.assigned" },
  resolve: { from: ["acknowledged", "investigating"], to: "resolved", action: "concern.resolved" },
  dismiss: { from: ["acknowledged", "investigating"], to: "dismissed", action: "concern.dismissed" },
};

export function isOpen(status: ConcernStatus): boolean {
  return (OPEN_STATUSES as readonly ConcernStatus[]).includes(status);
}

export function statusLabel(status: ConcernStatus): string {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

/** Why a step cannot be taken from a status, in words a triager understands. */
export function refusalFor(step: TriageStep, status: ConcernStatus): string {
  if (!isOpen(status)) return `This concern is already ${status}; it cannot change any more.`;
  if (step === "acknowledge") return `This concern was already acknowledged (it is ${status}).`;
  return "Acknowledge the concern first.";
}
