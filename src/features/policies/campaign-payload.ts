/** What a campaign's direct message says, stored with each delivery: small, so 20,000 of them stay cheap. */
export interface CampaignInvitationPayload {
  type: "campaign";
  campaignId: number;
  versionId: number;
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

export function isCampaignPayload(payload: unknown): payload is CampaignInvitationPayload {
  return typeof payload === "object" && payload !== null && (payload as { type?: unknown }).type === "campaign";
}
