import type { Form } from "../../src/conversation/form.js";
import { type Message, person } from "../../src/conversation/message.js";

/** A form with one field of every kind, for the renderers' tests. */
export const EVERY_FIELD_FORM: Form = {
  id: "demo.save",
  title: "A demonstration form with a long title",
  submit: "Save",
  cancel: { label: "Back", action: "demo.back", value: { page: 2 } },
  intro: [{ kind: "section", lines: ["Tell us **everything** about <this>."] }],
  state: { recordId: "R-1", version: 3 },
  fields: [
    { kind: "text", id: "name", label: "Name", hint: "Who it is", maxLength: 80, initial: "Ada" },
    { kind: "text", id: "notes", label: "Notes", multiline: true, optional: true },
    { kind: "number", id: "count", label: "Count", min: 1, max: 9, initial: 2 },
    { kind: "date", id: "due", label: "Due", initial: "2026-01-31" },
    { kind: "select", id: "level", label: "Level", radio: true, options: [{ value: "low", label: "Low" }, { value: "high", label: "High" }], initial: "high" },
    { kind: "multiselect", id: "tags", label: "Tags", options: [{ value: "x", label: "X" }, { value: "y", label: "Y" }], initial: ["y"] },
    { kind: "checkboxes", id: "roles", label: "Roles", options: [{ value: "user", label: "User", description: "Uses AI" }], initial: ["user"] },
    { kind: "person", id: "owner", label: "Owner", initial: "U123" },
  ],
};

export const DEMO_MESSAGE: Message = {
  id: "demo.view",
  title: "Demo",
  summary: "A demo message",
  blocks: [
    { kind: "heading", text: "Part one" },
    { kind: "section", id: "line:1", lines: ["**Bold** & _italic_", { text: "quiet", muted: true }], button: { label: "Edit", action: "demo.edit", value: { id: "1" } } },
    { kind: "section", lines: ["⚠️ Careful"], tone: "warning" },
    { kind: "fields", fields: [{ label: "Owner", value: "Ada" }] },
    { kind: "context", text: "small print" },
    { kind: "actions", buttons: [{ label: "Approve", action: "demo.approve", style: "primary" }, { label: "Reject", action: "demo.reject", style: "danger" }] },
    { kind: "divider" },
  ],
  actions: [{ label: "More", action: "demo.more" }],
};

/** A message naming people of both chats, with a button that opens a small form. */
export const PEOPLE_MESSAGE: Message = {
  title: "People",
  summary: "People",
  blocks: [{ kind: "section", lines: [`Raised by ${person({ channel: "slack", id: "U1", name: "Sam" })}, seen by ${person({ channel: "teams", id: "aad-1", name: "Tea|m" })}`] }],
  actions: [{ label: "Ask", opens: { id: "demo.ask", title: "Ask", submit: "Send", state: { reference: "R-1" }, fields: [{ kind: "text", id: "question", label: "Question" }] } }],
};
