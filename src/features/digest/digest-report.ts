import type { DigestMetric } from "./digest-section.js";

export interface DigestLine extends DigestMetric {
  /** Change since last week's digest; null when there is no earlier digest to compare with. */
  change: number | null;
}

export interface DigestReport {
  from: string;
  to: string;
  sections: { title: string; lines: DigestLine[]; entries?: string[] }[];
  /** True when every count is zero: the message says so briefly. */
  quiet: boolean;
}

export type DigestCounts = Record<string, number>;

export function countsOf(sections: { metrics: DigestMetric[] }[]): DigestCounts {
  return Object.fromEntries(sections.flatMap((section) => section.metrics.map((metric) => [metric.key, metric.value])));
}

/** Builds the report from this week's metrics and last week's counts. */
export function buildDigestReport(
  window: { from: Date; to: Date },
  sections: { title: string; metrics: DigestMetric[]; entries?: string[] }[],
  previous: DigestCounts | null,
): DigestReport {
  const withChange = sections.map((section) => ({
    title: section.title,
    ...(section.entries?.length ? { entries: section.entries } : {}),
    lines: section.metrics.map((metric) => ({
      ...metric,
      change: previous && metric.key in previous ? metric.value - previous[metric.key]! : null,
    })),
  }));
  return {
    from: window.from.toISOString(),
    to: window.to.toISOString(),
    sections: withChange,
    quiet: sections.every((section) => section.metrics.every((metric) => metric.value === 0)),
  };
}
