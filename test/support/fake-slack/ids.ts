import { randomBytes } from "node:crypto";

/** Slack-style identifiers ("C0123ABCD", "V0123ABCD", ...) that never repeat within one fake. */
export class IdFactory {
  private counter = 0;
  private messageCounter = 0;

  next(prefix: string): string {
    this.counter += 1;
    return `${prefix}${this.counter.toString(36).toUpperCase().padStart(8, "0")}`;
  }

  /** Message timestamps increase strictly, e.g. "1700000000.000100", "1700000000.000200". */
  nextMessageTs(): string {
    this.messageCounter += 1;
    const seconds = 1_700_000_000 + Math.floor(this.messageCounter / 10_000);
    const micros = (this.messageCounter % 10_000) * 100;
    return `${seconds}.${String(micros).padStart(6, "0")}`;
  }

  viewHash(): string {
    return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString("hex")}`;
  }
}
