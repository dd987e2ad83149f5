import type { NotInUse } from "../link-answer-service.js";
import { command } from "../../../conversation/message.js";

/** Everything link answers say, in both chats. */
export const LINK_ANSWER_WORDING = {
  title: "AI tool check",
  approvedSummary: (tool: string) => `${tool} is approved here`,
  approved: (tool: string, reference: string) => `✅ **${tool}** is approved here (register entry **${reference}**).`,
  approvedPurpose: (purpose: string) => `Approved for: ${purpose}`,
  conditions: (conditions: string) => `**Only on these conditions:** ${conditions}`,
  conditionsOfUse: (conditions: string) => `**Conditions of use:** ${conditions}`,
  notInUseSummary: (tool: string, state: NotInUse) =>
    state === "suspended" ? `${tool} is suspended here` : state === "expired" ? `${tool}'s approval has expired here` : `${tool} is no longer approved here`,
  notInUse: (tool: string, reference: string, state: NotInUse) =>
    state === "suspended"
      ? `⛔ **${tool}** is suspended here (register entry **${reference}**): please don't use it until its owner resumes it.`
      : state === "expired"
        ? `⛔ **${tool}**'s approval has expired (register entry **${reference}**): please don't use it unless its owner has it renewed.`
        : `⛔ **${tool}** is no longer approved here: register entry **${reference}** was retired.`,
  because: (reason: string) => `Why: ${reason}`,
  approvedOwner: (owner: string) => `Questions about how to use it: ${owner}, its owner.`,
  pendingSummary: (tool: string) => `${tool} is waiting for approval`,
  pending: (tool: string, reference: string) => `⏳ **${tool}** is not approved yet: request **${reference}** is with the AIMS approvers.`,
  changesRequested: (tool: string, reference: string) => `⏳ **${tool}** is not approved yet: request **${reference}** went back to its requester for changes.`,
  notYetSummary: (tool: string) => `${tool} is not approved here yet`,
  notYet: (tool: string, vendor: string) => `**${tool}** (${vendor}) is not approved here yet. Please don't put company or personal data into it until it is.`,
  requestIt: "Request it",
  onlyYou: "Only you can see this. The bot answers once per tool now and then, so it won't nag.",
  commandDescription: "Answers to links to AI tools shared here: `links off` or `links on` (AIMS owners)",
  noConversation: "Send this in the channel or chat where link answers should be turned off or on.",
  status: (on: boolean) =>
    on
      ? `When someone shares a link to an AI tool here, the bot tells them (and only them) whether it is approved. AIMS owners can turn this off with ${command("links off")}.`
      : `Link answers are off here. AIMS owners can turn them back on with ${command("links on")}.`,
  switched: (on: boolean) => (on ? "Link answers are on again in this conversation." : "Link answers are off in this conversation: the bot stays quiet about shared links here."),
  unchanged: (on: boolean) => (on ? "Link answers are already on here." : "Link answers are already off here."),
  usage: `Use ${command("links off")} or ${command("links on")}.`,
  requested: (reference: string) => `Your request ${reference} is with the approvers.`,
  formOutOfDate: "That form is out of date. Share the link again or use the request command.",
} as const;
