import type { TriageResult } from "../../../features/concerns/concern-service.js";

/** What to tell a triager whose action did not go through, or null when it did. */
export function describeTriageResult(result: TriageResult, reference: string): string | null {
  switch (result.kind) {
    case "done":
      return null;
    case "not_found":
      return `I can't find concern ${reference}.`;
    case "forbidden":
    case "refused":
    case "invalid":
      return result.message;
  }
}
