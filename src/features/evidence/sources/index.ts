import type { EvidenceSource } from "../evidence-source.js";
import { impactAssessments } from "./assessments.js";
import { concerns } from "./concerns.js";
import { correctiveActions, externalReportDecisions, incidents } from "./incidents.js";
import { auditFindings, internalAudits } from "./internal-audits.js";
import { managementReviewActions, managementReviewDecisions, managementReviews } from "./management-reviews.js";
import { effectivenessChecks, improvements, nonconformities } from "./nonconformities.js";
import { completions, objectiveCheckIns, objectives, reviews } from "./objectives-and-reviews.js";
import { aiToolRequests, approvalDecisions, approvalStageDeadlines, approvalStageDecisions, registerEntries } from "./requests.js";
import { groupMemberships, roleGrants } from "./roles.js";
import { delegations } from "./delegations.js";
import { campaignCompletion, policyAcknowledgements, policyVersions } from "./policies.js";
import { auditEvents, soaEntryVersions } from "./soa-and-audit.js";
import { trainingCompletions } from "./training.js";
import { vendorReviews, vendors } from "./vendors.js";

const FEATURE_SOURCES: readonly EvidenceSource[] = [
  aiToolRequests,
  approvalDecisions,
  approvalStageDecisions,
  approvalStageDeadlines,
  registerEntries,
  vendors,
  vendorReviews,
  impactAssessments,
  concerns,
  incidents,
  correctiveActions,
  externalReportDecisions,
  nonconformities,
  effectivenessChecks,
  improvements,
  objectives,
  objectiveCheckIns,
  reviews,
  completions,
  internalAudits,
  auditFindings,
  managementReviews,
  managementReviewDecisions,
  managementReviewActions,
  soaEntryVersions,
  roleGrants,
  groupMemberships,
  delegations,
  policyVersions,
  policyAcknowledgements,
  campaignCompletion,
  trainingCompletions,
];

/**
 * Every kind of record the bot holds as evidence, in the order the audit pack lists them. A new feature adds its
 * source module here; sources whose tables are not in the database yet are skipped and named in the pack.
 */
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [
  ...FEATURE_SOURCES,
  auditEvents(FEATURE_SOURCES.flatMap((source) => source.auditEntityTypesWithoutActor ?? [])),
];
