/**
 * `npm run bench [-- NAME-PREFIX]`: prints one JSON object a line,
 * {"name", "value", "unit", "n"}. Figures only: nothing here fails a build.
 */
import { benches } from './benches';

const prefix = process.argv[2] ?? '';
const selected = benches.filter((b) => b.name.startsWith(prefix));
if (selected.length === 0) {
  console.error(
    `no benchmark starts with "${prefix}"; known: ${benches.map((b) => b.name).join(', ')}`,
  );
  process.exit(2);
}
for (const bench of selected) {
  for (const figure of await bench.run()) console.log(JSON.stringify(figure));
}
// Done once every figure is printed: a handle a benchmark's server or driver left open (pg's
// sockets after a cluster stopped under them) must not keep `npm run bench` waiting.
process.exit(0);
