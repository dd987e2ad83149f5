import type { Message } from "../../../conversation/message.js";
import { reviewInputsMessage } from "../../management-reviews/conversation/management-review-views.js";
import type { ReviewInputsPayload } from "../../management-reviews/management-review-service.js";
import { isCampaignPayload, isTrainingInvitation } from "../../policies/campaign-payload.js";
import { invitationView } from "../../policies/conversation/policy-views.js";
import { trainingInvitationView } from "../../training/conversation/training-views.js";

/**
 * The message of a scheduled delivery written once on the conversation layer (a campaign invitation, a management
 * review's inputs), for each channel to render; null for the payloads each channel still draws itself.
 */
export function neutralDeliveryMessage(payload: unknown): Message | null {
  if (isCampaignPayload(payload)) return isTrainingInvitation(payload) ? trainingInvitationView(payload) : invitationView(payload);
  if ((payload as { type?: unknown }).type === "management-review-inputs") return reviewInputsMessage(payload as ReviewInputsPayload);
  return null;
}
