import type { Form } from "../../../conversation/form.js";
import { muted, section, truncate } from "../../../conversation/message.js";
import { SCOPE_ITEMS } from "../audit-scope.js";
import { AUDIT_LIMITS, FINDING_KINDS } from "../internal-audit-form.js";
import type { AuditWithFindings, ChecklistItem } from "../internal-audit-service.js";
import { AUDIT_IDS } from "./internal-audit-ids.js";
import { AUDIT_WORDING as W } from "./internal-audit-wording.js";

/** Slack shows at most 75 characters of an option. */
const OPTION_LENGTH = 75;

/** Planning an audit (AIMS owners): name, auditor, scope from the ISO catalogue, dates. */
export function planForm(today: Date): Form {
  const P = W.planForm;
  return {
    id: AUDIT_IDS.views.plan,
    title: P.title,
    submit: P.submit,
    cancel: { label: W.cancel, action: AUDIT_IDS.actions.showProgramme },
    intro: [section([muted(P.intro)])],
    fields: [
      { kind: "text", id: "title", label: P.name, hint: P.nameHint, maxLength: AUDIT_LIMITS.title },
      { kind: "person", id: "auditorId", label: P.auditor },
      { kind: "multiselect", id: "scope", label: P.scope, options: SCOPE_ITEMS.map((item) => ({ value: item.id, label: truncate(`${item.id} ${item.title}`, OPTION_LENGTH) })) },
      { kind: "date", id: "plannedStart", label: P.start, initial: today.toISOString().slice(0, 10) },
      { kind: "date", id: "plannedEnd", label: P.end },
    ],
  };
}

/** The finding on one checklist item; its audit and item travel with it, Cancel goes back to the checklist (Teams). */
export function findingForm(audit: AuditWithFindings, line: ChecklistItem): Form {
  const F = W.findingForm;
  const state = { reference: audit.reference, item: line.item.id };
  const finding = line.finding;
  return {
    id: AUDIT_IDS.views.finding,
    title: F.title,
    submit: F.submit,
    cancel: { label: W.back, action: AUDIT_IDS.actions.open, value: { reference: audit.reference, group: line.item.group } },
    intro: [section([`**${audit.reference}** · ${W.item(line.item.id, truncate(line.item.title, 150))}`])],
    state,
    fields: [
      { kind: "select", id: "kind", label: F.kind, radio: true, options: FINDING_KINDS.map((option) => ({ ...option })), ...(finding ? { initial: finding.kind } : {}) },
      { kind: "text", id: "note", label: F.note, hint: F.noteHint, multiline: true, maxLength: AUDIT_LIMITS.note, ...(finding ? { initial: finding.note } : {}) },
      {
        kind: "text",
        id: "evidenceLinks",
        label: F.links,
        hint: F.linksHint,
        multiline: true,
        optional: true,
        maxLength: AUDIT_LIMITS.linksText,
        ...(finding?.evidenceLinks.length ? { initial: finding.evidenceLinks.join("\n") } : {}),
      },
    ],
  };
}
