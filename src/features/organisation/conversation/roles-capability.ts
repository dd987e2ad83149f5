import type { Clock } from "../../../core/clock.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import type { Form, FormValues } from "../../../conversation/form.js";
import type { RoleGrant } from "../../../db/generated/client.js";
import type { ActionValue } from "../../../conversation/message.js";
import { openForm, type Reply, show, tell } from "../../../conversation/reply.js";
import type { Prisma } from "../../../db/database.js";
import type { PeopleNames } from "../../people/people-names.js";
import type { GroupLookups } from "../group-lookup.js";
import { knownAccounts, linkedAccounts } from "../known-accounts.js";
import type { PeopleDirectory } from "../people-directory.js";
import type { RoleChangeResult, RoleService } from "../role-service.js";
import { rolesNow } from "../roles-now.js";
import { bindForm, chosenAccount, errorsOn, grantForm, linkForm, revokeForm, unlinkForm } from "./roles-forms.js";
import { leaverNotifications } from "./leaver-notifications.js";
import { ROLES_IDS } from "./roles-ids.js";
import { rolesView } from "./roles-views.js";
import { ROLES_WORDING as W } from "./roles-wording.js";

export interface RolesServices {
  prisma: Prisma;
  clock: Clock;
  roles: RoleService;
  directory: PeopleDirectory;
  people: PeopleNames;
  groupLookups: GroupLookups;
}

type RolesTurn = Turn<RolesServices>;

/** The roles as they stand, with the owner's buttons when this person is an AIMS owner. */
async function rolesReply(turn: RolesTurn, notice?: string): Promise<Reply> {
  const { prisma, people, clock, roles } = turn.services;
  const canChange = (await roles.changeRefusal(turn.actor)) === null;
  return show(rolesView(await rolesNow(prisma, people, clock.now()), { canChange, roomy: turn.roomy, ...(notice ? { notice } : {}) }));
}

/** Runs `open` for an AIMS owner only: every click asks the database again. */
const ownersOnly =
  (open: (turn: RolesTurn, value: ActionValue) => Promise<Reply>) =>
  async (turn: RolesTurn, value: ActionValue): Promise<Reply> => {
    const refusal = await turn.services.roles.changeRefusal(turn.actor);
    return refusal ? tell(refusal) : open(turn, value);
  };

/** A form's refusal before it opens: only an AIMS owner opens one (each save checks again). */
const ownerForm = { refusal: (turn: RolesTurn) => turn.services.roles.changeRefusal(turn.actor) };

const groupsOf = async (turn: RolesTurn) => (await turn.services.groupLookups.of(turn.actor.channel)?.groups()) ?? [];

/** The other chat's accounts, named as the bot last saw them. */
async function otherAccounts(turn: RolesTurn) {
  const other = turn.actor.channel === "slack" ? "teams" : "slack";
  return turn.services.people.named(await knownAccounts(turn.services.prisma, other));
}

async function namedLinkedAccounts(turn: RolesTurn) {
  const linked = await linkedAccounts(turn.services.prisma);
  return Promise.all(linked.map((accounts) => turn.services.people.named(accounts)));
}

/** A role change's answer: the roles as they now stand, the refusal, or the errors on the form. */
async function answer(turn: RolesTurn, result: RoleChangeResult, form: Form, notice: (grant: RoleGrant) => string): Promise<Reply> {
  if (result.kind === "forbidden") return tell(result.message);
  if (result.kind === "invalid") return errorsOn(form, result.errors);
  return rolesReply(turn, notice(result.grant));
}

/** The form as RoleService reads it: the person picked is an account of the chat the form was shown in. */
const grantInput = async (turn: RolesTurn, values: FormValues) => ({
  role: values.text("role"),
  person: (await turn.person(values.text("person"))) ?? null,
  reason: values.text("reason"),
  until: values.text("until"),
});

/**
 * Roles in chat (ISO 42001 5.3, A.3.2): everyone sees who holds which role and why; AIMS owners grant and revoke
 * roles, bind them to groups and link one person's accounts, each with a reason. Every click and save asks the
 * database whether this person is an AIMS owner, so a change made in the other chat holds at once.
 */
