import type { Prisma } from "../../db/database.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import type { Clock } from "../../core/clock.js";
import type { Roles } from "../../core/roles.js";
import { describeVerification } from "../audit-trail/verify-chain.js";
import { writeAuditPack, type AuditPack, type AuditPackOptions } from "./audit-pack/write-audit-pack.js";
import { checkSources } from "./evidence-counts.js";
import type { EvidencePeriod } from "./evidence-period.js";
import { countRecords } from "./evidence-query.js";

/**
 * What a zipped pack weighs, for an estimate shown before it is built (Teams asks for one when it offers a file):
 * the SoA, index and chain files, plus each record's compressed lines. Measured: 100,000 records zip to 4.5 MB
 * (`npm run bench:export`), about 47 bytes each; real records carry more text, so the estimate leans high.
 */
const ZIP_BASE_BYTES = 16 * 1024;
const ZIP_BYTES_PER_RECORD = 80;

export interface AuditPackServiceDeps {
  prisma: Prisma;
  clock: Clock;
  roles: Roles;
}

export type ExportResult = { kind: "exported"; pack: AuditPack } | { kind: "forbidden"; message: string };

/** Audit packs for the AIMS owner (chat) and for operators (the command line), each export itself audited. */
export class AuditPackService {
  constructor(private readonly deps: AuditPackServiceDeps) {}

  async exportRefusal(actor: Pick<Actor, "channel" | "id">): Promise<string | null> {
    return (await this.deps.roles.has(actor, "owner")) ? null : "Only the AIMS owner can export the audit pack.";
  }

  /** Roughly how large a pack built now would be, counting the records without reading them. */
  async estimateZipBytes(): Promise<number> {
    const { available } = await checkSources(this.deps.prisma);
    const counts = await Promise.all(available.map((source) => countRecords(this.deps.prisma, source, {})));
    return ZIP_BASE_BYTES + ZIP_BYTES_PER_RECORD * counts.reduce((sum, count) => sum + count, 0);
  }

  async exportFor(actor: Actor, options: { outDir: string; period?: EvidencePeriod }): Promise<ExportResult> {
    const refusal = await this.exportRefusal(actor);
    if (refusal) return { kind: "forbidden", message: refusal };
    const pack = await exportAndRecord(this.deps, actor, {
      outDir: options.outDir,
      period: options.period ?? {},
      generatedBy: `${actor.name ?? actor.id} (${actor.channel} ${actor.id})`,
    });
    return { kind: "exported", pack };
  }
}

/**
 * Writes a pack and records who exported what in the audit trail (after the pack, so the head it verified is the
 * chain as it stood). `actor` null is an operator on the command line.
 */
export async function exportAndRecord(
  deps: { prisma: Prisma; clock: Clock },
  actor: Actor | null,
  options: Pick<AuditPackOptions, "outDir" | "period" | "generatedBy" | "batchSize" | "onProgress" | "sources">,
): Promise<AuditPack> {
  const { prisma, clock } = deps;
  const pack = await writeAuditPack({ prisma, generatedAt: clock.now(), ...options });
  await prisma.$transaction((tx) =>
    recordAudit(tx, clock, {
      actor,
      action: "evidence.exported",
      entityType: "audit_pack",
      entityId: pack.name,
      after: {
        period: { from: options.period.from ?? null, to: options.period.to ?? null },
        records: pack.recordCounts.reduce((sum, source) => sum + source.count, 0),
        chainHead: pack.chain.ok ? pack.chain.head : null,
      },
      controls: [],
    }),
  );
  return pack;
}

/** What the AIMS owner is told with the pack, one line per paragraph. */
export function auditPackSummary(pack: AuditPack): string[] {
  const records = pack.recordCounts.reduce((sum, source) => sum + source.count, 0);
  return [
    `Here is the audit pack: the SoA, ${records} evidence records by control, and the audit-trail head. Start with README.md.`,
    describeVerification(pack.chain),
  ];
}
