import { randomUUID } from "node:crypto";
import { parseIncidentCommand } from "../../../../features/incidents/incident-command.js";
import { STATUS_LABELS } from "../../../../features/incidents/incident-status.js";
import type { Subcommand, SubcommandArgs } from "../../listeners/subcommands/subcommand.js";
import { incidentModal } from "../blocks/incident-modal.js";
import { openIncidentForm } from "./open-forms.js";

/** The incident named in the command, or else the one whose dedicated channel the command was typed in. */
async function resolveReference({ ctx, command }: SubcommandArgs, reference?: string): Promise<string | null> {
  if (reference) return reference;
  const incident = await ctx.core.incidents.findByRoom("slack", command.channel_id);
  return incident?.reference ?? null;
}

const NO_INCIDENT_HERE = "This is not an incident channel, so say which incident, e.g. `/aims incident note INC-0001 <text>`.";

export const incidentSubcommand: Subcommand = {
  name: "incident",
  usage: "/aims incident [status|note] …",
  description:
    "Report an AI incident. In its channel, or with its reference: `status [INC-0001] <status>` moves it on, `note [INC-0001] <text>` adds to its timeline.",
  async handle(args) {
    const { ctx, actor, rest, command, client, respond } = args;
    const say = async (text: string) => {
      await respond({ response_type: "ephemeral", text });
    };
    const parsed = parseIncidentCommand(rest);
    switch (parsed.kind) {
      case "invalid":
        return say(parsed.message);
      case "report": {
        const systems = await ctx.core.incidents.affectableSystems();
        await client.views.open({
          trigger_id: command.trigger_id,
          view: incidentModal({ privateMetadata: randomUUID(), systems, now: ctx.core.clock.now() }),
        });
        return;
      }
      case "status": {
        const reference = await resolveReference(args, parsed.reference);
        if (!reference) return say(NO_INCIDENT_HERE);
        if (parsed.status === "closed") {
          const refusal = await openIncidentForm(ctx, { client, actor, reference, triggerId: command.trigger_id, form: "close" });
          return refusal ? say(refusal) : undefined;
        }
        const result = await ctx.core.incidents.changeStatus(actor, reference, parsed.status);
        if (result.kind === "changed") return say(`${reference} is now ${STATUS_LABELS[result.incident.status].toLowerCase()}.`);
        if (result.kind === "closing_needs_form") return;
        return say(result.message);
      }
      case "note": {
        const reference = await resolveReference(args, parsed.reference);
        if (!reference) return say(NO_INCIDENT_HERE);
        const result = await ctx.core.incidents.addNote(actor, reference, parsed.text, `slack:${command.channel_id}`);
        return say(result.kind === "added" ? `Added to the ${reference} timeline.` : result.message);
      }
    }
  },
};
