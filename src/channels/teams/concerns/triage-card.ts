import type { Concern, ConcernMessage } from "../../../db/generated/client.js";
import { categoryLabel, MESSAGE_MAX } from "../../../features/concerns/concern-form.js";
import { isOpen, statusLabel } from "../../../features/concerns/concern-status.js";
import { adaptiveCard, executeAction, textBlock, type AdaptiveCard, type CardElement } from "../cards/adaptive-card.js";
import { formatDate, personLabel, truncate } from "../cards/text.js";
import { choiceInput, personInput, textInput } from "../incidents/card-inputs.js";
import { aiSystemText, conversationBlocks, outcomeBlocks, reporterText } from "./concern-text.js";
import { CONCERN_VERBS } from "./concern-verbs.js";

export const TRIAGE_INPUTS = { question: "question", assignee: "assignee", outcome: "outcome", reason: "reason" } as const;

const OUTCOMES = [
  { value: "resolved", label: "Resolved: the concern was addressed" },
  { value: "dismissed", label: "Dismissed: no action needed" },
];

/** A button that opens a small form inside the card; its Action.Execute sends that form's inputs. */
function showCard(title: string, body: CardElement[], submit: CardElement): CardElement {
  return { type: "Action.ShowCard", title, card: { type: "AdaptiveCard", body, actions: [submit] } };
}

function triageActions(concern: Concern): CardElement[] {
  if (!isOpen(concern.status)) return [];
  const data = { reference: concern.reference };
  const ask = showCard(
    "Ask the reporter",
    textInput(TRIAGE_INPUTS.question, {
      label: "Your question (the reporter sees it; anonymous reporters with their code)",
      multiline: true,
      maxLength: MESSAGE_MAX,
    }),
    executeAction("Send question", CONCERN_VERBS.ask, data, "positive"),
  );
  if (concern.status === "received") return [executeAction("Acknowledge", CONCERN_VERBS.acknowledge, data, "positive"), ask];
  return [
    ask,
    showCard(
      concern.assigneeId ? "Reassign" : "Assign",
      personInput(TRIAGE_INPUTS.assignee, { label: "Who investigates it?" }),
      executeAction("Assign", CONCERN_VERBS.assign, data, "positive"),
    ),
    showCard(
      "Close with outcome",
      [
        ...choiceInput(TRIAGE_INPUTS.outcome, { label: "Outcome", choices: OUTCOMES }),
        ...textInput(TRIAGE_INPUTS.reason, { label: "Reasons (the reporter sees them)", multiline: true, maxLength: MESSAGE_MAX }),
      ],
      executeAction("Close", CONCERN_VERBS.close, data),
    ),
  ];
}

/** The card in the Teams triage conversation, updated in place as the concern changes in either channel. */
export function triageCard(concern: Concern, messages: ConcernMessage[]): AdaptiveCard {
  const fact = (title: string, value: string) => ({ title, value: truncate(value, 300) });
  const assignee =
    concern.assigneeId && concern.assigneeChannel
      ? personLabel({ channel: concern.assigneeChannel, id: concern.assigneeId, name: concern.assigneeName })
      : "nobody yet";
  const body: CardElement[] = [
    textBlock(`AI concern ${concern.reference}`, { size: "large", weight: "bolder" }),
    {
      type: "FactSet",
      facts: [
        fact("Status", statusLabel(concern.status)),
        fact("Category", categoryLabel(concern.category)),
        fact("Reported by", reporterText(concern)),
        fact("AI system", aiSystemText(concern)),
        fact("Received", formatDate(concern.receivedOn)),
        concern.acknowledgedAt ? fact("Acknowledged", formatDate(concern.acknowledgedAt)) : fact("Acknowledge by", formatDate(concern.acknowledgeBy)),
        fact("Resolve by", formatDate(concern.resolveBy)),
        fact("Assigned to", assignee),
      ],
    },
    textBlock(truncate(concern.description, 3000)),
    ...(concern.quotedText ? [textBlock(`Quoted message: “${truncate(concern.quotedText, 1500)}”`, { subtle: true })] : []),
    ...conversationBlocks(messages),
    ...outcomeBlocks(concern),
  ];
  return adaptiveCard(body, triageActions(concern));
}

export const triageSummary = (concern: Concern) =>
  `AI concern ${concern.reference}: ${categoryLabel(concern.category)} (${statusLabel(concern.status)})`;
