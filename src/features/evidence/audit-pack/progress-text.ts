import type { PackProgress } from "./write-audit-pack.js";

/** One line of command-line progress for an audit pack export. */
export function progressText(progress: PackProgress): string {
  switch (progress.phase) {
    case "records": {
      const percent = progress.total > 0 ? Math.floor((progress.done / progress.total) * 100) : 100;
      return `${progress.title}: ${progress.done.toLocaleString("en")}/${progress.total.toLocaleString("en")} (${percent}%)`;
    }
    case "audit-trail":
      return `Verifying the audit trail: ${progress.checked.toLocaleString("en")} events`;
    case "zip":
      return `Zipping ${progress.file}`;
  }
}
