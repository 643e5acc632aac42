// The commented starter config that `welcomemat init` writes.
import fs from 'node:fs/promises';
import path from 'node:path';
import { WelcomematError } from '../errors.js';

export const STARTER_CONFIG_NAME = 'welcomemat.config.yaml';

/** The starter config; every line that is not a comment is a valid setting. */
export function starterConfig(url = 'https://example.com/'): string {
  return `# yaml-language-server: $schema=./node_modules/welcomemat/schema/config.schema.json
# welcomemat config. Every key is listed in schema/config.schema.json; editors
# with the YAML language server complete and check keys from it.
# Run:  npx welcomemat run            (all sites below, timestamped reports)
#       npx welcomemat audit --config welcomemat.config.yaml   (one-off audit)
# Secrets: write \${env:NAME} (or { env: NAME }) and set NAME in the environment;
# their values never appear in reports or logs.

# Options at the top level apply to every site; a site can override any of them.
maxPages: 50            # pages per site
# maxDepth: 10
# maxDocuments: 50       # linked PDFs checked beside the pages; 0 for none
# respectRobots: true
# scope:
#   exclude: ["/blog/**"]           # globs or /regular expressions/
#   excludeLogout: "log-?out|sign-?out|log-?off"   # links never followed; false to follow

sites:
  - name: My site
    urls: ["${url}"]
    # branding: { name: "Your Agency", color: "#005a9c" }
    # Pages behind a login:
    # auth:
    #   headers: { X-Preview-Token: "\${env:PREVIEW_TOKEN}" }
    #   basic: { username: staging, password: "\${env:STAGING_PASSWORD}" }
    #   cookies: [{ name: session, value: "\${env:SESSION_COOKIE}" }]
    #   login:
    #     steps:
    #       - goto: /login
    #       - fill: "#email"
    #         value: owner@example.com
    #       - fill: "#password"
    #         value: "\${env:SITE_PASSWORD}"
    #       - click: "button[type=submit]"
    #       - waitForUrl: /account
    #     # script: ./login.mjs    # or a module: export default async ({ page, startUrl }) => {...}
  # - name: Another client
  #   urls: ["https://client.example/"]
  #   maxPages: 200

output:
  dir: reports          # reports/<site>/<timestamp>/ plus reports/index.html
  formats: [html, json]   # add conformance, statement, acr for the compliance drafts (docs/compliance.md)
  retention: 10         # timestamped runs kept per site

# The conformance table, accessibility statement and ACR (formats conformance, statement, acr):
# compliance:
#   product: { name: "Your shop", version: "2026.11", vendor: "Your Company Ltd", email: access@example.com }
#   manualVerdicts: welcomemat.verdicts.yaml   # a person's verdict per criterion: verdict, remarks, who, when
#   countries: [Spain]                         # one enforcement-body blank each in the statement

# CI gates: the command exits 1 when one is reached.
gate:
  failOn: none          # critical | serious | moderate | minor | none
  # maxViolations: 0
  # failOnNew: true      # fail on a violation not in the baseline (or the previous run)
  # baseline: reports/my-site/latest.json
  # accepted: welcomemat.accepted.yaml

# schedule:
#   cron: "0 6 * * 1"    # Mondays at 06:00, for \`welcomemat run --schedule\`
#   timezone: Europe/London

# webhook:
#   url: "\${env:WEBHOOK_URL}"
#   format: json         # json (summary + text) or slack (text only)

# log:
#   format: auto         # auto: JSON lines when not on a terminal
`;
}

/** Writes the starter config; refuses to overwrite unless `force`. Returns the path written. */
export async function writeStarterConfig(target: string, options: { force?: boolean; url?: string } = {}): Promise<string> {
  const file = path.resolve(target);
  try {
    await fs.writeFile(file, starterConfig(options.url), { flag: options.force ? 'w' : 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new WelcomematError('BAD_OPTIONS', `${target} already exists (use --force to overwrite it)`);
    }
    throw error;
  }
  return file;
}
