import { type Block, context, type Message, person, section, truncate } from "../../../conversation/message.js";
import type { AiSystem } from "../../../db/generated/client.js";
import { type Classification, storedClassification } from "../classify.js";
import { CLASSIFICATION_IDS } from "./classification-ids.js";
import { CLASSIFICATION_WORDING as W } from "./classification-wording.js";


/** The outcome in one line: "High-risk AI system (Art. 6, ...) · classification v1", or "not yet classified". */
export function classificationLine(stored: unknown): string {
  const classification = storedClassification(stored);
  if (!classification) return W.notClassified;
  const top = classification.applies[0];
  return W.outcome(classification.outcomeLabel, top?.cites ?? "", classification.definitionVersion);
}

/** Every outcome that applies with what it means for our role, the reasons and the ISO 42001 controls. */
export function classificationDetails(classification: Classification): string[] {
  return [
    W.role(W.roles[classification.role] ?? classification.role),
    ...classification.applies.flatMap((outcome) => [
      W.applies(outcome.label, outcome.cites, outcome.explanation),
      ...(outcome.duty ? [W.duty(outcome.duty)] : []),
    ]),
    W.reasons(truncate(classification.reasons.join("; "), 1200)),
    W.controls(classification.controls.join(", ")),
  ];
}

/** The classification as a block of a request or register message. */
export function classificationBlock(stored: unknown, reference?: string): Block {
  const classification = storedClassification(stored);
  if (!classification) return section([`**${W.heading}**: ${W.notClassified}`, ...(reference ? [W.notClassifiedHint(reference)] : [])]);
  // One Slack section holds 3,000 characters.
  return section([truncate([`**${W.heading}**: ${classificationLine(stored)}`, ...classificationDetails(classification)].join("\n"), 2900)]);
}

/** What the person who classified a register entry is shown. */
export function classifiedView(system: AiSystem, classification: Classification, suspended: boolean): Message {
  const notes = [...(suspended ? [W.suspended(system.reference)] : []), ...(system.riskTier === "high" && !suspended ? [W.highRisk(system.reference)] : [])];
  return {
    title: W.resultTitle,
    summary: W.classified(system.reference, classification.outcomeLabel),
    blocks: [section([W.classified(system.reference, truncate(classification.outcomeLabel, 80))]), classificationBlock(classification), ...notes.map((note) => context(note))],
  };
}

/** The register entries not yet classified that this person may classify, each with its button. */
export function unclassifiedView(systems: AiSystem[]): Message {
  if (systems.length === 0) return { title: W.listTitle, summary: W.nothingToClassify, blocks: [section([W.nothingToClassify])] };
  return {
    title: W.listTitle,
    summary: W.listIntro(systems.length),
    blocks: [
      section([W.listIntro(systems.length)]),
      ...systems.map((system) =>
        section([W.listLine(system.reference, truncate(system.name, 80), person({ channel: system.ownerChannel, id: system.ownerId, name: system.ownerName }))], {
          button: { label: W.classifyButton, action: CLASSIFICATION_IDS.actions.open, value: { reference: system.reference } },
        }),
      ),
    ],
  };
}
