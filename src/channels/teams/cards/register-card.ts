import { ORG_ROLE_LABELS } from "../../../core/iso42001/org-roles.js";
import { assessmentText, registerHeadline, type RegisterEntry, type RegisterListing } from "../../../features/requests/register-listing.js";
import { adaptiveCard, textBlock, type AdaptiveCard, type CardElement } from "./adaptive-card.js";
import { RISK_LABELS } from "./request-summary.js";
import { formatDate, personLabel, truncate } from "./text.js";

function systemEntry(system: RegisterEntry): CardElement {
  const owner = personLabel({ channel: system.ownerChannel, id: system.ownerId, name: system.ownerName });
  const suspended = system.status === "suspended" ? " · ⏸ suspended" : "";
  return {
    type: "Container",
    separator: true,
    items: [
      textBlock(`**${system.reference}** ${truncate(system.name, 80)} · ${truncate(system.vendor, 80)}`),
      textBlock(`risk ${RISK_LABELS[system.riskTier]} · ${ORG_ROLE_LABELS[system.orgRole]} · owner ${owner} · next review ${formatDate(system.nextReviewAt)}${suspended}`, { size: "small", subtle: true }),
      textBlock(assessmentText(system), { size: "small", subtle: true }),
    ],
  };
}

/** The AI system register: a headline and one entry per system (at most 40, well inside Teams' 28 KB). */
export function registerCard(listing: RegisterListing): AdaptiveCard {
  const more = listing.systems.length < listing.total ? [textBlock("Narrow it down with **register <name>**; the audit pack lists every entry.", { subtle: true })] : [];
  return adaptiveCard([textBlock(registerHeadline(listing), { weight: "bolder" }), ...listing.systems.map(systemEntry), ...more]);
}
