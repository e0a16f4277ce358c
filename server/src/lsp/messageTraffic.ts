// How busy the connection is: the messages its reader delivers and the ones it starts handling,
// counted, so work that yields to requests can tell when none are left waiting.
import type { MessageReader, MessageStrategy } from "vscode-languageserver/node";
import { tappedReader } from "./tappedReader";

export class MessageTraffic {
  private events = 0;

  /** `reader`, counting each message it delivers. */
  watching(reader: MessageReader): MessageReader {
    return tappedReader(reader, (msg, deliver) => {
      this.events++;
      deliver(msg);
    });
  }

  /** For the connection's options: counts each message as its handling starts. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      this.events++;
      return next(message);
    },
  };

  /**
   * Calls `then` once a whole turn of the event loop went by with no message delivered or
   * handled, or after `capMs` whatever the traffic. The connection hands over one queued
   * message per turn, so after work that held the thread, every request that came in
   * meanwhile is answered first. A fixed pause did not do it: a hover asked every 20 ms during
   * eight 500 ms analyses in a row waited up to 2.4 s, as the queue grew faster than 20 ms
   * between analyses drained it.
   *
   * The first two turns count as busy: what arrived while the thread was held is read in the
   * next poll phase, and the reader delivers it through an immediate queued after ours (in
   * the turn after, when this is called from an I/O callback).
   */
  whenQuiet(then: () => void, capMs: number): void {
    const until = performance.now() + capMs;
    let seen = this.events;
    let turns = 0;
    const look = () => {
      if ((++turns > 2 && this.events === seen) || performance.now() > until) return then();
      seen = this.events;
      setImmediate(look);
    };
    setImmediate(look);
  }
}
