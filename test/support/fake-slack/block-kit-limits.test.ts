import { describe, expect, it } from "vitest";
import { type BlockKitProblem, messageBlockProblems, viewProblems } from "./block-kit-limits.js";

const text = (length: number, type = "plain_text") => ({ type, text: "x".repeat(length) });
const section = (extra: Record<string, unknown> = {}) => ({ type: "section", text: text(5, "mrkdwn"), ...extra });
const button = (extra: Record<string, unknown> = {}) => ({ type: "button", action_id: "go", text: text(5), ...extra });
const select = (options: unknown[]) => ({ type: "static_select", action_id: "pick", options });
const option = (label: number, value = "v") => ({ text: text(label), value });
const textInput = { type: "plain_text_input", action_id: "t" };
const input = (extra: Record<string, unknown> = {}) => ({ type: "input", block_id: "in", label: text(5), element: textInput, ...extra });
const modal = (extra: Record<string, unknown> = {}) => ({ type: "modal", title: text(10), blocks: [section()], ...extra });

const pointers = (problems: BlockKitProblem[]) => problems.map((problem) => problem.pointer);

describe("message block limits", () => {
  it.each([
    ["50 blocks", Array.from({ length: 50 }, () => section()), []],
    ["51 blocks", Array.from({ length: 51 }, () => section()), ["/blocks"]],
    ["section text of 3000", [section({ text: text(3000, "mrkdwn") })], []],
    ["section text of 3001", [section({ text: text(3001, "mrkdwn") })], ["/blocks/0/text/text"]],
    ["empty section text", [section({ text: text(0, "mrkdwn") })], ["/blocks/0/text/text"]],
    ["11 section fields", [section({ fields: Array.from({ length: 11 }, () => text(1)) })], ["/blocks/0/fields"]],
    ["a section field of 2001", [section({ fields: [text(2001)] })], ["/blocks/0/fields/0/text"]],
    ["header of 150", [{ type: "header", text: text(150) }], []],
    ["header of 151", [{ type: "header", text: text(151) }], ["/blocks/0/text/text"]],
    ["mrkdwn header", [{ type: "header", text: text(5, "mrkdwn") }], ["/blocks/0/text/type"]],
    ["button text of 76", [{ type: "actions", elements: [button({ text: text(76) })] }], ["/blocks/0/elements/0/text/text"]],
    ["button value of 2001", [{ type: "actions", elements: [button({ value: "x".repeat(2001) })] }], ["/blocks/0/elements/0/value"]],
    [
      "26 actions elements",
      [{ type: "actions", elements: Array.from({ length: 26 }, (_, index) => button({ action_id: `a${index}` })) }],
      ["/blocks/0/elements"],
    ],
    ["duplicate action_id in a block", [{ type: "actions", elements: [button(), button()] }], ["/blocks/0/elements/1/action_id"]],
    ["101 select options", [section({ accessory: select(Array.from({ length: 101 }, () => option(3))) })], ["/blocks/0/accessory/options"]],
    ["option text of 76", [section({ accessory: select([option(76)]) })], ["/blocks/0/accessory/options/0/text/text"]],
    ["11 context elements", [{ type: "context", elements: Array.from({ length: 11 }, () => text(1)) }], ["/blocks/0/elements"]],
    ["duplicate block_id", [section({ block_id: "same" }), section({ block_id: "same" })], ["/blocks/1/block_id"]],
    ["block_id of 256", [section({ block_id: "x".repeat(256) })], ["/blocks/0/block_id"]],
    ["action_id of 256", [{ type: "actions", elements: [button({ action_id: "x".repeat(256) })] }], ["/blocks/0/elements/0/action_id"]],
    ["unknown block type", [{ type: "sparkles" }], ["/blocks/0/type"]],
  ])("%s", (_name, blocks, expected) => {
    expect(pointers(messageBlockProblems(blocks))).toEqual(expected);
  });

  it("words problems like Slack", () => {
    expect(messageBlockProblems([section({ text: text(3001, "mrkdwn") })])).toEqual([
      { pointer: "/blocks/0/text/text", message: "must be less than 3001 characters" },
    ]);
  });
});

describe("view limits", () => {
  it.each([
    ["a valid modal", modal(), []],
    ["100 blocks", modal({ blocks: Array.from({ length: 100 }, () => section()) }), []],
    ["101 blocks", modal({ blocks: Array.from({ length: 101 }, () => section()) }), ["/view/blocks"]],
    ["title of 25", modal({ title: text(25) }), ["/view/title/text"]],
    ["mrkdwn title", modal({ title: text(5, "mrkdwn") }), ["/view/title/type"]],
    ["missing title", modal({ title: undefined }), ["/view/title"]],
    ["submit of 25", modal({ submit: text(25) }), ["/view/submit/text"]],
    ["close of 25", modal({ close: text(25) }), ["/view/close/text"]],
    ["private_metadata of 3001", modal({ private_metadata: "x".repeat(3001) }), ["/view/private_metadata"]],
    ["callback_id of 256", modal({ callback_id: "x".repeat(256) }), ["/view/callback_id"]],
    ["input without label", modal({ blocks: [input({ label: undefined })] }), ["/view/blocks/0/label"]],
    ["input label of 2001", modal({ blocks: [input({ label: text(2001) })] }), ["/view/blocks/0/label/text"]],
    ["input without element", modal({ blocks: [input({ element: undefined })] }), ["/view/blocks/0/element"]],
    [
      "plain_text_input max_length of 3001",
      modal({ blocks: [input({ element: { ...textInput, max_length: 3001 } })] }),
      ["/view/blocks/0/element/max_length"],
    ],
    ["home tab without title", { type: "home", blocks: [section()] }, []],
    ["unknown view type", { type: "popup", blocks: [] }, ["/view/type"]],
  ])("%s", (_name, view, expected) => {
    expect(pointers(viewProblems(view))).toEqual(expected);
  });
});
