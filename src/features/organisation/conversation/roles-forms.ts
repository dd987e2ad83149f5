import type { ChatChannel } from "../../../core/actor.js";
import { AIMS_ROLES, ROLE_NAMES } from "../../../core/roles.js";
import type { Field, FieldErrors, Form, FormState, Option } from "../../../conversation/form.js";
import { section } from "../../../conversation/message.js";
import { fieldErrors, type Reply } from "../../../conversation/reply.js";
import type { IdentityRef } from "../identity-key.js";
import { MAX_CHOICES } from "../known-accounts.js";
import type { AccountLabel } from "../roles-now.js";
import type { GroupFacts } from "../role-service.js";
import { ROLES_IDS } from "./roles-ids.js";
import { accountName, ROLES_WORDING as W } from "./roles-wording.js";

const MAX_REASON = 500;
const back = { label: W.back, action: ROLES_IDS.actions.show };

const roleField: Field = { kind: "select", id: "role", label: W.role, options: AIMS_ROLES.map((role) => ({ value: role, label: ROLE_NAMES[role] })) };
const reasonField: Field = { kind: "text", id: "reason", label: W.reason, hint: W.reasonHint, multiline: true, maxLength: MAX_REASON };

/** An account as a choice: "teams:<aad id>" labelled with the name. */
const accountOption = (account: AccountLabel): Option => ({ value: `${account.channel}:${account.id}`, label: accountName(account).slice(0, 75) });

/** A choice made in an account select, back as an account. */
export function chosenAccount(value: string | undefined): IdentityRef | null {
  const [channel, ...id] = (value ?? "").split(":");
  return (channel === "slack" || channel === "teams") && id.join(":") ? { channel, id: id.join(":") } : null;
}

export function grantForm(): Form {
  return {
    id: ROLES_IDS.views.grant,
    title: W.grantRole,
    submit: W.grant,
    cancel: back,
    fields: [roleField, { kind: "person", id: "person", label: W.person }, reasonField, { kind: "date", id: "until", label: W.untilLabel, hint: W.untilHint, optional: true }],
  };
}

/** Ending a grant or a group binding: `what` names it, as the roles view showed it. */
export function revokeForm(state: FormState): Form {
  const group = Number(state.group) === 1;
  return {
    id: ROLES_IDS.views.revoke,
    title: group ? W.unbindTitle : W.revokeTitle,
    submit: group ? W.unbind : W.revoke,
    cancel: back,
    intro: [section([W.revokeIntro(String(state.what ?? ""))])],
    state,
    fields: [reasonField],
  };
}

/** Binding a role to one of the groups the channel offers. */
export function bindForm(channel: ChatChannel, groups: GroupFacts[]): Form {
  return {
    id: ROLES_IDS.views.bind,
    title: W.bindGroup,
    submit: W.bind,
    cancel: back,
    fields: [
      roleField,
      { kind: "select", id: "group", label: W.groupLabel(channel), hint: W.groupHint, options: groups.slice(0, MAX_CHOICES).map((group) => ({ value: group.externalId, label: group.name.slice(0, 75) })) },
      reasonField,
    ],
  };
}

/** Two accounts are one person: one picked in this chat, the other among the accounts the bot knows in the other chat. */
export function linkForm(channel: ChatChannel, others: AccountLabel[]): Form {
  return {
    id: ROLES_IDS.views.link,
    title: W.linkAccounts,
    submit: W.link,
    cancel: back,
    fields: [
      { kind: "person", id: "account", label: W.account(channel) },
      { kind: "select", id: "other", label: W.otherAccount, options: others.map(accountOption) },
      reasonField,
    ],
  };
}

/** One account leaves the person it was linked to. */
export function unlinkForm(linked: AccountLabel[][]): Form {
  const options = linked.flatMap((accounts) =>
    accounts.map((account) => ({ ...accountOption(account), label: W.linkedWith(account, accounts.filter((other) => other !== account)).slice(0, 75) })),
  );
  return { id: ROLES_IDS.views.unlink, title: W.unlinkAccount, submit: W.unlink, cancel: back, fields: [{ kind: "select", id: "account", label: W.linkedAccount, options }, reasonField] };
}

/**
 * A refusal's errors on the form: those about a field under it, the others (the grant is no longer held, the last
 * AIMS owner) above the fields.
 */
export function errorsOn(form: Form | undefined, errors: Partial<Record<string, string>>): Reply {
  const fields = new Set(form?.fields.map((field) => field.id));
  const onFields: FieldErrors = {};
  const others: string[] = [];
  for (const [id, message] of Object.entries(errors)) {
    if (!message) continue;
    if (fields.has(id)) onFields[id] = message;
    else others.push(message);
  }
  return fieldErrors(onFields, others.length > 0 ? others.join(" ") : undefined);
}
