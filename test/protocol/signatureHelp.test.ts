// Signature help over LSP: the form of the instruction and the parameter under the cursor.
import { strict as assert } from 'node:assert';
import { SignatureHelpRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from './support/testClient';

describe('protocol: signature help', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('highlights the destination of COPY', async () => {
    client = await TestClient.start();
    assert.ok(client.initializeResult.capabilities.signatureHelpProvider?.triggerCharacters?.includes(' '));
    const uri = 'file:///project/Dockerfile';
    await client.open(uri, 'FROM alpine\nCOPY a.txt ');
    const help = await client.connection.sendRequest(SignatureHelpRequest.type, { textDocument: { uri }, position: { line: 1, character: 11 } });
    assert.ok(help);
    const signature = help.signatures[help.activeSignature ?? 0];
    const [start, end] = signature.parameters![help.activeParameter ?? 0].label as [number, number];
    assert.equal(signature.label.slice(start, end), '<dest>');
  });
});
