// `COPY . .` before installing dependencies busts the build cache on every change.
import { ruleSpec } from './support/ruleSpec';

ruleSpec('copy-all-before-install', {
  catches: [
    "FROM alpine:3.20\nWORKDIR /app\n«COPY . .»\nRUN npm ci\n",
    "FROM alpine:3.20\nWORKDIR /app\n«COPY . /app»\nRUN pip install -r requirements.txt\n",
  ],
  clean: [
    "FROM alpine:3.20\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n",
    "FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN pip install flask==3.0.0\n",
  ],
});
