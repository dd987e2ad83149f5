import type { AiSystem, ImpactAssessment } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";
import { vendorStatusLine } from "../vendors/vendor-status.js";

/** Entries one answer shows (with its classification and conditions, 30 fit a Teams card); the audit pack has the whole register. */
export const REGISTER_PAGE = 30;
const LONGEST_SEARCH = 80;

/** A register entry with its latest signed-off impact assessment, which the entry shows (ISO 42001 A.5.3). */
export type RegisterEntry = AiSystem & {
  latestAssessment: Pick<ImpactAssessment, "reference" | "level" | "signedOffAt" | "nextReassessmentAt"> | null;
  /** Its vendor's due-diligence status in one line (A.10.3), e.g. "vendor VEN-0001: ✅ reviewed: acceptable". */
  vendorStatus: string;
};

export interface RegisterListing {
  /** Not retired (in use, suspended, or expired until renewed), by name. */
  systems: RegisterEntry[];
  /** How many match in all, which may be more than are shown. */
  total: number;
  search: string | null;
}

/**
 * The AI system register as people ask for it ("is this tool approved?"): systems in use, optionally those whose
 * name, vendor, link (domain) or reference contains `search`. Retired systems stay in the audit pack, not here.
 */
export async function listRegister(prisma: Prisma, now: Date, search?: string, limit = REGISTER_PAGE): Promise<RegisterListing> {
  const term = search?.trim().slice(0, LONGEST_SEARCH) || null;
  const matches = term
    ? {
        OR: [
          { name: { contains: term, mode: "insensitive" as const } },
          { vendor: { contains: term, mode: "insensitive" as const } },
          // The domain: a search for "otter.ai" finds the entry whose link is https://otter.ai/...
          { url: { contains: term, mode: "insensitive" as const } },
          { reference: { equals: term.toUpperCase() } },
        ],
      }
    : {};
  const where = { status: { not: "retired" as const }, ...matches };
  const [found, total] = await Promise.all([
    prisma.aiSystem.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: limit,
      include: {
        vendorRecord: { select: { reference: true, name: true, status: true, nextReviewAt: true } },
        impactAssessments: {
          where: { status: "signed_off" },
          orderBy: [{ signedOffAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { reference: true, level: true, signedOffAt: true, nextReassessmentAt: true },
        },
      },
    }),
    prisma.aiSystem.count({ where }),
  ]);
  const systems = found.map(({ impactAssessments, vendorRecord, ...system }) => ({
    ...system,
    latestAssessment: impactAssessments[0] ?? null,
    vendorStatus: vendorStatusLine(vendorRecord, now),
  }));
  return { systems, total, search: term };
}

/** The sentence above the entries, the same in every channel. */
export function registerHeadline(listing: RegisterListing): string {
  const shown = listing.systems.length < listing.total ? ` (showing the first ${listing.systems.length})` : "";
  if (listing.search) {
    if (listing.total === 0) return `No AI system in the register matches "${listing.search}". If you need it, ask for approval first.`;
    return `${listing.total} AI system(s) in the register match "${listing.search}"${shown}.`;
  }
  if (listing.total === 0) return "The AI system register is empty: no AI tool has been approved yet.";
  return `${listing.total} AI system(s) in the register${shown}.`;
}

const day = (date: Date | null) => date?.toISOString().slice(0, 10) ?? "?";

/** How an entry's impact assessment reads, in words every channel shows as they are. */
export function assessmentText(entry: RegisterEntry): string {
  const latest = entry.latestAssessment;
  if (!latest) return "impact assessment: none signed off yet";
  const level = latest.level ? `${latest.level} impact` : "impact not scored";
  return `${level} (${latest.reference}, signed off ${day(latest.signedOffAt)}; re-assess by ${day(latest.nextReassessmentAt)})`;
}
