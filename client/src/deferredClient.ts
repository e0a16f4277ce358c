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

  constructor(private readonly create: () => LanguageClient) {}

  /** Creates and starts the client, once. */
  start(): Promise<LanguageClient> {
    this.started ??= (async () => {
      const c = (this.client = this.create());
      await c.start();
      return c;
    })();
    return this.started;
  }

  async sendRequest<R>(method: string, params: unknown): Promise<R> {
    const c = await this.start();
    return c.sendRequest<R>(method, params);
  }

  isRunning(): boolean {
    return this.client?.isRunning() ?? false;
  }

  async stop(): Promise<void> {
    if (this.client?.isRunning()) await this.client.stop();
  }
}
