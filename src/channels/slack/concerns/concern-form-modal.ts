import type { ModalView } from "@slack/types";
import type { AiSystem } from "../../../db/generated/client.js";
import { QUOTE_MAX, type ConcernFieldErrors } from "../../../features/concerns/concern-form.js";
import type { QuotedMessage } from "../../../features/concerns/concern-service.js";
import { concernForm } from "../../../features/concerns/conversation/concern-form-view.js";
import { truncate } from "../blocks/text.js";
import { blockKitForm } from "../conversation/block-kit-form.js";

/** Carried in the modal: a random key for the submission, and the message being quoted. */
export interface ConcernFormMetadata {
  nonce: string;
  quote?: QuotedMessage;
}

/** The shared concern form in a modal that carries its own metadata: the submission key and the quote's origin. */
export function concernFormModal(metadata: ConcernFormMetadata, register: AiSystem[]): ModalView {
  return { ...blockKitForm(concernForm(register, metadata.quote?.text)), private_metadata: JSON.stringify(metadata) };
}

export function formErrors(errors: ConcernFieldErrors): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

/** Private metadata is capped at 3000 characters; a long quote is cut to fit. */
export function quoteFor(text: string, extra: Omit<QuotedMessage, "text"> = {}): QuotedMessage {
  return { text: truncate(text, Math.min(QUOTE_MAX, 2000)), ...extra };
}
