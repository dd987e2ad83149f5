// Block Kit and view limits enforced by Slack (see /work/shared/reference/platform-facts.md).
// Each problem carries a JSON pointer so errors read like Slack's: "<message> [json-pointer:/blocks/0/text]".

export interface BlockKitProblem {
  pointer: string;
  message: string;
}

export const MESSAGE_BLOCK_LIMIT = 50;
export const VIEW_BLOCK_LIMIT = 100;
const ID_MAX = 255;

const KNOWN_BLOCK_TYPES = new Set([
  "actions",
  "context",
  "divider",
  "file",
  "header",
  "image",
  "input",
  "markdown",
  "rich_text",
  "section",
  "table",
  "video",
]);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeProblem(problem: BlockKitProblem): string {
  return `${problem.message} [json-pointer:${problem.pointer}]`;
}

/** Problems in the `blocks` of a message (chat.postMessage, chat.update, ...). */
export function messageBlockProblems(blocks: unknown): BlockKitProblem[] {
  return new Checker().blocks(blocks, "/blocks", MESSAGE_BLOCK_LIMIT).problems;
}

/** Problems in a modal or App Home view (views.open/push/update/publish). */
export function viewProblems(view: unknown): BlockKitProblem[] {
  const checker = new Checker();
  if (!isObject(view)) {
    checker.add("/view", "must be an object");
    return checker.problems;
  }
  if (view.type !== "modal" && view.type !== "home") {
    checker.add("/view/type", "must be one of: modal, home");
  }
  if (view.type === "modal") {
    checker.requiredText(view.title, "/view/title", 24, "plain_text");
    checker.optionalText(view.submit, "/view/submit", 24, "plain_text");
    checker.optionalText(view.close, "/view/close", 24, "plain_text");
  }
  checker.maxLength(view.private_metadata, "/view/private_metadata", 3000);
  checker.maxLength(view.callback_id, "/view/callback_id", ID_MAX);
  checker.maxLength(view.external_id, "/view/external_id", ID_MAX);
  checker.blocks(view.blocks, "/view/blocks", VIEW_BLOCK_LIMIT);
  return checker.problems;
}

class Checker {
  readonly problems: BlockKitProblem[] = [];
  private readonly seenBlockIds = new Set<string>();

  add(pointer: string, message: string): void {
    this.problems.push({ pointer, message });
  }

  blocks(blocks: unknown, pointer: string, limit: number): this {
    if (blocks === undefined) return this;
    if (!Array.isArray(blocks)) {
      this.add(pointer, "must be an array");
      return this;
    }
    this.maxItems(blocks, pointer, limit);
    for (const [index, block] of blocks.entries()) this.block(block, `${pointer}/${index}`);
    return this;
  }

  private block(block: unknown, pointer: string): void {
    if (!isObject(block)) {
      this.add(pointer, "must be an object");
      return;
    }
    if (typeof block.type !== "string" || !KNOWN_BLOCK_TYPES.has(block.type)) {
      this.add(`${pointer}/type`, `unsupported block type: ${String(block.type)}`);
      return;
    }
    if (block.block_id !== undefined) {
      this.maxLength(block.block_id, `${pointer}/block_id`, ID_MAX);
      const blockId = String(block.block_id);
      if (this.seenBlockIds.has(blockId)) this.add(`${pointer}/block_id`, `duplicate block_id: ${blockId}`);
      this.seenBlockIds.add(blockId);
    }
    switch (block.type) {
      case "section":
        this.section(block, pointer);
        return;
      case "header":
        this.requiredText(block.text, `${pointer}/text`, 150, "plain_text");
        return;
      case "actions":
        this.elementList(block.elements, `${pointer}/elements`, 25);
        return;
      case "context":
        this.contextElements(block.elements, `${pointer}/elements`);
        return;
      case "input":
        this.input(block, pointer);
        return;
    }
  }

  private section(block: Json, pointer: string): void {
    if (block.text === undefined && block.fields === undefined) {
      this.add(pointer, "must provide either text or fields");
    }
    this.optionalText(block.text, `${pointer}/text`, 3000);
    if (block.fields !== undefined) {
      if (!Array.isArray(block.fields)) {
        this.add(`${pointer}/fields`, "must be an array");
      } else {
        this.maxItems(block.fields, `${pointer}/fields`, 10);
        for (const [index, field] of block.fields.entries()) this.requiredText(field, `${pointer}/fields/${index}`, 2000);
      }
    }
    if (block.accessory !== undefined) this.element(block.accessory, `${pointer}/accessory`);
  }

  private input(block: Json, pointer: string): void {
    this.requiredText(block.label, `${pointer}/label`, 2000, "plain_text");
    if (block.element === undefined) this.add(`${pointer}/element`, "missing required field: element");
    else this.element(block.element, `${pointer}/element`);
    this.optionalText(block.hint, `${pointer}/hint`, 2000, "plain_text");
  }

