import { controlById, controlsForRecordType, type ControlId } from "../../core/iso42001/controls.js";

const EVIDENCED_BY_SOA: ReadonlySet<string> = new Set(controlsForRecordType("soa_entry").map((control) => control.id));

/**
 * The controls an SoA line evidences: its own control, where the catalogue says that control is evidenced by the
 * documented SoA decision (e.g. A.6.2.2, whose requirements are specified outside the bot); none otherwise.
 */
export function soaEntryControls(controlId: ControlId): ControlId[] {
  return EVIDENCED_BY_SOA.has(controlById(controlId).id) ? [controlId] : [];
}

/** Controls an organisation profile change evidences: every control evidenced by the SoA. */
export const SOA_PROFILE_CONTROLS: readonly ControlId[] = [...EVIDENCED_BY_SOA] as ControlId[];
