import { AIMS_ROLES, ROLE_NAMES } from "../../../core/roles.js";
import type { Form, Option } from "../../../conversation/form.js";
import type { DirectoryGroup } from "../../../db/generated/client.js";
import type { TrainingModule } from "../../training/training-module.js";
import { moduleChoice, NEW_JOINERS } from "../campaign-form.js";
import { ACCEPT_AGAIN, POLICY_LIMITS } from "../policy-form.js";
import type { VersionWithDocument } from "../policy-service.js";
import { POLICY_IDS } from "./policy-ids.js";
import { POLICY_WORDING as W } from "./policy-wording.js";

/** How many groups the audience list offers: a Slack select holds 100 options, a Teams card 28 KB. */
const MAX_GROUPS = 50;
/** How many documents the document list offers (as many, for the same reasons). */
const MAX_DOCUMENTS = 50;

export function publishForm(): Form {
  return {
    id: POLICY_IDS.views.publish,
    title: W.publishTitle,
    submit: W.publish,
    fields: [
      { kind: "text", id: "title", label: W.title, hint: W.titleHint, maxLength: POLICY_LIMITS.title },
      { kind: "text", id: "summary", label: W.summary, hint: W.summaryHint, multiline: true, maxLength: POLICY_LIMITS.summary },
      { kind: "text", id: "body", label: W.body, hint: W.bodyHint, multiline: true, maxLength: POLICY_LIMITS.chatBody },
      { kind: "checkboxes", id: "requiresAcknowledgement", label: W.againLabel, optional: true, options: [{ value: ACCEPT_AGAIN, label: W.again }] },
    ],
  };
}

export function campaignForm(documents: VersionWithDocument[], groups: DirectoryGroup[], modules: readonly TrainingModule[], versionId?: number): Form {
  const audiences: Option[] = [
    { value: "everyone", label: W.everyone },
    ...(modules.length > 0 ? [{ value: "assigned", label: W.assigned }] : []),
    ...groups.slice(0, MAX_GROUPS).map((group) => ({ value: `group:${group.id}`, label: W.group(group.name, group.channel).slice(0, 75) })),
    ...AIMS_ROLES.map((role) => ({ value: `role:${role}`, label: W.role(ROLE_NAMES[role]) })),
  ];
  return {
    id: POLICY_IDS.views.startCampaign,
    title: W.startTitle,
    submit: W.start,
    fields: [
      {
        kind: "select",
        id: "versionId",
        label: W.document,
        options: [
          ...documents.slice(0, MAX_DOCUMENTS).map((version) => ({ value: String(version.id), label: `${version.document.title} (version ${version.version})`.slice(0, 75) })),
          ...modules.map((module) => ({ value: moduleChoice(module.id, module.version), label: W.moduleOption(module.title, module.version).slice(0, 75) })),
        ],
        ...(versionId ? { initial: String(versionId) } : {}),
      },
      { kind: "select", id: "audience", label: W.audience, options: audiences, initial: "everyone" },
      { kind: "date", id: "deadline", label: W.deadline },
      { kind: "checkboxes", id: "newJoiners", label: W.newJoiners, optional: true, options: [{ value: NEW_JOINERS, label: W.newJoinersOption }] },
    ],
  };
}
