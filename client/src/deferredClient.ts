// The language client, made after activation. Evaluating vscode-languageclient's modules is
// most of the extension's load time (about 80 of 90 ms here), so activation only wires the UI
// and the client is created and started right after; requests made before then wait for it.
import type { LanguageClient } from "vscode-languageclient/node";

/** What the UI needs from the server connection. */
export interface ServerLink {
  sendRequest<R>(method: string, params: unknown): Promise<R>;
  isRunning(): boolean;
}

export class DeferredClient implements ServerLink {
  private client: LanguageClient | undefined;
  private started: Promise<LanguageClient> | undefined;
  private stopped = false;

  constructor(private readonly create: () => LanguageClient) {}

  /** Creates and starts the client, once; after a failed start, the next call tries again. */
  start(): Promise<LanguageClient> {
    if (this.stopped) return Promise.reject(new Error("the extension is deactivated"));
    this.started ??= (async () => {
      const c = (this.client = this.create());
      await c.start();
      return c;
    })().catch((e: unknown) => {
      this.started = undefined;
      throw e;
    });
    return this.started;
  }

  async sendRequest<R>(method: string, params: unknown): Promise<R> {
    const c = await this.start();
    return c.sendRequest<R>(method, params);
  }

  isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  /** Stops the client, waiting for a start in progress; no start happens afterwards. */
  async stop(): Promise<void> {
    this.stopped = true;
    const starting = this.started;
    if (starting) await starting.catch(() => undefined);
    if (this.client?.isRunning()) await this.client.stop();
  }
}
