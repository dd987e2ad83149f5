import type { ApprovalGate } from "../requests/approval-gates.js";

/** The id of the "Start assessment" action the gate offers; each channel maps it to its own button. */
export const START_ASSESSMENT_ACTION = "assessment_start_for_request";

const STATUS_WORDS = {
  draft: "is being drafted",
  submitted: "is waiting for an AIMS owner's sign-off",
  sent_back: "was sent back to the assessor for changes",
  signed_off: "is signed off",
} as const;

/**
 * ISO 42001 6.1.4: a high-risk request cannot be approved until an impact assessment linked to it is signed off.
 * Runs inside the decision's transaction, so a sign-off and an approval cannot cross.
 */
export const signedOffAssessmentGate: ApprovalGate = async (tx, request) => {
  if (request.riskTier !== "high") return null;
  const signedOff = await tx.impactAssessment.findFirst({ where: { requestId: request.id, status: "signed_off" } });
  if (signedOff) return null;
  const open = await tx.impactAssessment.findFirst({ where: { requestId: request.id }, orderBy: { id: "desc" } });
  const progress = open ? ` Assessment ${open.reference} ${STATUS_WORDS[open.status]}.` : " No assessment has been started yet.";
  return {
    message:
      `${request.reference} is high risk, so it can only be approved once an AI system impact assessment of it ` +
      `has been signed off by an AIMS owner (ISO 42001 6.1.4).${progress}`,
    action: { label: open ? "Open assessment" : "Start assessment", id: START_ASSESSMENT_ACTION },
  };
};
