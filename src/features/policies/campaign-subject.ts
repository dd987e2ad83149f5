import type { PolicyCampaign } from "../../db/generated/client.js";
import type { VersionWithDocument } from "./policy-service.js";

/** What a campaign asks people to do something about: a document version to accept, or a training module to pass. */
export interface CampaignSubject {
  kind: "document" | "module";
  title: string;
  version: number;
}

export function subjectOf(campaign: Pick<PolicyCampaign, "moduleTitle" | "moduleVersion">, version: VersionWithDocument | null): CampaignSubject {
  return version
    ? { kind: "document", title: version.document.title, version: version.version }
    : { kind: "module", title: campaign.moduleTitle ?? "", version: campaign.moduleVersion ?? 0 };
}

/**
 * When recipient `r` of campaign `c` did what the campaign asks, or NULL: accepted the document version, or first
 * passed the module version. SQL text, shared by progress, reminders, the digest and the evidence.
 */
export function campaignDoneAtSql(c = "c", person = `r."personId"`): string {
  return `(CASE WHEN ${c}."moduleId" IS NULL
    THEN (SELECT a."acknowledgedAt" FROM "PolicyAcknowledgement" a WHERE a."versionId" = ${c}."versionId" AND a."personId" = ${person})
    ELSE (SELECT min(tc."completedAt") FROM "TrainingCompletion" tc WHERE tc."moduleId" = ${c}."moduleId" AND tc."moduleVersion" = ${c}."moduleVersion" AND tc."personId" = ${person}) END)`;
}
