import { assessmentCapability } from "./assessments/conversation/assessment-capability.js";
import { reporterCapability } from "./concerns/conversation/reporter-capability.js";
import { triageCapability } from "./concerns/conversation/triage-capability.js";
import { incidentCapability } from "./incidents/conversation/incident-capability.js";
import { linkAnswerCapability } from "./link-answers/conversation/link-answer-capability.js";
import { internalAuditCapability } from "./internal-audits/conversation/internal-audit-capability.js";
import { managementReviewCapability } from "./management-reviews/conversation/management-review-capability.js";
import { requestCapability } from "./requests/conversation/request-capability.js";
import { nonconformityCapability } from "./nonconformities/conversation/nc-capability.js";
import { rolesCapability } from "./organisation/conversation/roles-capability.js";
import { policyCapability } from "./policies/conversation/policy-capability.js";
import { classificationCapability } from "./classification/conversation/classification-capability.js";
import { registerCapability } from "./register/conversation/register-capability.js";
import { schedulingCapability } from "./scheduler/conversation/scheduling-capability.js";
import { soaCapability } from "./soa/conversation/soa-capability.js";
import { vendorCapability } from "./vendors/conversation/vendor-capability.js";
import { delegationCapability } from "./delegations/conversation/delegation-capability.js";
import { trainingCapability } from "./training/conversation/training-capability.js";

/** The capabilities written once on the conversation layer; both channels register each of them. */
export const CAPABILITIES = [soaCapability, incidentCapability, triageCapability, reporterCapability, rolesCapability, internalAuditCapability, managementReviewCapability, classificationCapability, registerCapability, requestCapability, nonconformityCapability, policyCapability, linkAnswerCapability, vendorCapability, delegationCapability, trainingCapability, assessmentCapability, schedulingCapability] as const;
