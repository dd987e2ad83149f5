import { controlById, isControlId } from "../../../core/iso42001/controls.js";
import { needsReviewText } from "../../../features/soa/needs-review.js";
import { SOA_NOT_SET_UP } from "../../../features/soa/soa-service.js";
import type { CardActionHandler } from "../actions/card-action.js";
import { cardResponse, messageResponse } from "../cards/adaptive-card.js";
import { failureMessage } from "../reply.js";
import { soaOverviewCard, soaSectionCard } from "./soa-cards.js";
import { currentValues, readRoles, readSoaEntryForm, soaEntryFormCard, soaRolesFormCard } from "./soa-forms.js";
import { SOA_VERBS } from "./soa-verbs.js";

const showOverview: CardActionHandler = async ({ ctx, actor }) => {
  const statement = await ctx.core.soa.statement();
  if (!statement.profile) return messageResponse(SOA_NOT_SET_UP);
  return cardResponse(soaOverviewCard(statement, { canEdit: await ctx.core.soa.canEdit(actor) }));
};

const showSection: CardActionHandler = async ({ ctx, actor, data }) => {
  const card = soaSectionCard(await ctx.core.soa.statement(), String(data.section ?? ""), { canEdit: await ctx.core.soa.canEdit(actor) });
  return card ? cardResponse(card) : messageResponse(SOA_NOT_SET_UP);
};

/** The edit form shows the line as it is now, whatever version the clicked card showed. */
const editEntry: CardActionHandler = async ({ ctx, actor, data }) => {
  const refusal = await ctx.core.soa.editRefusal(actor);
  if (refusal) return messageResponse(refusal);
  const line = await ctx.core.soa.line(String(data.controlId ?? ""));
  return line ? cardResponse(soaEntryFormCard(line, currentValues(line))) : messageResponse(SOA_NOT_SET_UP);
};

/**
 * Save: errors, a conflicting edit and a database outage all bring the form back with what was typed (still at the
 * version shown, so it can never overwrite a newer line); on success the section shows the new line.
 */
const saveEntry: CardActionHandler = async ({ ctx, actor, data }) => {
  const controlId = String(data.controlId ?? "");
  if (!isControlId(controlId)) return messageResponse(SOA_NOT_SET_UP);
  const shown = { control: controlById(controlId), version: Number(data.version) };
  const form = readSoaEntryForm(data);
  try {
    const result = await ctx.core.soa.updateEntry(actor, controlId, form, shown.version);
    if (result.kind === "invalid") return cardResponse(soaEntryFormCard(shown, form, result.errors, "Please fix the answers marked below."));
    if (result.kind === "conflict") return cardResponse(soaEntryFormCard(shown, form, {}, result.message));
    if (result.kind !== "saved") return messageResponse(result.message);
    const notice = { text: `Saved ${controlId} (version ${result.line.version}).` };
    return cardResponse(soaSectionCard(await ctx.core.soa.statement(), shown.control.group.id, { canEdit: true, notice })!);
  } catch (error) {
    return cardResponse(soaEntryFormCard(shown, form, {}, failureMessage(error, ctx.logger, { action: SOA_VERBS.saveEntry })));
  }
};

const editRoles: CardActionHandler = async ({ ctx, actor }) => {
  const refusal = await ctx.core.soa.editRefusal(actor);
  if (refusal) return messageResponse(refusal);
  const profile = await ctx.core.soa.profile();
  return cardResponse(soaRolesFormCard(profile?.roles ?? []));
};

/** Saving the roles seeds or re-proposes the SoA lines, then shows the whole SoA. */
const saveRoles: CardActionHandler = async ({ ctx, actor, data }) => {
  const roles = readRoles(data);
  const refusal = await ctx.core.soa.rolesRefusal(actor, roles);
  if (refusal?.kind === "forbidden") return messageResponse(refusal.message);
  if (refusal) return cardResponse(soaRolesFormCard(roles, refusal.message));
  try {
    const result = await ctx.core.soa.setOrganisationRoles(actor, roles);
    if (result.kind !== "saved") return cardResponse(soaRolesFormCard(roles, result.message));
    const needsReview = needsReviewText(result.needsReview, (ids) => `**${ids}**`);
    const notice = needsReview ? { text: needsReview, warning: true } : undefined;
    return cardResponse(soaOverviewCard(await ctx.core.soa.statement(), { canEdit: true, notice }));
  } catch (error) {
    return cardResponse(soaRolesFormCard(roles, failureMessage(error, ctx.logger, { action: SOA_VERBS.saveRoles })));
  }
};

export const SOA_ACTIONS: Record<(typeof SOA_VERBS)[keyof typeof SOA_VERBS], CardActionHandler> = {
  [SOA_VERBS.showOverview]: showOverview,
  [SOA_VERBS.showSection]: showSection,
  [SOA_VERBS.editEntry]: editEntry,
  [SOA_VERBS.saveEntry]: saveEntry,
  [SOA_VERBS.editRoles]: editRoles,
  [SOA_VERBS.saveRoles]: saveRoles,
};
