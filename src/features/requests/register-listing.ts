import type { AiSystem } from "../../db/generated/client.js";
import type { Prisma } from "../../db/database.js";

/** Entries one answer shows; the audit pack has the whole register. */
export const REGISTER_PAGE = 40;
const LONGEST_SEARCH = 80;

export interface RegisterListing {
  /** In use (active or suspended), by name. */
  systems: AiSystem[];
  /** How many match in all, which may be more than are shown. */
  total: number;
  search: string | null;
}

/**
 * The AI system register as people ask for it ("is this tool approved?"): systems in use, optionally those whose
 * name, vendor or reference contains `search`. Retired systems stay in the audit pack, not here.
 */
export async function listRegister(prisma: Prisma, search?: string, limit = REGISTER_PAGE): Promise<RegisterListing> {
  const term = search?.trim().slice(0, LONGEST_SEARCH) || null;
  const matches = term
    ? {
        OR: [
          { name: { contains: term, mode: "insensitive" as const } },
          { vendor: { contains: term, mode: "insensitive" as const } },
          { reference: { equals: term.toUpperCase() } },
        ],
      }
    : {};
  const where = { status: { not: "retired" as const }, ...matches };
  const [systems, total] = await Promise.all([
    prisma.aiSystem.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit }),
    prisma.aiSystem.count({ where }),
  ]);
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
