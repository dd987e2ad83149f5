/** Every sentence of the audit-pack export, in Slack and in Teams (each chat delivers the file its own way). */
export const EXPORT_WORDING = {
  commandDescription: "AIMS owner: get the audit pack (SoA, evidence per control, audit-trail head) as a .zip file.",
  fileTitle: "AIMS audit pack",
  /** Slack: the pack is built, then sent by DM. */
  building: "Building the audit pack; I will send it to you by DM.",
  /** Teams: what the consent card says about the file. */
  consentDescription:
    "AIMS audit pack: the Statement of Applicability, the evidence for each Annex A control and the audit-trail head. " +
    "It is built from the records as they stand when you allow it.",
  personalChatOnly: "I can send files only in our personal chat: message me **export** there.",
  unknownFile: "I do not know that file any more. Send **export** again.",
  noUploadPlace: "Teams did not give me a place to upload the file. Send **export** to try again.",
  uploading: "Building the audit pack and uploading it to your OneDrive…",
  declined: "You declined the audit pack, so nothing was uploaded. Send **export** when you want it.",
  notDelivered: (failure: string) => `The audit pack did not reach your OneDrive. ${failure} Send **export** to start again.`,
} as const;
