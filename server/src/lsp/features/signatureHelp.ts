// Signature help over LSP: the instruction's forms from the reference, with the active one and
// the parameter under the cursor chosen by the Dockerfile core.
import type { SignatureHelp } from 'vscode-languageserver';
import { SIGNATURE_RETRIGGER_CHARACTERS, SIGNATURE_TRIGGER_CHARACTERS, signatureHelp as signatureHelpAt } from '../../dockerfile/signatureHelp';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const signatureHelp: Feature = {
  name: 'signature help',
  capabilities: () => ({ signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGER_CHARACTERS, retriggerCharacters: SIGNATURE_RETRIGGER_CHARACTERS } }),
  register({ connection, documents, dockerfiles, log, client }) {
    const markdown = client.textDocument?.signatureHelp?.signatureInformation?.documentationFormat?.includes('markdown') ?? false;
    connection.onSignatureHelp((params, token) =>
      runSafe(log, 'signature help', params.textDocument.uri, token, null as SignatureHelp | null, () => {
        const document = documents.get(params.textDocument.uri);
        if (!document) return null;
        const dockerfile = dockerfiles.get(document);
        // The analysis's line index: the TextDocument's would be rebuilt after every edit.
        return signatureHelpAt(dockerfile, dockerfile.ast.lines.offsetAt(params.position), { markdown });
      }),
    );
  },
};
