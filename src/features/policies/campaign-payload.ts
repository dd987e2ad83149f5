/**
 * What a campaign's direct message says, stored with each delivery: small, so 20,000 of them stay cheap. Of a
 * document version (`versionId`) or a training module (`moduleId`, with `version` the module's).
 */
export type CampaignInvitationPayload = DocumentInvitationPayload | TrainingInvitationPayload;

export interface DocumentInvitationPayload extends InvitationBase {
  versionId: number;
}

export interface TrainingInvitationPayload extends InvitationBase {
  moduleId: string;
}

interface InvitationBase {
  type: "campaign";
  campaignId: number;
  title: string;
  version: number;
  summary: string;
  /** ISO 8601. */
  deadline: string;
  /** A reminder after the deadline passed, rather than the first message. */
  reminder?: boolean;
}

export const CAMPAIGN_INVITATION_KIND = "campaign.invitation";
export const CAMPAIGN_REMINDER_KIND = "campaign.reminder";

export const isTrainingInvitation = (payload: CampaignInvitationPayload): payload is TrainingInvitationPayload => "moduleId" in payload;

export function isCampaignPayload(payload: unknown): payload is CampaignInvitationPayload {
  return typeof payload === "object" && payload !== null && (payload as { type?: unknown }).type === "campaign";
}
