import type { Message } from "../../../conversation/message.js";
import type { DigestPayload } from "../../digest/digest-service.js";
import { reviewInputsMessage } from "../../management-reviews/conversation/management-review-views.js";
import type { ReviewInputsPayload } from "../../management-reviews/management-review-service.js";
import { isCampaignPayload, isTrainingInvitation } from "../../policies/campaign-payload.js";
import { invitationView } from "../../policies/conversation/policy-views.js";
import { trainingInvitationView } from "../../training/conversation/training-views.js";
import { reminderHeadline } from "../../reminders/reminder-headline.js";
import type { ReminderPayload } from "../../reminders/reminder-payload.js";
import { digestMessage } from "./digest-view.js";
import { reminderMessage } from "./reminder-views.js";

/** Whether a delivery goes to a conversation (the managers' digest) rather than to a person's personal chat. */
export const isDigestPayload = (payload: unknown): payload is DigestPayload => (payload as { type?: unknown }).type === "digest";

/**
 * The message of a scheduled delivery, for each channel to render: a campaign invitation, a management review's
 * inputs, the managers' digest, or a reminder, escalation or check-in prompt as it reads when sent (`now`).
 */
export function deliveryMessage(payload: unknown, now: Date): Message {
  if (isCampaignPayload(payload)) return isTrainingInvitation(payload) ? trainingInvitationView(payload) : invitationView(payload);
  if ((payload as { type?: unknown }).type === "management-review-inputs") return reviewInputsMessage(payload as ReviewInputsPayload);
  if (isDigestPayload(payload)) return digestMessage(payload.report);
  const reminder = payload as ReminderPayload;
  return reminderMessage(reminder, reminderHeadline(reminder, now));
}
