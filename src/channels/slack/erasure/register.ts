import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { ERASURE_IDS } from "./erasure-ids.js";
import { eraseSubmission } from "./listeners/erase-submission.js";

export function registerErasureListeners(app: App, ctx: SlackContext): void {
  app.view(ERASURE_IDS.views.erase, eraseSubmission(ctx));
}
