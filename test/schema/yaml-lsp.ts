/**
 * A minimal LSP client for a real yaml-language-server, spoken over stdio, for the
 * editor test (test/schema/editor.test.ts). The server is a child process; `close`
 * always kills it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CompletionRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
} from "vscode-languageserver-protocol/node";

const SERVER = fileURLToPath(new URL("../../node_modules/yaml-language-server/bin/yaml-language-server", import.meta.url));

/** Rejects after `ms` with a message naming what was awaited. */
function within<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`yaml-language-server: no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** A diagnostic as the tests read it: 0-based line and column, and the message text. */
export interface Problem {
  line: number;
  character: number;
  message: string;
}

const problem = (d: Diagnostic): Problem => ({
  line: d.range.start.line,
  character: d.range.start.character,
  message: typeof d.message === "string" ? d.message : d.message.value,
});

export interface YamlServer {
  /**
   * Opens a document (a file URI under `dir`; nothing is written) and resolves with the
   * first diagnostics published for it that satisfy `until` (default: any).
   */
  open(name: string, text: string, until?: (diagnostics: Problem[]) => boolean): Promise<{ uri: string; diagnostics: Problem[] }>;
  completion(uri: string, line: number, character: number): Promise<CompletionItem[]>;
  hover(uri: string, line: number, character: number): Promise<string>;
  /** The server's stderr so far (for failure messages). */
  stderr(): string;
  close(): Promise<void>;
}

/**
 * Starts yaml-language-server with `settings` (the `yaml` section, e.g. `{ schemas }`).
 * `dir` is the folder the test documents are said to live in (a workspace folder).
 */
export async function startYamlServer(dir: string, settings: Record<string, unknown>, timeoutMs = 10_000): Promise<YamlServer> {
  const child: ChildProcess = spawn(process.execPath, [SERVER, "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  // A failed spawn or a write after the server died: reported through the timeouts, not thrown.
  child.on("error", (e) => (err += `${e.message}\n`));
  child.stdin!.on("error", (e) => (err += `${e.message}\n`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await within("exit after kill", 2_000, exited).catch(() => undefined);
    }
  };
  const connection: ProtocolConnection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, (d: Problem[]) => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => diagnostics.get(p.uri)?.(p.diagnostics.map(problem)));
  // Requests from the server (configuration, capability registration, progress): answer plainly.
  connection.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === "yaml" ? settings : i.section?.startsWith("yaml.") ? settings[i.section.slice(5)] : null)),
  );
  for (const method of ["client/registerCapability", "client/unregisterCapability", "window/workDoneProgress/create"]) connection.onRequest(method, () => null);
  connection.onRequest("workspace/workspaceFolders", () => [{ uri: pathToFileURL(dir).href, name: "test" }]);
  connection.listen();
  try {
    const root = pathToFileURL(dir).href;
    await within(
      "initialize reply",
      timeoutMs,
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: "test" }],
        capabilities: {
          textDocument: {
            completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
            hover: { contentFormat: ["markdown", "plaintext"] },
            publishDiagnostics: {},
          },
          workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
        },
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { yaml: settings } });
  } catch (e) {
    connection.dispose();
    await kill();
    throw new Error(`${(e as Error).message}\n${err}`);
  }

  return {
    async open(name, text, until = () => true) {
      const uri = pathToFileURL(`${dir}/${name}`).href;
      const published = new Promise<Problem[]>((resolve) => diagnostics.set(uri, (d) => until(d) && resolve(d)));
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: "yaml", version: 1, text } });
      return { uri, diagnostics: await within(`diagnostics for ${name}`, timeoutMs, published) };
    },
    async completion(uri, line, character) {
      const r = await within("completion", timeoutMs, connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } }));
      return Array.isArray(r) ? r : ((r as CompletionList | null)?.items ?? []);
    },
    async hover(uri, line, character) {
      const h: Hover | null = await within("hover", timeoutMs, connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }));
      const c = h?.contents;
      if (!c) return "";
      if (typeof c === "string") return c;
      if (Array.isArray(c)) return c.map((x) => (typeof x === "string" ? x : x.value)).join("\n");
      return c.value;
    },
    stderr: () => err,
    async close() {
      try {
        await within("shutdown reply", 2_000, connection.sendRequest(ShutdownRequest.type));
        await connection.sendNotification(ExitNotification.type);
        await within("exit", 2_000, exited);
      } catch {
        // fall through to the kill
      } finally {
        connection.dispose();
        await kill();
      }
    },
  };
}
