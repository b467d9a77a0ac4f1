/** Writes docs/paket-manifest.schema.json from the manifest's own validator, so the two cannot drift (a test compares them). */
import { writeFileSync } from 'node:fs';
import { manifestJsonSchema } from '../electron/services/bundles/format';

writeFileSync('docs/paket-manifest.schema.json', `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`);
