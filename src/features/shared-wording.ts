/** Sentences more than one capability says, written once here (each capability's own wording lives in its *-wording.ts). */
export const SHARED_WORDING = {
  /** Handing over something (a corrective action, a due item) to the person who already owns it. */
  alreadyOwner: "That person already owns it.",
  noteTooLong: "Keep the note under 2,000 characters",
  chooseDataKinds: "Choose at least one kind of data",
  chooseActionOwner: "Choose who owns the action",
  dueDateInPast: "The due date cannot be in the past",
} as const;
