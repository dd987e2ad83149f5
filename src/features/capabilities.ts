import { reporterCapability } from "./concerns/conversation/reporter-capability.js";
import { triageCapability } from "./concerns/conversation/triage-capability.js";
import { incidentCapability } from "./incidents/conversation/incident-capability.js";
import { internalAuditCapability } from "./internal-audits/conversation/internal-audit-capability.js";
import { managementReviewCapability } from "./management-reviews/conversation/management-review-capability.js";
import { rolesCapability } from "./organisation/conversation/roles-capability.js";
import { soaCapability } from "./soa/conversation/soa-capability.js";
import { vendorCapability } from "./vendors/conversation/vendor-capability.js";

/** The capabilities written once on the conversation layer; both channels register each of them. */
export const CAPABILITIES = [soaCapability, incidentCapability, triageCapability, reporterCapability, rolesCapability, internalAuditCapability, managementReviewCapability, vendorCapability] as const;
