import { INCIDENT_STATUSES, isIncidentStatus, type IncidentStatus } from "./incident-status.js";

/**
 * The text forms of the incident command, the same in every channel. Without a reference, `status` and `note` act
 * on the incident whose dedicated conversation they are typed in.
 */
export type IncidentCommand =
  | { kind: "report" }
  | { kind: "status"; reference?: string; status: IncidentStatus }
  | { kind: "note"; reference?: string; text: string }
  | { kind: "invalid"; message: string };

export const INCIDENT_COMMAND_USAGE = [
  "`incident`: report an AI incident",
  `\`incident status [INC-0001] <status>\`: move an incident on (${INCIDENT_STATUSES.join(", ")})`,
  "`incident note [INC-0001] <text>`: add a note to an incident's timeline",
].join("\n");

const REFERENCE = /^INC-\d{4,}$/i;

export function parseIncidentCommand(text: string): IncidentCommand {
  const [verb = "", ...words] = text.trim().split(/\s+/).filter(Boolean);
  const hasReference = words.length > 0 && REFERENCE.test(words[0]);
  const reference = hasReference ? words[0].toUpperCase() : undefined;
  const rest = hasReference ? words.slice(1) : words;

  switch (verb.toLowerCase()) {
    case "":
    case "report":
      return { kind: "report" };
    case "status": {
      const status = (rest[0] ?? "").toLowerCase();
      if (rest.length !== 1 || !isIncidentStatus(status)) {
        return { kind: "invalid", message: `Say which status: ${INCIDENT_STATUSES.join(", ")}. For example \`incident status INC-0001 investigating\`.` };
      }
      return { kind: "status", reference, status };
    }
    case "note": {
      const noteText = text.trim().slice(verb.length).trim().slice(reference ? words[0].length : 0).trim();
      if (!noteText) return { kind: "invalid", message: "Write the note after the command, e.g. `incident note INC-0001 Model rolled back`." };
      return { kind: "note", reference, text: noteText };
    }
    default:
      return { kind: "invalid", message: `I don't know \`incident ${verb}\`. You can use:\n${INCIDENT_COMMAND_USAGE}` };
  }
}
