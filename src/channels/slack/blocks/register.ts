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

/** Systems the App Home names; `/aims register` shows them all (up to its own page) with their details. */
const HOME_SHOWN = 10;

/** The App Home's answer to "which AI tools may I use?": the register's size and the first systems by name. */
export function registerHomeBlocks(listing: RegisterListing): KnownBlock[] {
  const lines = listing.systems
    .slice(0, HOME_SHOWN)
    .map((system) => `• *${escapeMrkdwn(truncate(system.name, 80))}* · ${escapeMrkdwn(truncate(system.vendor, 60))} · risk ${RISK_LABELS[system.riskTier]}`);
  const more = listing.total > lines.length ? `…and ${listing.total - lines.length} more. ` : "";
  return [
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "Approved AI tools" } },
    { type: "section", text: { type: "mrkdwn", text: lines.length ? lines.join("\n") : "_None approved yet: ask before you start using one._" } },
    { type: "context", elements: [{ type: "mrkdwn", text: `${more}Search with \`/aims register <name>\` to see owner, review date and impact assessment.` }] },
  ];
}
