import type { KnownBlock } from "@slack/types";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import type { RegisterListing } from "../../../features/requests/register-listing.js";
import { escapeMrkdwn, truncate } from "./text.js";

/** Systems the App Home names; `/aims register` shows them all (up to its own page) with their details. */
const HOME_SHOWN = 10;

/** The App Home's answer to "which AI tools may I use?": the register's size and the first systems by name. */
export function registerHomeBlocks(listing: RegisterListing): KnownBlock[] {
  const lines = listing.systems
    .slice(0, HOME_SHOWN)
    .map((system) => `• *${escapeMrkdwn(truncate(system.name, 80))}* · ${escapeMrkdwn(truncate(system.vendor, 60))} · risk ${W.risk[system.riskTier]}`);
  const more = listing.total > lines.length ? `…and ${listing.total - lines.length} more. ` : "";
  return [
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "Approved AI tools" } },
    { type: "section", text: { type: "mrkdwn", text: lines.length ? lines.join("\n") : "_None approved yet: ask before you start using one._" } },
    { type: "context", elements: [{ type: "mrkdwn", text: `${more}Search with \`/aims register <name>\` to see owner, review date and impact assessment.` }] },
  ];
}
