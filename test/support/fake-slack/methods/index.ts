import { chatMethods } from "./chat.js";
import { conversationMethods } from "./conversations.js";
import { fileMethods } from "./files.js";
import type { MethodHandler } from "./method-handler.js";
import { openSocketModeConnection } from "../socket-mode.js";
import { userAndAuthMethods } from "./users-and-auth.js";
import { userGroupMethods } from "./usergroups.js";
import { viewMethods } from "./views.js";

export const webApiMethods: Record<string, MethodHandler> = {
  ...userAndAuthMethods,
  ...chatMethods,
  ...viewMethods,
  ...conversationMethods,
  ...fileMethods,
  ...userGroupMethods,
  "apps.connections.open": openSocketModeConnection,
};
