import { isControlId } from "../../../core/iso42001/controls.js";
import type { Capability, Turn } from "../../../conversation/capability.js";
import { valueText } from "../../../conversation/capability.js";
import { fieldErrors, formProblem, openForm, show, tell } from "../../../conversation/reply.js";
import { needsReviewText } from "../needs-review.js";
import { SOA_NOT_SET_UP, type SoaService } from "../soa-service.js";
import { SOA_IDS } from "./soa-ids.js";
import { readSoaEntryForm, soaEntryForm, soaRolesForm } from "./soa-forms.js";
import { soaSectionView, soaView } from "./soa-views.js";
import { SOA_WORDING as W } from "./soa-wording.js";

type SoaTurn = Turn<{ soa: SoaService }>;

const canEdit = (turn: SoaTurn) => turn.services.soa.canEdit(turn.actor);

async function statementOrSetup(turn: SoaTurn) {
  const statement = await turn.services.soa.statement();
  if (statement.profile) return show(soaView(turn.roomy, statement, { canEdit: await canEdit(turn) }));
  return (await canEdit(turn)) ? openForm(soaRolesForm([])) : tell(SOA_NOT_SET_UP);
}

/**
 * The Statement of Applicability: everyone reads it, the AIMS owner sets the organisation's roles (which seeds or
 * re-proposes the lines) and edits each line, versioned. Every click and save checks the owner again.
 */
export const soaCapability: Capability<{ soa: SoaService }> = {
  commands: [{ name: "soa", description: W.commandDescription, run: statementOrSetup }],
  actions: {
    [SOA_IDS.actions.showOverview]: async (turn) => {
      const statement = await turn.services.soa.statement();
      return statement.profile ? show(soaView(turn.roomy, statement, { canEdit: await canEdit(turn) })) : tell(SOA_NOT_SET_UP);
    },
    [SOA_IDS.actions.showSection]: async (turn, value) => {
      const view = soaSectionView(await turn.services.soa.statement(), valueText(value, "section"), { canEdit: await canEdit(turn) });
      return view ? show(view) : tell(SOA_NOT_SET_UP);
    },
    /** The form shows the line as it is now, and saves against the version the clicked view showed. */
    [SOA_IDS.actions.editEntry]: async (turn, value) => {
      const refusal = await turn.services.soa.editRefusal(turn.actor);
      if (refusal) return tell(refusal);
      const line = await turn.services.soa.line(valueText(value, "controlId"));
      if (!line) return tell(SOA_NOT_SET_UP);
      return openForm(soaEntryForm(line.controlId, Number(value.version) || line.version, line));
    },
    [SOA_IDS.actions.editProfile]: async (turn) => {
      const refusal = await turn.services.soa.editRefusal(turn.actor);
      if (refusal) return tell(refusal);
      return openForm(soaRolesForm((await turn.services.soa.profile())?.roles ?? []));
    },
  },
  forms: {
    [SOA_IDS.views.entry]: {
      form: (state) => (isControlId(String(state.controlId)) ? soaEntryForm(String(state.controlId) as never, Number(state.version)) : undefined),
      async submit(turn, values, state) {
        const controlId = String(state.controlId ?? "");
        const refusal = await turn.services.soa.editRefusal(turn.actor);
        if (refusal) return tell(refusal);
        if (!isControlId(controlId)) return tell(SOA_NOT_SET_UP);
        const result = await turn.services.soa.updateEntry(turn.actor, controlId, readSoaEntryForm(values), Number(state.version));
        if (result.kind === "invalid") return fieldErrors(result.errors);
        if (result.kind === "conflict") return formProblem(result.message);
        if (result.kind !== "saved") return tell(result.message);
        const statement = await turn.services.soa.statement();
        const notice = { text: W.saved(controlId, result.line.version) };
        return show(turn.roomy ? soaView(true, statement, { canEdit: true, notice }) : soaSectionView(statement, result.line.control.group.id, { canEdit: true, notice })!);
      },
    },
    /** Seeding 38 lines can outlast Slack's 3 seconds: the roles are checked first, then saved. */
    [SOA_IDS.views.profile]: {
      form: () => soaRolesForm([]),
      slow: {
        progress: W.settingUp,
        async check(turn, values) {
          const refusal = await turn.services.soa.rolesRefusal(turn.actor, values.list("roles"));
          if (!refusal) return undefined;
          return refusal.kind === "forbidden" ? tell(refusal.message) : fieldErrors({ roles: refusal.message });
        },
      },
      async submit(turn, values) {
        const result = await turn.services.soa.setOrganisationRoles(turn.actor, values.list("roles"));
        if (result.kind === "forbidden") return tell(result.message);
        if (result.kind === "invalid") return fieldErrors({ roles: result.message });
        const needsReview = needsReviewText(result.needsReview, (ids) => `**${ids}**`);
        const notice = needsReview ? { text: needsReview, warning: true } : undefined;
        return show(soaView(turn.roomy, await turn.services.soa.statement(), { canEdit: true, notice }));
      },
    },
  },
};
