import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS, CLAUSES } from "../../core/iso42001/controls.js";

/** One thing an audit can cover: a management-system clause (4.1–10.2) or an Annex A control. */
export interface ScopeItem {
  id: string;
  kind: "clause" | "control";
  title: string;
  /** The clause number (4 … 10) or the Annex A section (A.2 … A.10) it belongs to. */
  group: string;
  /** Where the bot keeps the evidence for it, in words (the catalogue's evidence source or bot support). */
  evidenceSource: string;
}

export interface ScopeGroup {
  id: string;
  title: string;
}

const clauseGroup = (id: string) => id.split(".")[0]!;

const CLAUSE_GROUP_TITLES: Record<string, string> = {
  "4": "Context of the organization",
  "5": "Leadership",
  "6": "Planning",
  "7": "Support",
  "8": "Operation",
  "9": "Performance evaluation",
  "10": "Improvement",
};

/** Every item an audit may cover, in catalogue order: clauses 4–10, then Annex A controls. */
export const SCOPE_ITEMS: readonly ScopeItem[] = [
  ...CLAUSES.map((clause): ScopeItem => ({ id: clause.id, kind: "clause", title: clause.topic, group: clauseGroup(clause.id), evidenceSource: clause.botSupport })),
  ...ANNEX_A_CONTROLS.map((control): ScopeItem => ({ id: control.id, kind: "control", title: control.title, group: control.group.id, evidenceSource: control.evidenceSource })),
];

/** The groups of the checklist, in order: clauses 4 … 10, then the Annex A sections. */
export const SCOPE_GROUPS: readonly ScopeGroup[] = [
  ...[...new Set(CLAUSES.map((clause) => clauseGroup(clause.id)))].map((id) => ({ id, title: `Clause ${id} ${CLAUSE_GROUP_TITLES[id] ?? ""}`.trim() })),
  ...ANNEX_A_GROUPS.map((group) => ({ id: group.id, title: `${group.id} ${group.title}` })),
];

const ITEMS_BY_ID: ReadonlyMap<string, ScopeItem> = new Map(SCOPE_ITEMS.map((item) => [item.id, item]));
const ORDER: ReadonlyMap<string, number> = new Map(SCOPE_ITEMS.map((item, index) => [item.id, index]));

export const scopeItem = (id: string): ScopeItem | undefined => ITEMS_BY_ID.get(id);
export const isClause = (id: string) => ITEMS_BY_ID.get(id)?.kind === "clause";

/** The ids given, each once, in catalogue order; `unknown` lists what is no clause or control of the catalogue. */
export function normaliseScope(ids: readonly string[]): { scope: string[]; unknown: string[] } {
  const trimmed = [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
  const unknown = trimmed.filter((id) => !ITEMS_BY_ID.has(id));
  const scope = trimmed.filter((id) => ITEMS_BY_ID.has(id)).sort((a, b) => ORDER.get(a)! - ORDER.get(b)!);
  return { scope, unknown };
}
