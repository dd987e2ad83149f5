import { ROLE_NAMES } from "../../../core/roles.js";
import { type Block, type Button, type Line, context, heading, muted, section } from "../../../conversation/message.js";
import type { Message } from "../../../conversation/message.js";
import type { Holding, RoleNow } from "../roles-now.js";
import { ROLES_IDS } from "./roles-ids.js";
import { accountName, ROLES_WORDING as W } from "./roles-wording.js";

/** Members listed per bound group; the rest are counted. */
const MEMBERS_SHOWN = 10;
/**
 * What one view holds: a Slack modal 100 blocks (the buttons and the notice need a few), a Teams card about 28 KB
 * (its frame and buttons need a few).
 */
const ROOM = { roomy: { blocks: 90, bytes: Number.POSITIVE_INFINITY }, card: { blocks: 90, bytes: 20_000 } };

export interface RolesViewOptions {
  /** AIMS owners get the buttons that change roles. */
  canChange: boolean;
  /** What the last change did, shown above the roles. */
  notice?: string;
  /** Whether the view has a Slack modal's room, or a Teams card's. */
  roomy: boolean;
}

/** The blocks that fit, and a line counting the rest. */
function fitted(body: Block[], roomy: boolean): Block[] {
  const room = roomy ? ROOM.roomy : ROOM.card;
  let bytes = 0;
  const shown = body.findIndex((block, index) => {
    bytes += Buffer.byteLength(JSON.stringify(block));
    return index >= room.blocks || bytes > room.bytes;
  });
  return shown === -1 ? body : [...body.slice(0, shown), context(W.tooMany(body.length - shown))];
}

/** What a revoke button carries: the grant, and how the form names it. */
const revokeButton = (holding: Holding, what: string, canChange: boolean): Button | undefined =>
  canChange && holding.source !== "environment"
    ? { label: holding.source === "group" ? W.unbind : W.revoke, action: ROLES_IDS.actions.revoke, value: { grant: holding.grantId, what: what.slice(0, 200), group: holding.source === "group" ? 1 : 0 } }
    : undefined;

function holdingBlocks(role: RoleNow["role"], holding: Holding, canChange: boolean): Block[] {
  const id = `grant:${holding.grantId}`;
  if (holding.source === "environment") {
    return [section([W.holder(holding.accounts), muted(W.fromVariable(holding.variable))], { id })];
  }
  if (holding.source === "direct") {
    const lines: Line[] = [W.holder(holding.accounts), muted(W.granted(holding.grantedBy, holding.from, holding.reason))];
    if (holding.until) lines.push(muted(W.until(holding.until)));
    const button = revokeButton(holding, `${ROLE_NAMES[role]}: ${holding.accounts.map(accountName).join(" / ")}`, canChange);
    return [section(lines, { id, ...(button ? { button } : {}) })];
  }
  const names = holding.members.slice(0, MEMBERS_SHOWN).map((member) => `**${accountName(member)}**`);
  const more = holding.members.length > MEMBERS_SHOWN ? [W.moreMembers(holding.members.length - MEMBERS_SHOWN)] : [];
  const members = names.length > 0 ? [`${[...names, ...more].join(", ")} · ${W.memberOf(holding.group.name)}`] : [];
  const notSynced = holding.group.syncedAt || holding.members.length > 0 ? [] : [W.membersNotSynced];
  const button = revokeButton(holding, `${ROLE_NAMES[role]}: ${holding.group.name}`, canChange);
  return [
    section([W.group(holding.group.name, holding.group.channel), muted(W.bound(holding.grantedBy, holding.from, holding.reason)), ...members, ...notSynced], {
      id,
      ...(button ? { button } : {}),
    }),
  ];
}

/**
 * Who holds which role now, and where each holding comes from: a bootstrap variable, a grant made in chat, or a
 * bound group and its members. AIMS owners get a button per grant and the buttons to change roles.
 */
export function rolesView(roles: RoleNow[], options: RolesViewOptions): Message {
  const body = roles.flatMap(({ role, holdings }) => [
    heading(W.heading(role)),
    ...(holdings.length === 0 ? [section([W.nobody])] : holdings.flatMap((holding) => holdingBlocks(role, holding, options.canChange))),
  ]);
  const shown = fitted(body, options.roomy);
  const owner: Button[] = [
    { label: W.grantRole, action: ROLES_IDS.actions.grant, style: "primary" },
    { label: W.bindGroup, action: ROLES_IDS.actions.bind },
    { label: W.linkAccounts, action: ROLES_IDS.actions.link },
    { label: W.unlinkAccount, action: ROLES_IDS.actions.unlink },
  ];
  return {
    id: ROLES_IDS.views.list,
    title: W.title,
    summary: W.summary,
    blocks: [
      ...(options.notice ? [section([options.notice], { tone: "good" as const })] : []),
      context(options.canChange ? W.intro : `${W.intro} ${W.ownersOnly}`),
      ...shown,
    ],
    actions: options.canChange ? owner : [{ label: W.refresh, action: ROLES_IDS.actions.show }],
  };
}