export const rolesCapability: Capability<RolesServices> = {
  commands: [{ name: "roles", description: W.commandDescription, run: (turn) => rolesReply(turn) }],
  actions: {
    [ROLES_IDS.actions.show]: (turn) => rolesReply(turn),
    [ROLES_IDS.actions.grant]: ownersOnly(async () => openForm(grantForm())),
    [ROLES_IDS.actions.revoke]: ownersOnly(async (_turn, value) =>
      openForm(revokeForm({ grant: valueText(value, "grant"), what: valueText(value, "what"), group: Number(value.group) === 1 ? 1 : 0 })),
    ),
    [ROLES_IDS.actions.bind]: ownersOnly(async (turn) => {
      const groups = await groupsOf(turn);
      return groups.length > 0 ? openForm(bindForm(turn.actor.channel, groups)) : tell(W.noGroups(turn.actor.channel));
    }),
    [ROLES_IDS.actions.link]: ownersOnly(async (turn) => {
      const others = await otherAccounts(turn);
      return others.length > 0 ? openForm(linkForm(turn.actor.channel, others)) : tell(W.noOtherAccounts);
    }),
    [ROLES_IDS.actions.unlink]: ownersOnly(async (turn) => {
      const linked = await namedLinkedAccounts(turn);
      return linked.length > 0 ? openForm(unlinkForm(linked)) : tell(W.noLinkedAccounts);
    }),
  },
  forms: {
    [ROLES_IDS.views.grant]: {
      ...ownerForm,
      form: () => grantForm(),
      async submit(turn, values) {
        const input = await grantInput(turn, values);
        const result = await turn.services.roles.grant(turn.actor, input);
        return answer(turn, result, grantForm(), (grant) => W.grantedNotice(grant.role));
      },
    },
    [ROLES_IDS.views.revoke]: {
      ...ownerForm,
      form: (state) => revokeForm(state),
      async submit(turn, values, state) {
        const result = await turn.services.roles.revoke(turn.actor, String(state.grant ?? ""), values.text("reason"));
        return answer(turn, result, revokeForm(state), () => (Number(state.group) === 1 ? W.unbound : W.revoked));
      },
    },
    [ROLES_IDS.views.bind]: {
      ...ownerForm,
      form: async (_state, turn) => bindForm(turn.actor.channel, await groupsOf(turn)),
      async submit(turn, values) {
        const picked = values.text("group");
        const group = picked ? ((await turn.services.groupLookups.of(turn.actor.channel)?.find(picked)) ?? null) : null;
        const result = await turn.services.roles.bindGroup(turn.actor, { role: values.text("role"), reason: values.text("reason") }, group);
        const form = bindForm(turn.actor.channel, []);
        if (result.kind === "invalid" && !picked) return errorsOn(form, { ...result.errors, group: W.pickGroup });
        return answer(turn, result, form, (grant) => W.boundTo(grant.role, group?.name ?? ""));
      },
    },
    [ROLES_IDS.views.link]: {
      ...ownerForm,
      form: async (_state, turn) => linkForm(turn.actor.channel, await otherAccounts(turn)),
      submit: async (turn, values) => {
        const refusal = await turn.services.roles.changeRefusal(turn.actor);
        if (refusal) return tell(refusal);
        const account = values.text("account");
        const other = chosenAccount(values.text("other"));
        const form = linkForm(turn.actor.channel, []);
        if (!account || !other) return errorsOn(form, { ...(account ? {} : { account: W.pickAccount }), ...(other ? {} : { other: W.pickOtherAccount }) });
        const result = await turn.services.directory.link(turn.actor, { channel: turn.actor.channel, id: account }, other, values.text("reason") ?? "");
        if (result.kind === "invalid") return errorsOn(form, result.errors);
        return rolesReply(turn, result.kind === "linked" ? W.linked : W.alreadyLinked);
      },
    },
    [ROLES_IDS.views.unlink]: {
      ...ownerForm,
      form: async (_state, turn) => unlinkForm(await namedLinkedAccounts(turn)),
      submit: async (turn, values) => {
        const refusal = await turn.services.roles.changeRefusal(turn.actor);
        if (refusal) return tell(refusal);
        const account = chosenAccount(values.text("account"));
        const form = unlinkForm([]);
        if (!account) return errorsOn(form, { account: W.pickAccount });
        const result = await turn.services.directory.unlink(turn.actor, account, values.text("reason") ?? "");
        return result.kind === "invalid" ? errorsOn(form, result.errors) : rolesReply(turn, W.unlinked);
      },
    },
  },
  notifications: leaverNotifications,
};
