import { vi } from "vitest";

/** Catches everything written to stderr or the console until `restore()`: what the app must never print there. */
export function captureConsole(): { printed: string[]; restore(): void } {
  const printed: string[] = [];
  const spies = [
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    }),
    ...(["error", "warn", "log", "info", "debug", "trace"] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args) => void printed.push(args.map(String).join(" "))),
    ),
  ];
  return {
    printed,
    restore: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
