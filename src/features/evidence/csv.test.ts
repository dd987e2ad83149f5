import { describe, expect, it } from "vitest";
import { csvCell, csvRow, exportText } from "./csv.js";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(csvRow(["a,b", 'say "hi"', "two\nlines", 3])).toBe('"a,b","say ""hi""","two\nlines",3\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but not numbers", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe("-3");
  });

  it("writes dates as ISO 8601, lists joined and nothing as empty", () => {
    expect(exportText(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(exportText(["A.9.2", "A.4.4"])).toBe("A.9.2; A.4.4");
    expect(csvRow([null, undefined, true])).toBe(",,true\r\n");
  });
});
