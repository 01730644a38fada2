// Here-document without its terminator line.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('unterminated-heredoc', {
  catches: [
    "FROM debian:12\nRUN <<EOF\necho hi\n",
  ],
  clean: [
    "FROM debian:12\nRUN <<EOF\necho hi\nEOF\n",
    "FROM debian:12\nRUN cat << 'EOF' > /x\nhello\nEOF\n",
  ],
});
