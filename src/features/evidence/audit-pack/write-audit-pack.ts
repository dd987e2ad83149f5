import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "../../../db/database.js";
import { AUDIT_GENESIS_HASH } from "../../../core/audit.js";
import { sealPending } from "../../audit-trail/seal-chain.js";
import { verifyAuditChain, type ChainVerification } from "../../audit-trail/verify-chain.js";
import { loadSoaStatement } from "../../soa/load-statement.js";
import type { SoaStatement } from "../../soa/statement.js";
import { checkSources } from "../evidence-counts.js";
import type { EvidencePeriod } from "../evidence-period.js";
import type { EvidenceSource } from "../evidence-source.js";
import { EVIDENCE_SOURCES } from "../sources/index.js";
import { writeInternalAuditReports } from "./internal-audit-reports.js";
import { packIndexMarkdown, PACK_FILES } from "./pack-index.js";
import { EVIDENCE_MAP_HEADER, exportSourceRecords } from "./record-files.js";
import { SOA_FILES, soaCsv, soaMarkdown } from "./soa-files.js";
import type { SourceTally } from "./source-tally.js";
import { TextFile, writeTextFile } from "./text-file.js";
import { zipFolder } from "./zip-folder.js";

export type PackProgress =
  | { phase: "records"; title: string; done: number; total: number }
  | { phase: "audit-trail"; checked: number }
  | { phase: "zip"; file: string };

export interface AuditPackOptions {
  prisma: Prisma;
  /** The pack is written as <outDir>/<name>/ and <outDir>/<name>.zip. */
  outDir: string;
  period: EvidencePeriod;
  generatedAt: Date;
  /** Who asked for it, in words (a person's id, "the command line"). */
  generatedBy: string;
  sources?: readonly EvidenceSource[];
  batchSize?: number;
  onProgress?: (progress: PackProgress) => void;
}

export interface AuditPack {
  name: string;
  folder: string;
  zipPath: string;
  recordCounts: ReadonlyArray<{ title: string; file: string; count: number }>;
  missingSources: readonly string[];
  chain: ChainVerification;
}

export function auditPackName(generatedAt: Date): string {
  return `aims-audit-pack-${generatedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}`;
}

/**
 * Writes the audit pack for an auditor: the SoA, every evidence record per type, the control-to-record map, the
 * verified audit-chain head and a README that reads top to bottom; then zips the folder. Records stream a batch at a
 * time from the database to disk, so memory does not grow with the number of records.
 */
export async function writeAuditPack(options: AuditPackOptions): Promise<AuditPack> {
  const { prisma, period, onProgress } = options;
  const name = auditPackName(options.generatedAt);
  await mkdir(options.outDir, { recursive: true });
  const folder = path.join(options.outDir, name);
  await mkdir(folder); // fails if a pack of that name exists: never overwrite one
  const { available, missing } = await checkSources(prisma, options.sources ?? EVIDENCE_SOURCES);

  const evidenceMap = await TextFile.create(path.join(folder, PACK_FILES.evidenceMap));
  const tallies: SourceTally[] = [];
  try {
    await evidenceMap.write(EVIDENCE_MAP_HEADER);
    for (const source of available) {
      tallies.push(
        await exportSourceRecords({
          db: prisma,
          source,
          period,
          folder,
          evidenceMap,
          batchSize: options.batchSize,
          onProgress: ({ done, total }) => onProgress?.({ phase: "records", title: source.title, done, total }),
        }),
      );
    }
  } finally {
    await evidenceMap.close();
  }

  await sealPending(prisma, { wait: true });
  const chain = await verifyAuditChain(prisma, { onProgress: (checked) => onProgress?.({ phase: "audit-trail", checked }) });
  await writeTextFile(path.join(folder, PACK_FILES.chain), `${JSON.stringify(chainFile(chain, options.generatedAt), null, 2)}\n`);

  const auditReports = available.some((source) => source.table === "InternalAudit") ? await writeInternalAuditReports(prisma, folder, period) : [];
  const statement = withPeriodEvidence(await loadSoaStatement(prisma), tallies);
  await writeTextFile(path.join(folder, SOA_FILES.csv), soaCsv(statement));
  await writeTextFile(path.join(folder, SOA_FILES.markdown), soaMarkdown(statement, options.generatedAt));
  const index = packIndexMarkdown({ ...options, statement, tallies, missingSources: missing, chain, auditReports });
  await writeTextFile(path.join(folder, PACK_FILES.index), index);

  const zipPath = `${folder}.zip`;
  await zipFolder(folder, zipPath, name, (file) => onProgress?.({ phase: "zip", file }));
  return {
    name,
    folder,
    zipPath,
    recordCounts: tallies.map((tally) => ({ title: tally.source.title, file: tally.source.file, count: tally.count })),
    missingSources: missing.map((source) => source.title),
    chain,
  };
}

/** The SoA with each control's evidence counted over the records in this pack (its period), not all time. */
function withPeriodEvidence(statement: SoaStatement, tallies: readonly SourceTally[]): SoaStatement {
  const count = (controlId: string) => tallies.reduce((sum, tally) => sum + (tally.byControl.get(controlId) ?? 0), 0);
  return { ...statement, lines: statement.lines.map((line) => ({ ...line, evidenceCount: count(line.controlId) })) };
}

function chainFile(chain: ChainVerification, checkedAt: Date) {
  return {
    checkedAt: checkedAt.toISOString(),
    algorithm: "sha256 over the canonical JSON of each event (keys sorted) including its place in the chain (sealSeq) and the previous event's hash",
    genesisHash: AUDIT_GENESIS_HASH,
    verified: chain.ok,
    eventCount: chain.eventCount,
    head: chain.ok ? chain.head : null,
    brokenAt: chain.ok ? null : chain.brokenAt,
    verifyWith: chain.ok && chain.head ? `npm run audit:verify -- --head ${chain.head.id}:${chain.head.hash}` : "npm run audit:verify",
  };
}
