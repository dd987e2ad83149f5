import type { Turn } from "../../../conversation/capability.js";
import { type Reply, show, tell } from "../../../conversation/reply.js";
import { fileProblem, markdownOf, type FileProblem, type SharedFile } from "../policy-file.js";
import type { PolicyServices } from "./policy-capability.js";
import { draftPreviewView } from "./policy-views.js";
import { POLICY_WORDING as W } from "./policy-wording.js";

function problemText(file: SharedFile, problem: FileProblem): string {
  switch (problem.kind) {
    case "not_markdown":
      return W.fileNotMarkdown(file.name);
    case "too_large":
      return W.fileTooLarge(file.name, Math.floor(problem.maxBytes / 1024));
    case "empty":
      return W.fileEmpty(file.name);
    case "not_text":
      return W.fileNotText(file.name);
  }
}

/**
 * A file shared with the bot in a personal chat (Slack DM, Teams chat): for an AIMS owner, a Markdown file becomes a
 * draft shown as a preview with a Publish button that opens the form pre-filled; anything else is a clear refusal.
 * `download` fetches the file's bytes the channel's way; it runs only once the person and the file passed the checks.
 */
export async function fileSharedReply(turn: Turn<PolicyServices>, file: SharedFile, download: () => Promise<Uint8Array>): Promise<Reply> {
  const { policies } = turn.services;
  const maxBytes = policies.fileMaxBytes;
  const refusal = await policies.ownerRefusal(turn.actor);
  if (refusal) return tell(refusal);
  const before = fileProblem(file, maxBytes);
  if (before) return tell(problemText(file, before));
  let bytes: Uint8Array;
  try {
    bytes = await download();
  } catch (error) {
    turn.logger.warn({ err: error, file: file.name }, "could not download a file shared with the bot");
    return tell(W.fileUnreadable(file.name));
  }
  const read = markdownOf(bytes, maxBytes);
  if (!("text" in read)) return tell(problemText(file, read));
  const saved = await policies.saveDraft(turn.actor, file.name, read.text);
  return saved.kind === "refused" ? tell(saved.message) : show(draftPreviewView(saved.draft));
}
