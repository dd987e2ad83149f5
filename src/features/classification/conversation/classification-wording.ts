import { command } from "../../../conversation/message.js";

/** The sentences of EU AI Act classification, in both chats. */
export const CLASSIFICATION_WORDING = {
  commandDescription: "Classify an AI system in the register under the EU AI Act (its owner or an AIMS owner). Add its reference, e.g. SYS-0001.",
  heading: "EU AI Act",
  notClassified: "⚪ not yet classified",
  notClassifiedHint: (reference: string) => `Its owner or an AIMS owner can classify it with ${command(`classify ${reference}`)}.`,
  outcome: (label: string, cites: string, version: number) => `**${label}** (${cites}) · classification v${version}`,
  role: (role: string) => `Our role: ${role}`,
  applies: (label: string, cites: string, explanation: string) => `• **${label}** (${cites}): ${explanation}`,
  duty: (duty: string) => `  For us: ${duty}`,
  reasons: (reasons: string) => `Why: ${reasons}`,
  controls: (controls: string) => `ISO/IEC 42001: ${controls}`,
  roles: { provider: "provider (Art. 3(3))", deployer: "deployer (Art. 3(4))", importer: "importer (Art. 3(6))", distributor: "distributor (Art. 3(7))" },
  formTitle: (reference: string) => `Classify ${reference}`,
  formIntro: (reference: string, name: string) =>
    `Classify **${reference}** (${name}) under the EU AI Act (Regulation (EU) 2024/1689). High risk raises its risk tier; a prohibited practice suspends it.`,
  submit: "Classify",
  cancel: "Cancel",
  classifyButton: "Classify",
  resultTitle: "EU AI Act classification",
  classified: (reference: string, label: string) => `**${reference}** is classified: ${label}.`,
  suspended: (reference: string) => `⛔ ${reference} is a prohibited practice, so it is now suspended: it must not be used.`,
  highRisk: (reference: string) => `${reference} is now high risk: its impact assessment must be signed off (ISO 42001 6.1.4).`,
  listTitle: "To classify under the EU AI Act",
  listIntro: (count: number) => `${count} register entr${count === 1 ? "y is" : "ies are"} not yet classified under the EU AI Act.`,
  nothingToClassify: `Nothing of yours is waiting to be classified. ${command("classify <reference>")} classifies an entry again.`,
  listLine: (reference: string, name: string, owner: string) => `**${reference}** ${name} · owner ${owner}`,
  notFound: (reference: string) => `There is no register entry ${reference}.`,
  outOfDate: `That form is out of date. Send ${command("classify")} again.`,
} as const;
