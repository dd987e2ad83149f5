import { describe, expect, it } from "vitest";
import { FormValues, withValues } from "../../../conversation/form.js";
import { command, fields, moment, section } from "../../../conversation/message.js";
import { FIX_MARKED_ANSWERS } from "../../../conversation/reply.js";
import { DEMO_MESSAGE, EVERY_FIELD_FORM, PEOPLE_MESSAGE } from "../../../../test/support/conversation-fixtures.js";
import { adaptiveCardForm, readCardValues } from "./adaptive-card-form.js";
import { adaptiveCardOf } from "./adaptive-card-message.js";

type Element = Record<string, unknown> & { type: string };
const texts = (elements: unknown[]): string[] =>
  (elements as Element[]).flatMap((element) => (element.type === "TextBlock" ? [String(element.text)] : texts((element.items as unknown[]) ?? [])));

describe("Adaptive Card rendering", () => {
  it("renders a message as a card: title, sections with their buttons, card actions", () => {
    const card = adaptiveCardOf(DEMO_MESSAGE);
    expect(card.version).toBe("1.5");
    expect(texts(card.body)).toEqual(["Demo", "Part one", "**Bold** & _italic_", "quiet", "⚠️ Careful", "small print"]);
    const line = card.body.find((element) => element.id === "line:1") as Element;
    expect(line.items).toContainEqual({ type: "ActionSet", actions: [{ type: "Action.Execute", title: "Edit", verb: "demo.edit", data: { id: "1" } }] });
    expect(card.body.find((element) => element.type === "FactSet")).toEqual({ type: "FactSet", facts: [{ title: "Owner", value: "Ada" }] });
    expect(card.actions).toEqual([{ type: "Action.Execute", title: "More", verb: "demo.more", data: {} }]);
  });

  it("hides what is typed into a concealed text field (a secret) and only there", () => {
    const card = adaptiveCardForm({
      id: "x.save",
      title: "Secret",
      submit: "Open",
      fields: [
        { kind: "text", id: "secret", label: "Secret", concealed: true },
        { kind: "text", id: "note", label: "Note" },
      ],
    });
    const inputs = card.body.filter((element) => element.type === "Input.Text") as Element[];
    expect(inputs.map((input) => [input.id, input.style])).toEqual([["secret", "Password"], ["note", undefined]]);
  });

  it("names a command as the words to send the bot", () => {
    const card = adaptiveCardOf({ title: "Register", summary: "Register", blocks: [section([`Send ${command("register <name>")}`])] });
    expect(texts(card.body)).toContain("Send **register <name>**");
  });

  it("shows a moment to the minute in UTC, in lines and in fields", () => {
    const detected = new Date("2026-12-01T10:15:42Z");
    const card = adaptiveCardOf({ title: "When", summary: "When", blocks: [section([`Seen ${moment(detected)}`]), fields([{ label: "Detected", value: moment(detected) }])] });
    expect(texts(card.body)).toContain("Seen 2026-12-01 10:15 UTC");
    expect(JSON.stringify(card.body)).toContain('"value":"2026-12-01 10:15 UTC"');
  });

  it("names people with their chat when it is not Teams, and unfolds a form from its button", () => {
    const card = adaptiveCardOf(PEOPLE_MESSAGE);
    expect(texts(card.body)).toContain("Raised by Sam (Slack), seen by Tea|m");
    expect(card.actions).toEqual([
      {
        type: "Action.ShowCard",
        title: "Ask",
        card: {
          type: "AdaptiveCard",
          body: [{ type: "Input.Text", id: "question", label: "Question", isMultiline: false }],
          actions: [{ type: "Action.Execute", title: "Send", verb: "demo.ask", data: { reference: "R-1" }, style: "positive" }],
        },
      },
    ]);
  });

  it("renders every kind of field, with Save carrying the form's state and Back its own action", () => {
    const card = adaptiveCardForm(EVERY_FIELD_FORM);
    const inputs = card.body.filter((element) => String(element.type).startsWith("Input.")) as Element[];
    expect(inputs.map((input) => [input.id, input.type, input.value])).toEqual([
      ["name", "Input.Text", "Ada"],
      ["notes", "Input.Text", undefined],
      ["count", "Input.Number", 2],
      ["due", "Input.Date", "2026-01-31"],
      ["level", "Input.ChoiceSet", "high"],
      ["tags", "Input.ChoiceSet", "y"],
      ["roles", "Input.ChoiceSet", "user"],
      ["owner", "Input.ChoiceSet", "U123"],
    ]);
    expect(inputs[6].choices).toEqual([{ title: "User: Uses AI", value: "user" }]);
    expect(inputs[7]["choices.data"]).toEqual({ type: "Data.Query", dataset: "graph.microsoft.com/users" });
    expect(card.actions).toEqual([
      { type: "Action.Execute", title: "Save", verb: "demo.save", data: { recordId: "R-1", version: 3 }, style: "positive" },
      { type: "Action.Execute", title: "Back", verb: "demo.back", data: { page: 2 } },
    ]);
  });

  it("shows a form back with what was typed, each error under its field and a line above", () => {
    const typed = new FormValues(readCardValues({ recordId: "R-1", name: "Bea", tags: "x,y", count: "7", ignored: { nested: true } }));
    const card = adaptiveCardForm(withValues(EVERY_FIELD_FORM, typed), { count: "At most 9" });
    const body = card.body as Element[];
    expect(body[1]).toMatchObject({ type: "TextBlock", text: FIX_MARKED_ANSWERS, color: "attention" });
    const count = body.findIndex((element) => element.id === "count");
    expect(body[count].value).toBe(7);
    expect(body[count + 1]).toMatchObject({ type: "TextBlock", text: "At most 9", color: "attention" });
    expect(body.find((element) => element.id === "name")?.value).toBe("Bea");
    expect(body.find((element) => element.id === "tags")?.value).toBe("x,y");
    expect(texts(adaptiveCardForm(EVERY_FIELD_FORM, {}, "Changed meanwhile").body)[1]).toBe("Changed meanwhile");
  });
});
