/**
 * `DESIRED_STATE_DATA_DIR=… EMBEDDED_POSTGRES_PORT=… npx tsx scripts/bench/hold-database.ts`
 *
 * Starts (or reuses) the embedded PostgreSQL of a benchmark cluster, prints its owner URL and keeps it running
 * until Ctrl-C, so psql sessions and several bench scripts can share one server.
 */
import { openDatabase } from '@/lib/db/open-database';
import { parseEnv } from '@/lib/env';

const database = await openDatabase(parseEnv(process.env), { reuseRunning: true });
console.log(`owner: ${database.ownerUrl}\napp:   ${database.appUrl}`);
const stop = () => void database.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => undefined, 1 << 30);
