import { isControlId } from "../../../core/iso42001/control-ids.js";

/** Management-system clauses 4 to 10 with at least one sub-clause, e.g. "6.1.4" or "8.4". */
const CLAUSE_ID_PATTERN = /^(?:[4-9]|10)(?:\.[1-9]\d?){1,2}$/;

/** One of the 38 Annex A control ids, or a clause id such as "6.1.4". */
export function isIsoControlOrClauseId(id: string): boolean {
  return isControlId(id) || CLAUSE_ID_PATTERN.test(id);
}
