import { describe, expect, it } from "vitest";
import { modernClick } from "./legacy-actions.js";

describe("old Slack clicks, rewritten into the new ones", () => {
  it("reads each old value format as the new handlers do", () => {
    expect(modernClick("request_approve_conditions", "REQ-0007:3:legal")).toEqual({ actionId: "request.approve_conditions", value: '{"reference":"REQ-0007","revision":3,"stageId":"legal"}' });
    expect(modernClick("due_snooze_day", "review|REV-0001|2027-03-10T09:00:00.000Z")).toEqual({ actionId: "due.snooze.day", value: '{"key":"review|REV-0001|2027-03-10T09:00:00.000Z"}' });
    expect(modernClick("assessment_sign_off", "ASM-0002:1")).toEqual({ actionId: "assessment.sign_off", value: '{"reference":"ASM-0002","round":1}' });
    expect(modernClick("assessment_send_back_open", "ASM-0002:1")).toEqual({ actionId: "assessment.send_back", value: '{"reference":"ASM-0002","round":1}' });
    expect(modernClick("assessment_resume", "ASM-0002")).toEqual({ actionId: "assessment.resume", value: '{"reference":"ASM-0002"}' });
    expect(modernClick("review_schedule_add", "new")).toEqual({ actionId: "review.schedule.form", value: "{}" });
    expect(modernClick("request_edit", '{"reference":"REQ-0001"}')).toEqual({ actionId: "request.edit", value: '{"reference":"REQ-0001"}' });
  });

  it("leaves a value it cannot read as it was, so the new handler says the button is out of date", () => {
    expect(modernClick("request_approve", "garbled")).toEqual({ actionId: "request.approve", value: "garbled" });
  });

  it("leaves new and still-current ids alone", () => {
    expect(modernClick("request.approve", "{}")).toBeNull();
    expect(modernClick("assessment_start_for_request", "REQ-0001")).toBeNull();
  });

  it("knows every button id the previous version's messages carried (dccd4d2) but the two it still uses", () => {
    const stillCurrent = ["assessment_start_for_request", "assessment_start_reassessment"];
    const old = [
      "request_approve", "request_approve_conditions", "request_reject", "request_changes", "request_edit", "request_open_form",
      "due_mark_done", "due_snooze_day", "due_snooze_week", "due_reassign", "objective_check_in", "objective_add", "review_schedule_add", "review_schedule_edit",
      "assessment_resume", "assessment_back", "assessment_go_to_step", "assessment_sign_off", "assessment_send_back_open",
    ];
    for (const id of old) expect(modernClick(id, ""), id).not.toBeNull();
    for (const id of stillCurrent) expect(modernClick(id, ""), id).toBeNull();
  });
});
