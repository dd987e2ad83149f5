import type { AiSystem, AiToolRequest } from "../../db/generated/client.js";
import type { Tx } from "../../core/transaction.js";
import type { Prisma } from "../../db/database.js";

/** What an assessment is about: an AI system in the register, or a request that is not decided yet. */
export type AssessmentSubject = { kind: "system"; system: AiSystem } | { kind: "request"; request: AiToolRequest };

/** Static selects hold at most 100 options; pending requests come first, then the most recent systems. */
export const MAX_SUBJECT_CHOICES = 100;

export function subjectReference(subject: AssessmentSubject): string {
  return subject.kind === "system" ? subject.system.reference : subject.request.reference;
}

export function subjectName(subject: AssessmentSubject): string {
  return subject.kind === "system" ? subject.system.name : subject.request.toolName;
}

/** The value of `openKey` while an assessment of this subject is open: the unique index allows one at a time. */
export function openKeyOf(subject: AssessmentSubject): string {
  return subject.kind === "system" ? `system:${subject.system.id}` : `request:${subject.request.id}`;
}

export function subjectLink(subject: AssessmentSubject): { aiSystemId: number | null; requestId: number | null } {
  return subject.kind === "system"
    ? { aiSystemId: subject.system.id, requestId: subject.system.requestId }
    : { aiSystemId: null, requestId: subject.request.id };
}

/** Resolves "SYS-0001" or "REQ-0001"; requests only while they wait for a decision or for changes. */
export async function findSubject(db: Prisma | Tx, reference: string): Promise<AssessmentSubject | null> {
  const normalized = reference.trim().toUpperCase();
  if (normalized.startsWith("SYS-")) {
    const system = await db.aiSystem.findUnique({ where: { reference: normalized } });
    return system ? { kind: "system", system } : null;
  }
  if (normalized.startsWith("REQ-")) {
    const request = await db.aiToolRequest.findUnique({ where: { reference: normalized } });
    return request ? { kind: "request", request } : null;
  }
  return null;
}

export async function listSubjects(prisma: Prisma): Promise<{ requests: AiToolRequest[]; systems: AiSystem[] }> {
  const requests = await prisma.aiToolRequest.findMany({
    where: { status: { in: ["pending", "changes_requested"] } },
    orderBy: { id: "desc" },
    take: MAX_SUBJECT_CHOICES,
  });
  const systems = await prisma.aiSystem.findMany({
    where: { status: "active" },
    orderBy: { id: "desc" },
    take: MAX_SUBJECT_CHOICES - requests.length,
  });
  return { requests, systems };
}
