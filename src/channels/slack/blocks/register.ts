import type { KnownBlock } from "@slack/types";
import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { assessmentText, registerHeadline, type RegisterEntry, type RegisterListing } from "../../../features/requests/register-listing.js";
import { mention } from "../slack-actor.js";
import { RISK_LABELS } from "./request-summary.js";
import { escapeMrkdwn, formatDate, truncate } from "./text.js";

function systemLine(system: RegisterEntry): KnownBlock {
  const owner = mention({ channel: system.ownerChannel, id: system.ownerId, name: system.ownerName });
  const suspended = system.status === "suspended" ? " · :double_vertical_bar: suspended" : "";
  const text =
    `*${system.reference}* ${escapeMrkdwn(truncate(system.name, 80))} · ${escapeMrkdwn(truncate(system.vendor, 80))}\n` +
    `risk ${RISK_LABELS[system.riskTier]} · ${ORG_ROLE_LABELS[system.orgRole]} · owner ${owner} · next review ${formatDate(system.nextReviewAt)}${suspended}\n` +
    assessmentText(system);
  return { type: "section", text: { type: "mrkdwn", text } };
}

/** The register as an ephemeral answer: a headline and one section per system (at most 40, within Slack's 50 blocks). */
export function registerBlocks(listing: RegisterListing): KnownBlock[] {
  const more: KnownBlock[] =
    listing.systems.length < listing.total
      ? [{ type: "context", elements: [{ type: "mrkdwn", text: "Narrow it down with `/aims register <name>`; the audit pack lists every entry." }] }]
      : [];
  return [{ type: "section", text: { type: "mrkdwn", text: escapeMrkdwn(registerHeadline(listing)) } }, ...listing.systems.map(systemLine), ...more];
}
