export { type BlockKitProblem, messageBlockProblems, viewProblems } from "./block-kit-limits.js";
export type { RateLimitOptions } from "./faults.js";
export type { HeldCall, HoldOptions } from "./holds.js";
export { FakeSlack, type FakeSlackCall, type FakeSlackOptions, startFakeSlack } from "./fake-slack.js";
export type { ResponseUrlPost } from "./response-urls.js";
export { FAKE_WORKSPACE } from "./workspace-defaults.js";
export type {
  FakeChannelInput,
  FakeSlackUserInput,
  FakeUpload,
  FakeUserGroupInput,
  ScheduledMessage,
  StoredMessage,
} from "./workspace-state.js";
