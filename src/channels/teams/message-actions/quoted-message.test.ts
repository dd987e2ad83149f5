import { describe, expect, it } from "vitest";
import { htmlToText, messageOf } from "./quoted-message.js";

describe("the text of a Teams message", () => {
  it("turns Teams' HTML into the text people read", () => {
    expect(htmlToText("<p>Paste <b>customer</b> data &amp; <i>keep</i> it?</p><p>Second&nbsp;line<br/>third &#8364;5 &#x1F600;</p>")).toBe(
      "Paste customer data & keep it?\nSecond line\nthird €5 😀",
    );
  });

  it("keeps what is not an entity it knows, and never fails on a bad one", () => {
    expect(htmlToText("a &unknown; b &#99999999; c &lt;tag&gt;")).toBe("a &unknown; b &#99999999; c <tag>");
  });

  it("reads plain-text payloads as they are, with who wrote them", () => {
    expect(messageOf({ id: "1", body: { contentType: "text", content: "  hi  " }, from: { user: { id: "aad-1", displayName: "Ann" } } } as never)).toEqual({
      text: "hi",
      authorId: "aad-1",
      authorName: "Ann",
      messageId: "1",
    });
  });
});
