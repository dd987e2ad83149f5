import type { AiSystem, AiToolRequest, RequestDecision } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    "request.submitted": { request: AiToolRequest };
    "request.resubmitted": { request: AiToolRequest };
    "request.decided": { request: AiToolRequest; decision: RequestDecision; aiSystem: AiSystem | null };
    /** A click found the request already decided: its messages show it again as the database has it. */
    "request.redisplayed": { request: AiToolRequest; decision: RequestDecision | null };
  }
}
