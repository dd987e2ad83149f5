import type { ControlId } from "../../core/iso42001/control-ids.js";

/** A.3.3 reporting of concerns; A.3.2 the triager role that handles them. */
export const CONCERN_CONTROLS = ["A.3.3", "A.3.2"] as const satisfies readonly ControlId[];
export const CONCERN_MESSAGE_CONTROLS = ["A.3.3"] as const satisfies readonly ControlId[];
