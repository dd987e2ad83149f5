import type { Prisma } from "../../db/database.js";

/** The week a digest covers: [from, to). */
export interface DigestWindow {
  from: Date;
  to: Date;
  /** Approvals pending for longer than this many days count as waiting. */
  waitingDays: number;
}

export interface DigestMetric {
  /** Stable key, used to compare with last week. */
  key: string;
  label: string;
  value: number;
}

/** One part of the weekly digest; features plug theirs in (assessments, concerns, incidents ...). */
export interface DigestSection {
  title: string;
  collect(db: Prisma, window: DigestWindow): Promise<DigestMetric[]>;
  /** What the counts are made of, one line each, when managers need the names (requests waiting at a stage). */
  list?(db: Prisma, window: DigestWindow): Promise<string[]>;
}
