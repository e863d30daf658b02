// What a frontend developer's tools do against a live IamGraph server, run by GraphQLClientsTests:
//   node clients.mjs introspection <url> <committed-sdl>   graphql-js full introspection, buildClientSchema, printSchema
//   node clients.mjs relay <url>                            relay-compiler on the operations in relay/src
//   node clients.mjs case <n> <url>                         one case of issue 12, checked as a client sees it
// Prints "ok ..." per check, or what differs; exits 1 unless everything is ok.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildClientSchema, buildSchema, getIntrospectionQuery, parse, printSchema, validate,
} from 'graphql';

const here = dirname(fileURLToPath(import.meta.url));
const [command, ...args] = process.argv.slice(2);
const failures = [];

function check(name, ok, detail) {
  if (ok) {
    console.log(`ok ${name}`);
  } else {
    failures.push(name);
    console.log(`FAIL ${name}${detail === undefined ? '' : `: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`}`);
  }
}

/** POSTs as graphql-request and urql do; returns the status, the raw body and the parsed body. */
async function post(url, query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

/** The query graphql-js builds with every option on: what schema tools and codegen send for the current spec. */
const fullIntrospection = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});

async function clientSchema(url) {
  const { status, body } = await post(url, fullIntrospection);
  if (status !== 200 || body.errors) {
    throw new Error(`full introspection failed with ${status}: ${JSON.stringify(body.errors)}`);
  }
  return buildClientSchema(body.data);
}

