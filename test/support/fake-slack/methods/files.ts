import type { Json, StoredSharedFile, WorkspaceState } from "../workspace-state.js";
import { type MethodHandler, SlackApiError, invalidArguments, nowSeconds, optionalString, requireString } from "./method-handler.js";

export const UPLOAD_PATH_PREFIX = "/upload/v1/";
/** Where shared files' bytes are served (Slack: https://files.slack.com/files-pri/<team>-<file>/<name>). */
export const FILES_PRI_PATH_PREFIX = "/files-pri/";

/** A shared file as Slack's file object describes it. */
export function fileObject(file: StoredSharedFile, { state, baseUrl }: { state: WorkspaceState; baseUrl: string }): Json {
  return {
    id: file.id,
    created: nowSeconds(),
    name: file.name,
    title: file.name,
    mimetype: file.mimetype,
    filetype: file.filetype,
    size: file.bytes.length,
    user: file.user,
    channels: [],
    ims: [file.channel],
    url_private: `${baseUrl}${FILES_PRI_PATH_PREFIX}${state.identity.teamId}-${file.id}/${encodeURIComponent(file.name)}`,
    url_private_download: `${baseUrl}${FILES_PRI_PATH_PREFIX}${state.identity.teamId}-${file.id}/download/${encodeURIComponent(file.name)}`,
  };
}

/** files.info: a file the bot can see, by id; Slack answers file_not_found for any other. */
const filesInfo: MethodHandler = (args, context) => {
  const id = requireString(args, "file");
  const file = context.state.sharedFiles.get(id);
  if (!file) throw new SlackApiError("file_not_found");
  return { ok: true, file: fileObject(file, context), comments: [], response_metadata: { next_cursor: "" } };
};

const getUploadUrlExternal: MethodHandler = (args, { state, baseUrl }) => {
  const filename = requireString(args, "filename");
  const length = Number(requireString(args, "length"));
  if (!Number.isInteger(length) || length < 0) throw invalidArguments("length must be a non-negative integer");
  const fileId = state.ids.next("F");
  state.pendingUploads.set(fileId, { fileId, filename, length });
  return { ok: true, upload_url: `${baseUrl}${UPLOAD_PATH_PREFIX}${fileId}`, file_id: fileId };
};

/** Completes uploads whose bytes were posted to their upload URL; the finished files are what tests inspect. */
const completeUploadExternal: MethodHandler = (args, { state }) => {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) throw invalidArguments("missing required field: files");
  const channelId = optionalString(args, "channel_id");
  const threadTs = optionalString(args, "thread_ts");
  const initialComment = optionalString(args, "initial_comment");
  const pending = files.map((file: Json) => {
    const upload = state.pendingUploads.get(String(file.id));
    // Slack cannot complete a file whose bytes never reached the upload URL.
    if (!upload?.bytes) throw new SlackApiError("file_not_found");
    return { upload, title: typeof file.title === "string" ? file.title : upload.filename };
  });
  const completed = pending.map(({ upload, title }) => {
    state.pendingUploads.delete(upload.fileId);
    state.uploads.push({
      file_id: upload.fileId,
      filename: upload.filename,
      title,
      bytes: upload.bytes as Buffer,
      channel_id: channelId,
      thread_ts: threadTs,
      initial_comment: initialComment,
    });
    return {
      id: upload.fileId,
      created: nowSeconds(),
      name: upload.filename,
      title,
      size: (upload.bytes as Buffer).length,
      user: state.identity.botUserId,
      channels: channelId ? [channelId] : [],
      url_private: `https://files.slack.com/files-pri/${state.identity.teamId}-${upload.fileId}/${upload.filename}`,
      permalink: `https://${state.identity.teamDomain}.slack.com/files/${state.identity.botUserId}/${upload.fileId}/${upload.filename}`,
    };
  });
  return { ok: true, files: completed };
};

export const fileMethods: Record<string, MethodHandler> = {
  "files.getUploadURLExternal": getUploadUrlExternal,
  "files.completeUploadExternal": completeUploadExternal,
  "files.info": filesInfo,
};
