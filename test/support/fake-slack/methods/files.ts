import type { Json } from "../workspace-state.js";
import { type MethodHandler, SlackApiError, invalidArguments, nowSeconds, optionalString, requireString } from "./method-handler.js";

export const UPLOAD_PATH_PREFIX = "/upload/v1/";

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
};
