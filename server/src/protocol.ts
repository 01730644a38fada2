// The custom requests and notifications between the Layerwise client and server.
// One file, imported by both sides, so the method names and payloads cannot drift apart.
// Every method is named `layerwise/<method>` and documented with one line.
// Only plain types here: this file is bundled into the server (no `vscode`) and the client.

/** Methods the client serves to the server. */
export const ClientMethods = {} as const;

/** Methods the server serves to the client. */
export const ServerMethods = {} as const;
