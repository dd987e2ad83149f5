import { describe, expect, it } from "vitest";
import type { Concern } from "../../../db/generated/client.js";
import { FOLLOW_UP_IDS, followUpSecretForm, followUpView, isForm } from "./follow-up-views.js";

const concern = (status: string) =>
  ({ reference: "CON-0007", status, receivedOn: new Date("2026-11-02T09:00:00Z"), resolveBy: new Date("2026-12-02T09:00:00Z"), outcomeReason: null }) as unknown as Concern;

describe("the anonymous reporter's follow-up", () => {
  it("asks for the secret with the code travelling in the form, never shown back as typed", () => {
    const form = followUpSecretForm("ABCDEFGHJKMN");
    expect(form.state).toEqual({ code: "ABCDEFGHJKMN" });
    expect(form.fields).toEqual([expect.objectContaining({ id: "secret", concealed: true })]);
  });

  it("keeps the secret in the form's state only when the chat holds it outside the conversation; otherwise asks again", () => {
    const modal = followUpView(concern("received"), [], { code: "ABCDEFGHJKMN", secret: "S3CR3T" });
    const card = followUpView(concern("received"), [], { code: "ABCDEFGHJKMN" });
    if (!isForm(modal) || !isForm(card)) throw new Error("an open concern takes answers");
    expect(modal.id).toBe(FOLLOW_UP_IDS.answer);
    expect(modal.fields.map((field) => field.id)).toEqual(["answer"]);
    expect(card.fields.map((field) => field.id)).toEqual(["answer", "secret"]);
    expect(card.state).toEqual({ code: "ABCDEFGHJKMN" });
  });

  it("offers no answer box once the concern is closed", () => {
    expect(isForm(followUpView(concern("resolved"), [], { code: "ABCDEFGHJKMN" }))).toBe(false);
  });
});
