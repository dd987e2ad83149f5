import type { Attachment, FileUploadInfo } from "../transport/index.js";

const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";
const FILE_INFO = "application/vnd.microsoft.teams.card.file.info";

/** What the consent card hands back when the person allows or declines the upload. */
export const AUDIT_PACK_CONTEXT = { file: "audit-pack" } as const;

/**
 * Teams' way for a bot to send a file in a personal chat: the person allows it, Teams creates the file in their
 * OneDrive and gives the bot an upload URL. `sizeInBytes` is the estimate Teams shows beforehand.
 */
export function fileConsentAttachment(name: string, description: string, sizeInBytes: number): Attachment {
  return {
    contentType: FILE_CONSENT,
    name,
    content: { description, sizeInBytes, acceptContext: AUDIT_PACK_CONTEXT, declineContext: AUDIT_PACK_CONTEXT },
  };
}

/** The uploaded file as a card the person opens or downloads from. */
export function fileInfoAttachment(upload: FileUploadInfo): Attachment {
  return {
    contentType: FILE_INFO,
    contentUrl: upload.contentUrl,
    name: upload.name,
    content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
  };
}
