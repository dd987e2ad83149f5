import type { AiToolRequest } from "../../db/generated/client.js";
import type { Tx } from "../../core/transaction.js";

/**
 * A condition another capability puts on approving a request (for example: high-risk requests need a signed-off
 * impact assessment). Returns null when approval may go ahead, or why it may not.
 */
export type ApprovalGate = (
  tx: Tx,
  request: AiToolRequest,
) => Promise<null | { message: string; action?: { label: string; id: string } }>;