  private contextElements(elements: unknown, pointer: string): void {
    if (!Array.isArray(elements)) {
      this.add(pointer, "must be an array");
      return;
    }
    this.maxItems(elements, pointer, 10);
  }

  private elementList(elements: unknown, pointer: string, limit: number): void {
    if (!Array.isArray(elements)) {
      this.add(pointer, "must be an array");
      return;
    }
    if (elements.length === 0) this.add(pointer, "must have at least 1 item");
    this.maxItems(elements, pointer, limit);
    const seenActionIds = new Set<string>();
    elements.forEach((element, index) => {
      const elementPointer = `${pointer}/${index}`;
      this.element(element, elementPointer);
      if (isObject(element) && element.action_id !== undefined) {
        const actionId = String(element.action_id);
        if (seenActionIds.has(actionId)) this.add(`${elementPointer}/action_id`, `duplicate action_id: ${actionId}`);
        seenActionIds.add(actionId);
      }
    });
  }

  private element(element: unknown, pointer: string): void {
    if (!isObject(element)) {
      this.add(pointer, "must be an object");
      return;
    }
    this.maxLength(element.action_id, `${pointer}/action_id`, ID_MAX);
    this.optionalText(element.placeholder, `${pointer}/placeholder`, 150, "plain_text");
    switch (element.type) {
      case "button":
        this.requiredText(element.text, `${pointer}/text`, 75, "plain_text");
        this.maxLength(element.value, `${pointer}/value`, 2000);
        this.maxLength(element.url, `${pointer}/url`, 3000);
        return;
      case "static_select":
      case "multi_static_select":
        this.selectOptions(element, pointer);
        return;
      case "plain_text_input":
        if (element.max_length !== undefined && Number(element.max_length) > 3000) {
          this.add(`${pointer}/max_length`, "must be less than or equal to 3000");
        }
        this.maxLength(element.initial_value, `${pointer}/initial_value`, 3000);
        return;
    }
  }

  private selectOptions(element: Json, pointer: string): void {
    if (element.options === undefined && element.option_groups === undefined) {
      this.add(pointer, "must provide either options or option_groups");
    }
    this.options(element.options, `${pointer}/options`);
    if (Array.isArray(element.option_groups)) {
      this.maxItems(element.option_groups, `${pointer}/option_groups`, 100);
      element.option_groups.forEach((group, index) => {
        const groupPointer = `${pointer}/option_groups/${index}`;
        if (isObject(group)) {
          this.requiredText(group.label, `${groupPointer}/label`, 75, "plain_text");
          this.options(group.options, `${groupPointer}/options`);
        }
      });
    }
  }

  private options(options: unknown, pointer: string): void {
    if (options === undefined) return;
    if (!Array.isArray(options)) {
      this.add(pointer, "must be an array");
      return;
    }
    this.maxItems(options, pointer, 100);
    options.forEach((option, index) => {
      const optionPointer = `${pointer}/${index}`;
      if (!isObject(option)) {
        this.add(optionPointer, "must be an object");
        return;
      }
      this.requiredText(option.text, `${optionPointer}/text`, 75);
      this.maxLength(option.value, `${optionPointer}/value`, 150);
    });
  }

  optionalText(text: unknown, pointer: string, max: number, onlyType?: "plain_text"): void {
    if (text !== undefined) this.requiredText(text, pointer, max, onlyType);
  }

  requiredText(text: unknown, pointer: string, max: number, onlyType?: "plain_text"): void {
    if (text === undefined) {
      this.add(pointer, "missing required field");
      return;
    }
    if (!isObject(text)) {
      this.add(pointer, "must be a text object");
      return;
    }
    if (onlyType && text.type !== onlyType) {
      this.add(`${pointer}/type`, `must be ${onlyType}`);
    } else if (text.type !== "plain_text" && text.type !== "mrkdwn") {
      this.add(`${pointer}/type`, "must be one of: plain_text, mrkdwn");
    }
    if (typeof text.text !== "string") {
      this.add(`${pointer}/text`, "must be a string");
      return;
    }
    if (text.text.length === 0) this.add(`${pointer}/text`, "must be more than 0 characters");
    this.maxLength(text.text, `${pointer}/text`, max);
  }

  maxLength(value: unknown, pointer: string, max: number): void {
    if (value !== undefined && value !== null && String(value).length > max) {
      this.add(pointer, `must be less than ${max + 1} characters`);
    }
  }

  private maxItems(items: unknown[], pointer: string, max: number): void {
    if (items.length > max) this.add(pointer, `must be less than ${max + 1} items`);
  }
}
