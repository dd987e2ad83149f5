import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  ANNEX_A_CONTROLS,
  ANNEX_A_GROUPS,
  CLAUSES,
  CONTROL_IDS,
  EVIDENCE_RECORD_TYPES,
  clausesForRecordType,
  controlById,
  controlsForRecordType,
  isControlId,
  type ControlId,
} from "./controls.js";
import { findRepoRoot } from "./yaml-data-file.js";

// CI checks the repo out next to the shared folder, so the reference lives at ../shared/reference from the root.
const REFERENCE_PATH = join(findRepoRoot(), "..", "shared", "reference", "iso42001-annex-a.md");
const referenceAvailable = existsSync(REFERENCE_PATH);

function referenceTableRows(firstCellPattern: RegExp): string[][] {
  return readFileSync(REFERENCE_PATH, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => firstCellPattern.test(cells[0]));
}

/** "4.1–4.4" -> 4.1 4.2 4.3 4.4; "5.2, 5.3" -> 5.2 5.3 */
function expandClauseCell(cell: string): string[] {
  return cell.split(",").flatMap((part) => {
    const [from, to] = part.trim().split("–");
    if (!to) return [from];
    const prefix = from.slice(0, from.lastIndexOf(".") + 1);
    const first = Number(from.slice(prefix.length));
    const last = Number(to.slice(prefix.length));
    return Array.from({ length: last - first + 1 }, (_, offset) => `${prefix}${first + offset}`);
  });
}

describe("Annex A catalogue", () => {
  it("holds 38 unique controls", () => {
    expect(ANNEX_A_CONTROLS).toHaveLength(38);
    expect(new Set(ANNEX_A_CONTROLS.map((control) => control.id)).size).toBe(38);
  });

  it("lists exactly the ids of the literal ControlId union, in the same order", () => {
    expect(ANNEX_A_CONTROLS.map((control) => control.id)).toEqual([...CONTROL_IDS]);
  });

  it("has the nine sections A.2..A.10 with their titles, each control under its own section", () => {
    expect(ANNEX_A_GROUPS.map((group) => `${group.id} ${group.title}`)).toEqual([
      "A.2 Policies related to AI",
      "A.3 Internal organization",
      "A.4 Resources for AI systems",
      "A.5 Assessing impacts of AI systems",
      "A.6 AI system life cycle",
      "A.7 Data for AI systems",
      "A.8 Information for interested parties of AI systems",
      "A.9 Use of AI systems",
      "A.10 Third-party and customer relationships",
    ]);
    for (const control of ANNEX_A_CONTROLS) expect(control.id.startsWith(`${control.group.id}.`)).toBe(true);
  });

  it.skipIf(!referenceAvailable)(
    `matches the reference table id for id, with titles and evidence sources${
      referenceAvailable ? "" : ` (SKIPPED: reference not found at ${REFERENCE_PATH})`
    }`,
    () => {
      const rows = referenceTableRows(/^A\.\d/);
      expect(rows).toHaveLength(38);
      expect(ANNEX_A_CONTROLS.map((control) => [control.id, control.title, control.evidenceSource])).toEqual(rows);
    },
  );

  it.skipIf(!referenceAvailable)(
    `covers every clause of the reference clause table${
      referenceAvailable ? "" : ` (SKIPPED: reference not found at ${REFERENCE_PATH})`
    }`,
    () => {
      const referenceClauseIds = referenceTableRows(/^\d/).flatMap((cells) => expandClauseCell(cells[0]));
      expect(CLAUSES.map((clause) => clause.id)).toEqual(referenceClauseIds);
    },
  );

  it("keeps clauses 4.1 to 10.2 with a topic each", () => {
    expect(CLAUSES[0].id).toBe("4.1");
    expect(CLAUSES.at(-1)?.id).toBe("10.2");
    expect(CLAUSES.find((clause) => clause.id === "6.1.4")?.topic).toBe("AI system impact assessment");
  });
});

describe("control lookups", () => {
  it("finds a control by id and rejects unknown ids", () => {
    expect(controlById("A.6.2.2").title).toBe("AI system requirements and specification");
    expect(controlById("A.6.2.2").group.title).toBe("AI system life cycle");
    expect(controlById("A.1.1")).toBeUndefined();
    expect(isControlId("A.10.4")).toBe(true);
    expect(isControlId("A.10.5")).toBe(false);
    expect(isControlId(42)).toBe(false);
  });

  it("maps record types to the controls they evidence", () => {
    const ids = (recordType: (typeof EVIDENCE_RECORD_TYPES)[number]) =>
      controlsForRecordType(recordType).map((control) => control.id);
    expect(ids("ai_tool_request")).toEqual(expect.arrayContaining<ControlId>(["A.4.4", "A.9.2", "A.10.3"]));
    expect(ids("ai_tool_request")).not.toContain("A.2.2");
    expect(ids("policy")).toEqual(["A.2.2", "A.2.4"]);
    expect(ids("role_assignment")).toEqual(["A.3.2"]);
    expect(ids("external_report_decision")).toEqual(["A.8.3"]);
    expect(ids("audit_event")).toContain("A.6.2.8");
  });

  it("gives every record type of the vocabulary at least one control or management-system clause", () => {
    for (const recordType of EVIDENCE_RECORD_TYPES) {
      expect([...controlsForRecordType(recordType), ...clausesForRecordType(recordType)], recordType).not.toHaveLength(0);
    }
    expect(clausesForRecordType("nonconformity").map((clause) => clause.id)).toEqual(["10.2"]);
    expect(clausesForRecordType("improvement").map((clause) => clause.id)).toEqual(["10.1"]);
  });

  it("evidences every control whose evidence is its SoA justification by soa_entry", () => {
    const justifiedInSoa = ANNEX_A_CONTROLS.filter((control) => control.evidenceSource.startsWith("SoA justification"));
    expect(justifiedInSoa.length).toBeGreaterThan(0);
    for (const control of justifiedInSoa) expect(control.evidenceRecordTypes, control.id).toContain("soa_entry");
  });

  it("is frozen so callers cannot change the shared catalogue", () => {
    expect(Object.isFrozen(ANNEX_A_CONTROLS)).toBe(true);
    expect(Object.isFrozen(ANNEX_A_CONTROLS[0])).toBe(true);
  });
});
