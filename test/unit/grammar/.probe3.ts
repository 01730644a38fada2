import { dockerfileGrammar } from './textmate';
import { INITIAL } from 'vscode-textmate';
(async () => {
  const g = await dockerfileGrammar();
  let st: any = INITIAL;
  for (const line of ['COPY a \\', '  b']) {
    const r = g.tokenizeLine(line, st);
    for (const t of r.tokens) console.log(t.startIndex, t.endIndex, JSON.stringify(line.slice(t.startIndex, t.endIndex)), t.scopes.join(' '));
    st = r.ruleStack; let d = 0; for (let s = st; s; s = s.parent) d++; console.log('depth', d, st.endRule);
  }
})();
