import { randomUUID } from "node:crypto";
import type { QuotedMessage } from "../../../features/concerns/concern-service.js";
import type { SlackContext } from "../context.js";
import { CONCERN_WORDING } from "../../../features/concerns/conversation/concern-wording.js";
import { concernFormModal } from "./concern-form-modal.js";
import { quietClient } from "./quiet-client.js";

export const TRIAGE_NOT_CONFIGURED = CONCERN_WORDING.notSetUp("SLACK_TRIAGE_CHANNEL");

/** Opens the concern form, with the AI systems of the register to choose from and the quoted message, if any. */
export async function openConcernForm(ctx: SlackContext, triggerId: string, quote?: QuotedMessage): Promise<void> {
  const register = await ctx.core.concerns.registerChoices();
  await quietClient(ctx).views.open({ trigger_id: triggerId, view: concernFormModal({ nonce: randomUUID(), quote }, register) });
}
