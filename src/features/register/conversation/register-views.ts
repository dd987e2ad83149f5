import { type Button, context, fields, type Message, person, section, truncate } from "../../../conversation/message.js";
import type { AiSystem } from "../../../db/generated/client.js";
import { classificationBlock } from "../../classification/conversation/classification-views.js";
import { DATA_CATEGORIES, optionLabel } from "../../requests/request-form.js";
import type { EntryWithUsers } from "../register-entry-service.js";
import { REQUEST_IDS } from "../../requests/conversation/request-ids.js";
import { REGISTER_IDS } from "./register-ids.js";
import { REGISTER_WORDING as W } from "./register-wording.js";

const day = (date: Date) => date.toISOString().slice(0, 10);
const or = (value: string | null | undefined) => (value ? truncate(value, 1000) : W.none);

export function statusText(system: Pick<AiSystem, "status" | "statusReason" | "statusChangedAt">): string {
  const status = W.status[system.status];
  return system.statusReason && system.statusChangedAt ? W.statusWithReason(status, truncate(system.statusReason, 300), day(system.statusChangedAt)) : status;
}

/** One register entry in full, with the buttons this person may use. */
export function entryView(system: EntryWithUsers, options: { keeps: boolean; notice?: string }): Message {
  const value = { reference: system.reference };
  const lifecycle = (change: "suspend" | "resume" | "retire", label: string, style?: "danger"): Button => ({ label, action: REGISTER_IDS.actions.lifecycle[change], value, style });
  const keeperButtons: Button[] =
    options.keeps && system.status !== "retired"
      ? [
          { label: W.editDetails, action: REGISTER_IDS.actions.editDetails, value: { ...value, seen: system.updatedAt.toISOString() } },
          // An expired entry comes back through a renewal, not by resuming it.
          ...(system.status === "active" ? [lifecycle("suspend", W.suspend, "danger")] : system.status === "suspended" ? [lifecycle("resume", W.resume)] : []),
          lifecycle("retire", W.retire, "danger"),
        ]
      : [];
  const useButton: Button[] = system.status === "active" ? [{ label: W.iUseIt, action: REGISTER_IDS.actions.use, value }] : [];
  // Renewal is a request (features/requests), filed from here by whoever keeps the entry.
  const renewButton: Button[] =
    options.keeps && system.approvedUntil && (system.status === "active" || system.status === "expired") ? [{ label: W.requestRenewal, action: REQUEST_IDS.renew, value }] : [];
  return {
    title: truncate(`${system.reference} ${system.name}`, 24),
    summary: `${system.reference} ${system.name}: ${W.status[system.status]}`,
    blocks: [
      ...(options.notice ? [context(options.notice)] : []),
      section([`**${system.reference}** ${truncate(system.name, 80)} · ${truncate(system.vendor, 80)}`, truncate(system.purpose, 1500)]),
      fields([
        { label: W.facts.status, value: statusText(system) },
        { label: W.facts.owner, value: person({ channel: system.ownerChannel, id: system.ownerId, name: system.ownerName }) },
        { label: W.facts.model, value: system.modelName ? `${truncate(system.modelName, 100)}${system.modelVersion ? ` ${truncate(system.modelVersion, 60)}` : ""}` : W.none },
        { label: W.facts.hosting, value: system.hosting ? `${W.hosting[system.hosting] ?? system.hosting}${system.hostingRegion ? `, ${truncate(system.hostingRegion, 80)}` : ""}` : W.none },
        { label: W.facts.data, value: system.dataCategories.map((category) => optionLabel(DATA_CATEGORIES, category)).join(", ") || W.none },
        { label: W.facts.operators, value: or(system.operators) },
        { label: W.facts.guidance, value: or(system.guidanceUrl) },
        { label: W.facts.conditions, value: or(system.conditionsOfUse) },
        { label: W.facts.review, value: day(system.nextReviewAt) },
        { label: W.facts.users, value: String(system.users.length) },
      ]),
      // Slack allows ten fields to a section: the approval's end is a line of its own.
      ...(system.approvedUntil ? [context(W.approvedUntil(day(system.approvedUntil), system.status === "expired"))] : []),
      classificationBlock(system.aiActClassification, system.reference),
    ],
    actions: [...keeperButtons, ...renewButton, ...useButton],
  };
}

/** What a user is told when a system they use is suspended, retired or expired. */
export function toldView(system: AiSystem, reason: string): Message {
  const status = W.status[system.status];
  return {
    title: W.toldTitle,
    summary: `${system.reference} ${system.name} is now ${status}`,
    blocks: [
      section([W.told(system.reference, truncate(system.name, 80), status), W.toldReason(truncate(reason, 500))]),
      context(system.status === "retired" ? W.toldRetired : system.status === "expired" ? W.toldExpired : W.toldSuspended),
    ],
  };
}
