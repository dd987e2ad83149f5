export { startFakeBotConnector, type ConnectorCall, type ConnectorCallKind, type FakeBotConnector } from "./fake-bot-connector.js";
export { cardProblems, messageProblems, TEAMS_MAX_CARD_VERSION, TEAMS_MESSAGE_LIMIT_BYTES } from "./card-limits.js";
export { RANGE_MULTIPLE, type FakeUploadSessions, type UploadInfo } from "./fake-upload-sessions.js";
export type { FakeRoster, RosterPerson } from "./fake-roster.js";
export type { FakeFileDownloads, FileAttachment } from "./fake-file-downloads.js";
