import { day } from "../../../conversation/message.js";
import type { ChatChannel } from "../../../core/actor.js";
import { ROLE_NAMES, type AimsRole } from "../../../core/roles.js";
import type { AccountLabel } from "../roles-now.js";

const CHANNEL_NAMES: Record<ChatChannel, string> = { slack: "Slack", teams: "Teams" };
const GROUP_KINDS: Record<ChatChannel, string> = { slack: "Slack user group", teams: "Teams team or group chat" };

/** A date as the roles register shows it: 2026-12-06. */

/** An account by its name, or by channel and id when the bot has not learnt the name yet. */
export const accountName = (account: AccountLabel) =>
  `${account.name ?? `${CHANNEL_NAMES[account.channel]} account ${account.id}`}${account.deactivated ? " (deactivated)" : ""}`;

/** Every sentence the roles conversation says, in Slack and in Teams. */
export const ROLES_WORDING = {
  commandDescription: "See who holds which AIMS role and why; AIMS owners grant and revoke roles, bind groups and link accounts.",
  title: "Roles",
  /** The title of what the AIMS owners are told when an account is deactivated (the report's words are personal-data-text's). */
  leaverReportTitle: "A leaver's open AIMS duties",
  summary: "Who holds which AIMS role, and why",
  intro: "Roles are read from the database at every click: a change made here holds at once, in Slack and in Teams.",
  ownersOnly: "Only the AIMS owners change roles; ask one of them.",
  heading: (role: AimsRole) => ROLE_NAMES[role].charAt(0).toUpperCase() + ROLE_NAMES[role].slice(1),
  nobody: "_Nobody holds this role._",
  holder: (accounts: AccountLabel[]) => `**${accounts.map(accountName).join(" / ") || "an erased person"}**`,
  fromVariable: (variable: string) => `from ${variable} (bootstrap)`,
  granted: (by: AccountLabel | null, on: Date, reason: string) => `granted by ${by ? accountName(by) : "the bot"} on ${day(on)}: ${reason}`,
  until: (date: Date) => `until ${day(date)}`,
  memberOf: (group: string) => `member of ${group}`,
  group: (name: string, channel: ChatChannel) => `**${name}** (${GROUP_KINDS[channel]})`,
  bound: (by: AccountLabel | null, on: Date, reason: string) => `bound by ${by ? accountName(by) : "the bot"} on ${day(on)}: ${reason}`,
  membersNotSynced: "_Its members have not been read from the platform yet._",
  moreMembers: (count: number) => `_and ${count} more_`,
  tooMany: (count: number) => `${count} more entries do not fit in this view.`,
  revoke: "Revoke",
  unbind: "Unbind",
  grantRole: "Grant a role",
  bindGroup: "Bind a group",
  linkAccounts: "Link accounts",
  unlinkAccount: "Unlink an account",
  back: "Back",
  refresh: "Refresh",

  role: "Role",
  person: "Person",
  untilLabel: "Until (optional)",
  untilHint: "Leave empty to keep the role until it is revoked.",
  reason: "Reason",
  reasonHint: "Kept in the roles register (ISO 42001 5.3, A.3.2).",
  grant: "Grant",
  revokeTitle: "Revoke a role",
  unbindTitle: "Unbind a group",
  revokeIntro: (what: string) => `**${what}**`,
  groupLabel: (channel: ChatChannel) => GROUP_KINDS[channel],
  groupHint: "Its members hold the role while they are in the group.",
  pickGroup: "Pick a group.",
  noGroups: (channel: ChatChannel) =>
    channel === "slack" ? "The bot finds no Slack user groups in this workspace." : "The bot is in no Teams team or group chat yet: add it to one, then try again.",
  bind: "Bind",
  account: (channel: ChatChannel) => `Account in ${CHANNEL_NAMES[channel]}`,
  otherAccount: "Same person's other account",
  pickAccount: "Pick an account.",
  pickOtherAccount: "Pick the other account.",
  noOtherAccounts: "The bot knows no other accounts yet: the person has to write to the bot in the other chat first.",
  link: "Link",
  unlink: "Unlink",
  linkedAccount: "Account to separate",
  noLinkedAccounts: "No accounts are linked: there is nothing to unlink.",
  linkedWith: (account: AccountLabel, others: AccountLabel[]) => `${accountName(account)} (now with ${others.map(accountName).join(", ")})`,

  grantedNotice: (role: AimsRole) => `The ${ROLE_NAMES[role]} role was granted.`,
  revoked: "The role was revoked.",
  unbound: "The group was unbound.",
  boundTo: (role: AimsRole, group: string) => `The ${ROLE_NAMES[role]} role is bound to ${group}.`,
  linked: "The accounts are now one person.",
  alreadyLinked: "These accounts were already one person.",
  unlinked: "The account is now a person of its own.",
};
