// A real SMTP server for tests (the smtp-server package), with switches for outages.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpSink {
  url: string;
  /** Every message the server accepted, in order. */
  received: ParsedMail[];
  /** Refuse the next `n` messages with a temporary error (451), or every one with Infinity. */
  refuseNext(n: number, code?: number): void;
  /** Stops listening, as a mail server that is down; `up()` listens again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export interface SmtpSinkOptions {
  /**
   * Called with each message once its whole DATA has arrived, before the server answers it. "drop" never answers
   * (the client is left waiting, as when a server dies mid-transaction) and does not keep the message; after "accept"
   * the message is kept and answered 250, and `afterAccept` runs just after the answer went out.
   */
  onMessage?: (mail: ParsedMail) => Promise<{ decision: "accept" | "drop"; afterAccept?: () => void }>;
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const received: ParsedMail[] = [];
  let refuse = 0;
  let refuseCode = 451;
  let port = 0;
  let server: SMTPServer | undefined;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ["STARTTLS", "AUTH"],
        logger: false,
        onData(stream, _session, callback) {
          simpleParser(stream).then(
            (mail) => {
              if (refuse > 0) {
                refuse--;
                callback(
                  Object.assign(new Error(refuseCode >= 500 ? "Mailbox unavailable" : "Try again later"), {
                    responseCode: refuseCode,
                  }),
                );
                return;
              }
              const decide = options.onMessage
                ? options.onMessage(mail)
                : Promise.resolve({ decision: "accept" as const, afterAccept: undefined });
              return decide.then(({ decision, afterAccept }) => {
                if (decision === "drop") return;
                received.push(mail);
                callback();
                afterAccept?.();
              });
            },
            (error: Error) => callback(error),
          );
        },
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.server.address() as AddressInfo).port;
        resolve();
      });
    });
  const close = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

  await listen();
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(n, code = 451) {
      refuse = n;
      refuseCode = code;
    },
    down: close,
    up: listen,
    async waitFor(count, timeoutMs = 45_000) {
      const until = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > until)
          throw new Error(`Expected ${count} emails, got ${received.length} after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    stop: close,
  };
}