/** The first lines where two texts differ, for a readable failure. */
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}: expected ${JSON.stringify(a.slice(i, i + 3))}, got ${JSON.stringify(b.slice(i, i + 3))}`;
    }
  }
  return 'no difference';
}

async function introspection(url, committedSdlPath) {
  const schema = await clientSchema(url);
  check('full introspection with every graphql-js option is served', true);
  // Both sides printed by graphql-js: only presentation is normalised (comma placement, block strings, blank lines).
  const expected = printSchema(buildSchema(readFileSync(committedSdlPath, 'utf8')));
  const actual = printSchema(schema);
  check('buildClientSchema then printSchema equals the committed SDL', expected === actual, firstDifference(expected, actual));
  const directives = Object.fromEntries(schema.getDirectives().map((d) => [d.name, d]));
  check('@specifiedBy is declared', directives.specifiedBy?.locations.join() === 'SCALAR');
  check('@deprecated applies to arguments and input fields',
    ['ARGUMENT_DEFINITION', 'INPUT_FIELD_DEFINITION'].every((l) => directives.deprecated?.locations.includes(l)));
  check('@oneOf is declared', directives.oneOf?.locations.join() === 'INPUT_OBJECT');
}

async function relay(url) {
  const schema = await clientSchema(url);
  const work = mkdtempSync(join(tmpdir(), 'iamgraph-relay-'));
  try {
    cpSync(join(here, 'relay', 'src'), join(work, 'src'), { recursive: true });
    writeFileSync(join(work, 'schema.graphql'), printSchema(schema));
    writeFileSync(join(work, 'relay.config.json'), JSON.stringify({
      src: './src', schema: './schema.graphql', language: 'javascript',
    }));
    const compiler = join(here, 'node_modules', '.bin', 'relay-compiler');
    const run = (extra) => {
      try {
        return { code: 0, output: execFileSync(compiler, ['--noWatchman', ...extra], { cwd: work, encoding: 'utf8', stdio: 'pipe' }) };
      } catch (e) {
        return { code: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
      }
    };
    // The compiler validates every operation and fragment against the live schema; --validate then proves the artifacts stable.
    const compiled = run([]);
    check('relay-compiler compiles the frontend operations against the live schema', compiled.code === 0, compiled.output);
    const validated = run(['--validate']);
    check('relay-compiler --validate finds nothing to change', validated.code === 0, validated.output);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const names = (result, field) => result.body.data[field].nodes.map((n) => n.name);
const noErrors = (result) => (result.body.errors ? JSON.stringify(result.body.errors) : undefined);

/** Each numbered item of issue 12, as a client sees it. */
const cases = {
  async 1(url) {
    const { status, body } = await post(url, fullIntrospection);
    check('case 1: full introspection answers 200 with a schema', status === 200 && !body.errors && body.data.__schema.types.length > 0, body.errors);
    const schema = buildClientSchema(body.data);
    const argument = schema.getDirective('deprecated').args.find((a) => a.name === 'reason');
    check('case 1: __InputValue has isDeprecated (false here)', argument && argument.deprecationReason == null);
  },
  async 2(url) {
    // effectiveActionCount comes after actionCount in PolicySortInput: applying schema order would sort by actionCount first.
    const query = 'query($o: [PolicySortInput!]) { policies(order: $o) { nodes { name actionCount effectiveActionCount } } }';
    const byEffective = [{ effectiveActionCount: 'DESC', actionCount: 'DESC' }];
    const asVariable = await post(url, query, { o: byEffective });
    const asLiteral = await post(url, '{ policies(order: {effectiveActionCount: DESC, actionCount: DESC}) { nodes { name } } }');
    // The expected orders come from the data itself, so the check follows the sample rather than a copy of it.
    const all = (await post(url, '{ policies(first: 100) { nodes { name actionCount effectiveActionCount } } }')).body.data.policies.nodes;
    const top = (by) => [...all].sort(by).map((n) => n.name).slice(0, 2);
    const expected = top((a, b) => b.effectiveActionCount - a.effectiveActionCount || b.actionCount - a.actionCount);
    const schemaOrder = top((a, b) => b.actionCount - a.actionCount || b.effectiveActionCount - a.effectiveActionCount);
    check('case 2: the sample tells the written order from the schema order', JSON.stringify(expected) !== JSON.stringify(schemaOrder), { expected, schemaOrder });
    check('case 2: keys of one sort object apply in the order written (variables)',
      JSON.stringify(names(asVariable, 'policies').slice(0, 2)) === JSON.stringify(expected), asVariable.text);
    check('case 2: keys of one sort object apply in the order written (literal)',
      JSON.stringify(names(asLiteral, 'policies').slice(0, 2)) === JSON.stringify(expected), asLiteral.text);
    const countThenName = await post(url, '{ policies(order: {actionCount: DESC, name: ASC}) { nodes { name actionCount } } }');
    const counts = countThenName.body.data.policies.nodes.map((n) => n.actionCount);
    check('case 2: {actionCount: DESC, name: ASC} sorts by actionCount first',
      counts.every((c, i) => i === 0 || counts[i - 1] >= c), countThenName.text);
  },
  async 3(url) {
    const schema = await clientSchema(url);
    const document = parse('{ policies(where: { actionCount: { ngt: 5, ngte: 1, nlt: 1, nlte: 100 } }) { totalCount } }');
    check('case 3: ngt, ngte, nlt and nlte validate with graphql-js', validate(schema, document).length === 0);
    const count = async (where) => (await post(url, `{ policies(where: ${where}) { totalCount } }`)).body.data.policies.totalCount;
    const all = await count('{}');
    for (const [op, twin] of [['ngt', 'gt'], ['ngte', 'gte'], ['nlt', 'lt'], ['nlte', 'lte']]) {
      const negated = await count(`{ actionCount: { ${op}: 5 } }`);
      const positive = await count(`{ actionCount: { ${twin}: 5 } }`);
      check(`case 3: ${op} is the complement of ${twin}`, negated + positive === all && negated > 0 && positive > 0, { negated, positive, all });
    }
  },
  async 4(url) {
    const first = await post(url, '{ policies(first: 2) { nodes { id name } } }');
    const ids = first.body.data.policies.nodes.map((n) => n.id);
    const byId = await post(url, 'query($ids: [ID]) { policies(where: { id: { in: $ids } }) { nodes { id } } }', { ids });
    check("case 4: where: { id: { in: [...] } } takes the ids the server gives out",
      JSON.stringify(byId.body.data?.policies.nodes.map((n) => n.id)) === JSON.stringify(ids), byId.text);
    const byService = await post(url, '{ actions(first: 100, order: [{ service: { name: DESC } }, { name: ASC }]) { nodes { name service { name } } } }');
    const services = byService.body.data?.actions.nodes.map((n) => n.service.name) ?? [];
    check('case 4: order: [{ service: { name: DESC } }] sorts by the related service',
      services.length > 1 && services.every((s, i) => i === 0 || services[i - 1] >= s), noErrors(byService));
    const byIdSort = await post(url, '{ services(order: { id: DESC }) { nodes { id } } }');
    check('case 4: order: { id: DESC } is accepted', !byIdSort.body.errors, noErrors(byIdSort));
  },
  async 5(url) {
    for (const kind of ['mutation', 'subscription']) {
      const { body } = await post(url, `${kind} Change { policies { totalCount } }`);
      const error = body.errors?.[0];
      check(`case 5: a ${kind} is told the schema has no ${kind} type, with a location`,
        body.data === undefined && error?.message.includes(`no ${kind} type`) && error.locations?.[0]?.line === 1
        && error.extensions?.code === 'OPERATION_NOT_SUPPORTED', body);
    }
  },
  async 6(url) {
    const response = await fetch(new URL('graphql/service-worker.js', url), { headers: { 'Service-Worker': 'script' } });
    const type = response.headers.get('content-type') ?? '';
    // The IDE registers the worker only when it is served as javascript; the browser tests prove no reload and no console error.
    check('case 6: the IDE service worker is served as javascript', response.ok && type.includes('javascript'), `${response.status} ${type}`);
  },
  async 7(url) {
    const { text, body } = await post(url, "{ policies(where: { nope: { eq: 1 } }) { totalCount } }");
    const error = body.errors?.[0];
    check('case 7: extensions carries code only', error && JSON.stringify(Object.keys(error.extensions ?? {})) === '["code"]', body);
    check('case 7: apostrophes are written as apostrophes', text.includes("'") && !text.includes('\\u0027'), text);
  },
};

try {
  if (command === 'introspection') {
    await introspection(args[0], args[1]);
  } else if (command === 'relay') {
    await relay(args[0]);
  } else if (command === 'case' && cases[args[0]]) {
    await cases[args[0]](args[1]);
  } else {
    console.error('usage: node clients.mjs introspection <url> <sdl> | relay <url> | case <1-7> <url>');
    process.exit(2);
  }
} catch (e) {
  failures.push(command);
  console.log(`FAIL ${command}: ${e.stack ?? e}`);
}
console.log(failures.length === 0 ? 'graphql clients: all ok' : `graphql clients: ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
