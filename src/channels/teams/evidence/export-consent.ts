import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Actor } from "../../../core/actor.js";
import { auditPackSummary } from "../../../features/evidence/audit-pack-service.js";
import { EXPORT_WORDING as W } from "../../../features/evidence/conversation/export-wording.js";
import { markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { failureMessage } from "../reply.js";
import { teamsActor, UNKNOWN_PERSON_MESSAGE } from "../teams-actor.js";
import { uploadToSession } from "../files/upload-session.js";
import { AUDIT_PACK_CONTEXT, fileInfoAttachment } from "./file-cards.js";
import type { ConversationReference, FileConsentResponse, FileUploadInfo, TeamsTurn } from "../transport/index.js";

const isAuditPack = (response: FileConsentResponse) => (response.context as { file?: unknown } | undefined)?.file === AUDIT_PACK_CONTEXT.file;

/** The consent card stays in the chat; replacing it stops a second Allow from building a second pack. */
async function replaceConsentCard(ctx: TeamsContext, turn: TeamsTurn, text: string) {
  if (!turn.activity.replyToId) return;
  try {
    await turn.update(turn.activity.replyToId, markdownMessage(text));
  } catch (error) {
    ctx.logger.warn({ err: error }, "could not replace the Teams file consent card");
  }
}

/**
 * Allow on the audit pack's consent card. Only the AIMS owner gets a pack, checked again here. Building and uploading
 * may take longer than Teams waits for an invoke, so the answer comes first and the pack follows in the background
 * (awaited on shutdown), ending with the file card or a message that says what went wrong.
 */
export async function acceptAuditPackUpload(ctx: TeamsContext, turn: TeamsTurn, response: FileConsentResponse): Promise<void> {
  if (!isAuditPack(response)) return void (await turn.send(markdownMessage(W.unknownFile)));
  const actor = teamsActor(turn.activity);
  if (!actor) return void (await turn.send(markdownMessage(UNKNOWN_PERSON_MESSAGE)));
  const refusal = await ctx.core.auditPacks.exportRefusal(actor).catch((error: unknown) => exportFailure(ctx, error));
  if (refusal) return void (await turn.send(markdownMessage(refusal)));
  const upload = response.uploadInfo;
  if (!upload?.uploadUrl) return void (await turn.send(markdownMessage(W.noUploadPlace)));
  await replaceConsentCard(ctx, turn, W.uploading);
  void ctx.inFlight.track(deliverAuditPack(ctx, actor, upload, turn.reference()));
}

export async function declineAuditPackUpload(ctx: TeamsContext, turn: TeamsTurn, response: FileConsentResponse): Promise<void> {
  if (!isAuditPack(response)) return;
  await replaceConsentCard(ctx, turn, W.declined);
}

/** Reports back through the personal chat's reference from the Allow turn, so a database outage is reported too. */
async function deliverAuditPack(ctx: TeamsContext, actor: Actor, upload: FileUploadInfo, chat: Partial<ConversationReference>): Promise<void> {
  let workDir: string | undefined;
  try {
    workDir = await mkdtemp(path.join(os.tmpdir(), "aims-export-"));
    const result = await ctx.core.auditPacks.exportFor(actor, { outDir: workDir });
    if (result.kind === "forbidden") return void (await ctx.messenger.postTo(chat, markdownMessage(result.message)));
    await uploadToSession(upload.uploadUrl!, result.pack.zipPath);
    await ctx.messenger.postTo(chat, { ...markdownMessage(auditPackSummary(result.pack).join("\n\n")), attachments: [fileInfoAttachment(upload)] });
  } catch (error) {
    await ctx.messenger.postTo(chat, markdownMessage(exportFailure(ctx, error))).catch((sendError: unknown) => ctx.logger.error({ err: sendError }, "could not tell the AIMS owner the export failed"));
  } finally {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}

function exportFailure(ctx: TeamsContext, error: unknown): string {
  return W.notDelivered(failureMessage(error, ctx.logger, { action: "export" }));
}
