import { replyText } from "../../../conversation/reply.js";
import { fileSharedReply } from "../../../features/policies/conversation/policy-file-reply.js";
import type { SharedFile } from "../../../features/policies/policy-file.js";
import { cardMessage, markdownMessage } from "../cards/adaptive-card.js";
import type { TeamsContext } from "../context.js";
import { adaptiveCardOf } from "../conversation/adaptive-card-message.js";
import { teamsTurn } from "../conversation/teams-turn.js";
import { teamsActor } from "../teams-actor.js";
import type { TeamsActivity, TeamsTurn } from "../transport/index.js";

/** How Teams describes a file a person sent the bot in a personal chat. */
export const FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info";

/** SharePoint and OneDrive hosts, where Teams keeps files sent in chats. */
const FILE_HOST = /\.(sharepoint\.com|sharepoint\.us|sharepoint-mil\.us|sharepoint\.cn)$/i;

/**
 * Whether the bot may fetch this download URL: on SharePoint over https, or on the host that sent the activity
 * (the emulator and the tests' fake Bot Connector). No other address is fetched, whatever the activity says.
 */
export function isTeamsFileUrl(url: string, serviceUrl: string): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed) return false;
  if (parsed.protocol === "https:" && FILE_HOST.test(parsed.hostname)) return true;
  return URL.canParse(serviceUrl) && new URL(serviceUrl).origin === parsed.origin;
}

function sharedFileOf(activity: TeamsActivity): { file: SharedFile; downloadUrl: string } | null {
  const attachment = activity.attachments?.find((candidate) => candidate.contentType === FILE_DOWNLOAD_INFO);
  if (!attachment) return null;
  const content = (attachment.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
  const name = typeof attachment.name === "string" ? attachment.name : "the file";
  return {
    file: { name, fileType: typeof content.fileType === "string" ? content.fileType : undefined },
    downloadUrl: typeof content.downloadUrl === "string" ? content.downloadUrl : "",
  };
}

/** The file's bytes from its pre-authenticated download URL (it takes no token); anything but a 200 is a failure. */
async function download(url: string, serviceUrl: string): Promise<Uint8Array> {
  if (!isTeamsFileUrl(url, serviceUrl)) throw new Error("the file's download URL is not on SharePoint");
  const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`the download URL answered ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * A file sent to the bot in a personal chat: for an AIMS owner, a Markdown file becomes a preview with a Publish
 * button (see policy-file-reply.ts). False when the message carries no file, for the commands to handle it.
 */
export async function answerSharedPolicyFile(ctx: TeamsContext, turn: TeamsTurn): Promise<boolean> {
  const { activity } = turn;
  if (activity.conversation.conversationType !== "personal") return false;
  const shared = sharedFileOf(activity);
  const actor = teamsActor(activity);
  if (!shared || !actor) return false;
  const reply = await fileSharedReply(teamsTurn(ctx, actor, activity), shared.file, () => download(shared.downloadUrl, activity.serviceUrl));
  await turn.send(reply.kind === "show" ? cardMessage(adaptiveCardOf(reply.message), reply.message.summary) : markdownMessage(replyText(reply)));
  return true;
}
