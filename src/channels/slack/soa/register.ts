import type { App } from "@slack/bolt";
import type { SlackContext } from "../context.js";
import { editEntryAction } from "./listeners/edit-entry-action.js";
import { editProfileAction } from "./listeners/edit-profile-action.js";
import { entrySubmission } from "./listeners/entry-submission.js";
import { profileSubmission } from "./listeners/profile-submission.js";
import { SOA_IDS } from "./soa-ids.js";

/** The SoA's buttons and forms. `/aims soa` and `/aims export` are in the subcommand registry. */
export function registerSoaListeners(app: App, ctx: SlackContext): void {
  app.action(SOA_IDS.actions.editEntry, editEntryAction(ctx));
  app.action(SOA_IDS.actions.editProfile, editProfileAction(ctx));
  app.view(SOA_IDS.views.entry, entrySubmission(ctx));
  app.view(SOA_IDS.views.profile, profileSubmission(ctx));
}
