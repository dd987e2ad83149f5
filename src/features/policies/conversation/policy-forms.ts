import { AIMS_ROLES, ROLE_NAMES } from "../../../core/roles.js";
import type { Form, Option } from "../../../conversation/form.js";
import type { AiSystem, DirectoryGroup, PolicyDraft } from "../../../db/generated/client.js";
import type { TrainingModule } from "../../training/training-module.js";
import { moduleChoice, NEW_JOINERS, SYSTEM_AUDIENCE } from "../campaign-form.js";
import { ACCEPT_AGAIN, POLICY_LIMITS } from "../policy-form.js";
import type { VersionWithDocument } from "../policy-service.js";
import { POLICY_IDS } from "./policy-ids.js";
import { POLICY_WORDING as W } from "./policy-wording.js";

/** How many groups the audience list offers: a Slack select holds 100 options, a Teams card 28 KB. */
const MAX_GROUPS = 50;
/** How many documents the document list offers (as many, for the same reasons). */
const MAX_DOCUMENTS = 50;
/** How many AI systems the system picker offers: what the Teams card has room for next to the documents and groups. */
const MAX_SYSTEMS = 40;

/** What the campaign form offers to choose from: documents, training modules, groups, and the AI systems with users recorded. */
export interface CampaignChoices {
  documents: VersionWithDocument[];
  modules: readonly TrainingModule[];
  groups: DirectoryGroup[];
  systems: AiSystem[];
}

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

/** The Publish form of a shared file: title and summary read from it, the acceptance choice; the text is the file's. */
export function draftPublishForm(draft: Pick<PolicyDraft, "id" | "title" | "summary">): Form {
  const [title, summary, , again] = publishForm().fields;
  return {
    id: POLICY_IDS.views.publishDraft,
    title: W.publishFileTitle,
    submit: W.publish,
    state: { draftId: draft.id },
    fields: [
      { ...title!, initial: draft.title || undefined } as Form["fields"][number],
      { ...summary!, initial: draft.summary || undefined } as Form["fields"][number],
      again!,
    ],
  };
}

export function campaignForm({ documents, groups, modules, systems }: CampaignChoices, versionId?: number): Form {
  const audiences: Option[] = [
    { value: "everyone", label: W.everyone },
    ...(modules.length > 0 ? [{ value: "assigned", label: W.assigned }] : []),
    ...groups.slice(0, MAX_GROUPS).map((group) => ({ value: `group:${group.id}`, label: W.group(group.name, group.channel).slice(0, 75) })),
    ...AIMS_ROLES.map((role) => ({ value: `role:${role}`, label: W.role(ROLE_NAMES[role]) })),
    ...(systems.length > 0 ? [{ value: SYSTEM_AUDIENCE, label: W.systemUsers }] : []),
  ];
  const systemPicker: Form["fields"] = systems.length > 0
    ? [
        {
          kind: "select",
          id: "systemId",
          label: W.system,
          hint: W.systemHint,
          optional: true,
          options: systems.slice(0, MAX_SYSTEMS).map((system) => ({ value: String(system.id), label: `${system.name} (${system.reference})`.slice(0, 75) })),
        },
      ]
    : [];
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
      ...systemPicker,
      { kind: "date", id: "deadline", label: W.deadline },
      { kind: "checkboxes", id: "newJoiners", label: W.newJoiners, optional: true, options: [{ value: NEW_JOINERS, label: W.newJoinersOption }] },
    ],
  };
}
