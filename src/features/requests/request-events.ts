import type { AiSystem, AiToolRequest, RequestDecision, RequestStageDecision } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    "request.submitted": { request: AiToolRequest };
    "request.resubmitted": { request: AiToolRequest };
    /** One stage (or one place of an all-of stage) approved; the request waits for its other stages. */
    "request.stage_decided": { request: AiToolRequest; stageDecision: RequestStageDecision };
    "request.decided": { request: AiToolRequest; decision: RequestDecision; aiSystem: AiSystem | null };
    /** A click found the request already decided: its messages show it again as the database has it. */
    "request.redisplayed": { request: AiToolRequest; decision: RequestDecision | null };
    /** The requester withdrew a pending request. */
    "request.withdrawn": { request: AiToolRequest };
    /** An AIMS owner reopened a decided request: it is pending again, as a new revision. */
    "request.reopened": { request: AiToolRequest; reason: string; by: { channel: AiToolRequest["requesterChannel"]; id: string; name: string | null } };
  }
}
