// The second process of bench/server.bench.ts: autocannon reading `GET /api/jobs/:id` (cycling
// through the given ids) at a fixed overall rate, so the latency is measured as clients see it
// and not as a side effect of saturating the server. Prints one JSON line with every latency.
// Usage: node bench/read-load.mjs '{"url":"http://127.0.0.1:3000","ids":[...],"seconds":8,"rate":1000,"connections":10}'
import autocannon from 'autocannon';

const { url, ids, seconds, rate, connections } = JSON.parse(process.argv[2]);
let next = 0;
const latencies = [];
const statuses = {};
const instance = autocannon({
  url,
  connections,
  duration: seconds,
  overallRate: rate,
  requests: [
    {
      method: 'GET',
      setupRequest: (request) => ({ ...request, path: `/api/jobs/${ids[next++ % ids.length]}` }),
    },
  ],
});
// autocannon's own histogram has 1 ms resolution; the per-response durations (hrtime, ms) keep
// the fractions.
instance.on('response', (_client, statusCode, _bytes, ms) => {
  latencies.push(ms);
  statuses[statusCode] = (statusCode in statuses ? statuses[statusCode] : 0) + 1;
});
const result = await instance;
process.stdout.write(
  `${JSON.stringify({
    latencies,
    statuses,
    requests: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  })}\n`,
);
