import type { PolicyAcknowledgement, PolicyCampaign, PolicyVersion } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    "policy.published": { version: Omit<PolicyVersion, "body"> };
    "campaign.started": { campaign: PolicyCampaign };
    "policy.acknowledged": { acknowledgement: PolicyAcknowledgement };
  }
}
