// A user name looked up where the image has no /etc/passwd (each case built on the engine).
import { ruleSpec } from './support/ruleSpec';

ruleSpec('user-name-on-scratch', {
  catches: [
    { text: 'FROM scratch\nUSER app\nWORKDIR «/x»\n', message: /WORKDIR creates \/x owned by USER app/ },
    'FROM scratch\nUSER 1000:staff\nWORKDIR «/x»\n',
    { text: 'FROM scratch\nCOPY «--chown=app» a /a\n', message: /--chown=app is looked up/ },
    // Inherited through a stage that added no file.
    'FROM scratch AS base\nUSER app\nFROM base\nWORKDIR «/srv»\n',
    'FROM scratch\nARG U=app\nUSER $U\nWORKDIR «data»\n',
  ],
  clean: [
    'FROM scratch\nUSER 1000\nWORKDIR /x\n',
    'FROM scratch\nUSER 1000:root\nWORKDIR /x\n',
    'FROM scratch\nUSER root\nWORKDIR /x\n',
    'FROM scratch\nUSER app\nWORKDIR /\n',
    'FROM scratch\nUSER app\nWORKDIR .\n',
    'FROM scratch\nCOPY --chown=1000:1000 a /a\n',
    'FROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\nUSER app\nWORKDIR /x\n',
    'FROM scratch AS base\nCOPY passwd /etc/passwd\nFROM base\nUSER app\nWORKDIR /x\n',
    'FROM alpine:3.20\nUSER app\nWORKDIR /x\n',
    'FROM scratch\nUSER app\nENV X=1\n',
    'FROM scratch\nCOPY --chown=$OWNER a /a\n',
  ],
});
