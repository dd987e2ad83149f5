import type { ImpactAssessment } from "../../db/generated/client.js";

declare module "../../core/events.js" {
  interface DomainEvents {
    "assessment.submitted": { assessment: ImpactAssessment };
    "assessment.signed_off": { assessment: ImpactAssessment };
    "assessment.sent_back": { assessment: ImpactAssessment };
  }
}
