import type { HomeView, KnownBlock } from "@slack/types";
import type { AiToolRequest } from "../../../db/generated/client.js";
import { SLACK_IDS } from "../ids.js";
import { actions, heading } from "../../../conversation/message.js";
import { decisionButtons } from "../../../features/requests/conversation/request-decisions.js";
import { REQUEST_WORDING as W } from "../../../features/requests/conversation/request-wording.js";
import { requestFacts, requestLine, requestTitle } from "../../../features/requests/conversation/request-views.js";
import { blockKitBlocks } from "../conversation/block-kit-message.js";

export interface HomeSection {
  /** Blocks a feature adds to the App Home, after the built-in ones. */
  blocks: KnownBlock[];
}

/** Slack allows 100 blocks in a Home view; these budgets keep every section inside it. */
const MY_REQUESTS_SHOWN = 15;
const PENDING_SHOWN = 5;

export function appHomeView(options: {
  myRequests: AiToolRequest[];
  pendingForApprover: AiToolRequest[] | null;
  extraSections?: HomeSection[];
}): HomeView {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "AI Management System" } },
    {
      type: "section",
      text: { type: "mrkdwn", text: "Ask before using a new AI tool, and follow your requests here." },
      accessory: {
        type: "button",
        action_id: SLACK_IDS.actions.openRequestForm,
        style: "primary",
        text: { type: "plain_text", text: W.formTitle },
      },
    },
    { type: "divider" },
    { type: "header", text: { type: "plain_text", text: "My requests" } },
    ...(options.myRequests.length
      ? blockKitBlocks(options.myRequests.slice(0, MY_REQUESTS_SHOWN).map((request) => requestLine(request)))
      : [{ type: "section" as const, text: { type: "mrkdwn" as const, text: "_No requests yet._" } }]),
  ];
  if (options.pendingForApprover) {
    blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: "Waiting for your decision" } });
    if (options.pendingForApprover.length === 0) {
      blocks.push({ type: "section", text: { type: "mrkdwn", text: "_Nothing is waiting. Thank you!_" } });
    }
    for (const request of options.pendingForApprover.slice(0, PENDING_SHOWN)) {
      blocks.push(...blockKitBlocks([heading(requestTitle(request)), requestFacts(request)[0], actions(decisionButtons(request))]));
    }
  }
  for (const section of options.extraSections ?? []) blocks.push(...section.blocks);
  return { type: "home", blocks: blocks.slice(0, 100) };
}
