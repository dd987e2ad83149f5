import { describe, expect, it } from "vitest";
import { FormValues } from "../../../conversation/form.js";
import { command, moment } from "../../../conversation/message.js";
import { DEMO_MESSAGE, EVERY_FIELD_FORM, PEOPLE_MESSAGE } from "../../../../test/support/conversation-fixtures.js";
import { messageBlockProblems, viewProblems } from "../../../../test/support/fake-slack/block-kit-limits.js";
import { blockKitMessage, blockKitModal, mrkdwn } from "./block-kit-message.js";
import { blockKitForm, errorsAck, readBlockKitValues, readFormMetadata } from "./block-kit-form.js";

describe("Block Kit rendering", () => {
  it("turns the neutral markdown into mrkdwn, escaping Slack's control characters", () => {
    expect(mrkdwn("**A.9 <b>** & _why_")).toBe("*A.9 &lt;b&gt;* &amp; _why_");
  });

  it("names a command as the /aims command to type, its words kept as written", () => {
    expect(mrkdwn(`Narrow it down with ${command("register <name>")} & more`)).toBe("Narrow it down with `/aims register <name>` &amp; more");
    expect(mrkdwn("[Open RS-1](https://wiki.example.com/a?b=1&c=2) and [not a link](javascript:x)")).toBe(
      "<https://wiki.example.com/a?b=1&amp;c=2|Open RS-1> and [not a link](javascript:x)",
    );
  });

  it("shows a moment in each reader's own timezone, with a UTC fallback", () => {
    const detected = new Date("2026-12-01T10:15:42Z");
    expect(mrkdwn(`Detected ${moment(detected)}`)).toBe(`Detected <!date^${detected.getTime() / 1000}^{date_short_pretty} at {time}|2026-12-01 10:15 UTC>`);
  });

  it("renders a message within Slack's limits, in a chat and in a modal", () => {
    const { text, blocks } = blockKitMessage(DEMO_MESSAGE);
    expect(text).toBe("A demo message");
    expect(messageBlockProblems(blocks)).toEqual([]);
    expect(blocks.map((block) => block.type)).toEqual(["header", "header", "section", "section", "section", "context", "actions", "divider", "actions"]);
    const modal = blockKitModal(DEMO_MESSAGE);
    expect(viewProblems(modal)).toEqual([]);
    expect(modal.callback_id).toBe("demo.view");
    expect(modal.blocks[1]).toMatchObject({
      block_id: "line:1",
      text: { text: "*Bold* &amp; _italic_\nquiet" },
      accessory: { action_id: "demo.edit", value: JSON.stringify({ id: "1" }) },
    });
  });

  it("names Slack people with a mention and others with their chat; a button that opens a form carries its id and state", () => {
    const { blocks } = blockKitMessage(PEOPLE_MESSAGE);
    expect(blocks[1]).toMatchObject({ text: { text: "Raised by <@U1>, seen by Tea|m (teams)" } });
    expect(blocks[2]).toEqual({ type: "actions", elements: [{ type: "button", action_id: "demo.ask", text: { type: "plain_text", text: "Ask" }, value: JSON.stringify({ reference: "R-1" }) }] });
  });

  it("renders every kind of field as a modal Slack accepts, with the state in its metadata", () => {
    const modal = blockKitForm(EVERY_FIELD_FORM, "V-ROOT");
    expect(viewProblems(modal)).toEqual([]);
    expect(modal.title.text).toHaveLength(24);
    expect(modal.close?.text).toBe("Back");
    expect(modal.blocks.slice(1).map((block) => [block.block_id, "element" in block ? block.element.type : block.type])).toEqual([
      ["name", "plain_text_input"],
      ["notes", "plain_text_input"],
      ["count", "number_input"],
      ["due", "datepicker"],
      ["level", "radio_buttons"],
      ["tags", "multi_static_select"],
      ["roles", "checkboxes"],
      ["owner", "users_select"],
    ]);
    expect(modal.blocks[7]).toMatchObject({ element: { initial_options: [{ value: "user", description: { text: "Uses AI" } }] } });
    expect(readFormMetadata(modal.private_metadata!)).toEqual({ state: { recordId: "R-1", version: 3 }, rootViewId: "V-ROOT" });
    expect(readFormMetadata("not json")).toEqual({ state: {} });
  });

  it("reads a view_submission's state as values of each field", () => {
    const raw = readBlockKitValues({
      name: { value: { value: "Ada" } },
      notes: { value: { value: null } },
      count: { value: { value: "4" } },
      due: { value: { selected_date: "2026-02-01" } },
      level: { value: { selected_option: { value: "low" } } },
      tags: { value: { selected_options: [{ value: "x" }, { value: "y" }] } },
      owner: { value: { selected_user: "U9" } },
    });
    const values = new FormValues(raw);
    expect([values.text("name"), values.text("notes"), values.number("count"), values.text("due"), values.text("level"), values.list("tags"), values.text("owner")]).toEqual([
      "Ada", undefined, 4, "2026-02-01", "low", ["x", "y"], "U9",
    ]);
  });

  it("answers errors with response_action errors, a problem of the whole form under the first field", () => {
    expect(errorsAck({ name: "Too long" }, undefined, "name")).toEqual({ response_action: "errors", errors: { name: "Too long" } });
    expect(errorsAck({ count: "Too many" }, "Changed meanwhile", "name")).toEqual({ response_action: "errors", errors: { name: "Changed meanwhile", count: "Too many" } });
    expect(errorsAck({ name: "Empty" }, "Changed meanwhile", "name").errors).toEqual({ name: "Empty" });
  });
});
