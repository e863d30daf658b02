// Runs graphql-http's GraphQL-over-HTTP server audit against the URL given as the only argument.
// Prints every audit that is not ok and exits 1 unless all of them are ok.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}

const results = await auditServer({ url });
const notOk = results.filter((r) => r.status !== 'ok');
for (const r of notOk) {
  const reason = typeof r.reason === 'string' ? r.reason : JSON.stringify(r.reason);
  console.log(`${r.status.toUpperCase()} ${r.id} ${r.name}: ${reason}`);
}
console.log(`graphql-http audit: ${results.length - notOk.length} ok of ${results.length}`);
process.exit(results.length > 0 && notOk.length === 0 ? 0 : 1);
