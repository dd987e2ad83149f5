import { randomUUID } from "node:crypto";
import { parseIncidentCommand } from "../../../features/incidents/incident-command.js";
import { STATUS_LABELS } from "../../../features/incidents/incident-status.js";
import { cardMessage, markdownMessage } from "../cards/adaptive-card.js";
import { typedText, type TeamsCommand } from "../commands/command.js";
import { timeZoneOf, nowInputs } from "./detected-at.js";
import { closingCard } from "./follow-up-cards.js";
import { incidentFormCard } from "./incident-form-card.js";

const NEEDS_REFERENCE =
  "Say which incident, e.g. **incident note INC-0001 <text>** or **incident status INC-0001 investigating**. (Dedicated incident channels, where the reference can be left out, exist in Slack only.)";

/** `incident` answers with the report form; `incident status INC-0001 <status>` and `incident note INC-0001 <text>` act at once. */
export const incidentCommand: TeamsCommand = {
  name: "incident",
  description:
    "Report an AI incident. `incident status INC-0001 <status>` moves it on; `incident note INC-0001 <text>` adds to its timeline. (Dedicated SEV1/SEV2 incident channels are created in Slack only.)",
  async handle({ ctx, turn, actor }) {
    const say = (text: string) => turn.sendActivity(markdownMessage(text));
    const text = typedText(turn.activity);
    const parsed = parseIncidentCommand(text.replace(/^incident\b/i, ""));
    switch (parsed.kind) {
      case "invalid":
        await say(parsed.message.replace(/`/g, "**"));
        return;
      case "report": {
        const systems = await ctx.core.incidents.affectableSystems();
        const detected = nowInputs(ctx.core.clock.now(), timeZoneOf(turn.activity));
        await turn.sendActivity(cardMessage(incidentFormCard({ formId: randomUUID(), systems, detected }), "Report an AI incident"));
        return;
      }
      case "status": {
        if (!parsed.reference) return void (await say(NEEDS_REFERENCE));
        const result = await ctx.core.incidents.changeStatus(actor, parsed.reference, parsed.status);
        if (result.kind === "changed") return void (await say(`${parsed.reference} is now ${STATUS_LABELS[result.incident.status].toLowerCase()}.`));
        if (result.kind === "closing_needs_form") {
          const details = await ctx.core.incidents.details(parsed.reference);
          const actions = details?.correctiveActions.filter((a) => a.status !== "cancelled").length ?? 0;
          await turn.sendActivity(cardMessage(closingCard(result.incident, actions), `Close ${parsed.reference}`));
          return;
        }
        await say(result.message);
        return;
      }
      case "note": {
        if (!parsed.reference) return void (await say(NEEDS_REFERENCE));
        const result = await ctx.core.incidents.addNote(actor, parsed.reference, parsed.text, `teams:${turn.activity.conversation.id}`);
        await say(result.kind === "added" ? `Added to the ${parsed.reference} timeline.` : result.message);
      }
    }
  },
};
