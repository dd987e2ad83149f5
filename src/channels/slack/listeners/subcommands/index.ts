import { concernSubcommand } from "../../concerns/concern-subcommand.js";
import { CAPABILITIES } from "../../../../features/capabilities.js";
import { subcommandsOf } from "../../conversation/capability-listeners.js";
import { exportSubcommand } from "../../evidence/export-subcommand.js";
import { meSubcommand } from "../../organisation/me-subcommand.js";
import { eraseSubcommand } from "../../erasure/listeners/erase-subcommand.js";
import { helpSubcommand } from "./help.js";
import { requestSubcommand } from "./request.js";
import { registerSubcommand } from "./register.js";
import { statusSubcommand } from "./status.js";
import type { Subcommand } from "./subcommand.js";

/** Every `/aims` subcommand, in the order help lists them. Features add theirs here. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  requestSubcommand,
  statusSubcommand,
  meSubcommand,
  registerSubcommand,
  concernSubcommand,
  ...CAPABILITIES.flatMap(subcommandsOf),
  exportSubcommand,
  eraseSubcommand,
  helpSubcommand(() => SUBCOMMANDS),
];
