// Schema-checks a CircleCI config with CircleCI's own parser (@circleci/circleci-config-parser).
// Usage: node circleci-config-parser-check.js CONFIG_YML   (NODE_PATH must reach the parser)
// The parser (0.10.0-alpha.3) rejects one valid form, a custom command invoked as a bare string
// step (`- my-command`); those are rewritten to the equivalent `- my-command: {}` first.
const fs = require('fs');
const YAML = require('yaml');
const parser = require('@circleci/circleci-config-parser');

const config = YAML.parse(fs.readFileSync(process.argv[2], 'utf8'));
const commands = new Set(Object.keys(config.commands || {}));
const normalise = (steps) =>
  (steps || []).map((step) => (typeof step === 'string' && commands.has(step) ? { [step]: {} } : step));
for (const section of ['jobs', 'commands']) {
  for (const definition of Object.values(config[section] || {})) {
    definition.steps = normalise(definition.steps);
  }
}

try {
  const parsed = parser.parseConfig(YAML.stringify(config));
  console.log(`ok: ${parsed.jobs.length} jobs, ${parsed.workflows.length} workflows`);
} catch (error) {
  console.error(String(error && error.message ? error.message : error));
  process.exit(1);
}
