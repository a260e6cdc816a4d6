// Command-line options of `npm run bench` (`npm run bench -- --scale 2 --duration 20`).
export interface BenchArgs {
  /** dataset scale: 1 = 1,000 authors, 10,000 articles, 50,000 comments, 100 tags, 30,000 links */
  scale: number;
  connections: number;
  /** seconds per scenario (and per floor run) */
  duration: number;
  /** runs per scenario; the table reports the median run */
  runs: number;
  /** PostgreSQL connections of Strata's pool and of the floor's pool */
  pool: number;
  /** only scenarios whose name contains one of these */
  only: string[];
  /** skip the database floor */
  noFloor: boolean;
  /** another Directus-compatible server instead of Strata */
  target?: string;
  token?: string;
  email?: string;
  password?: string;
  /** a PostgreSQL server for Strata's bench database instead of the embedded one */
  databaseUrl?: string;
  /** keep the target's bench collections (default: deleted at the end) */
  keep: boolean;
}

const HELP = `npm run bench -- [options]
  --scale N          dataset scale (default 1: 1,000 authors, 10,000 articles, 50,000 comments)
  --connections N    concurrent HTTP connections, and floor concurrency (default 10)
  --duration S       seconds per scenario (default 10)
  --runs N           runs per scenario, the median is reported (default 1)
  --pool N           Strata's PostgreSQL pool size, also the floor's (default 10)
  --only a,b         only scenarios whose name contains one of these
  --no-floor         skip the database floor
  --database-url URL PostgreSQL server for the bench database (default: embedded, in .strata/bench-db)
  --target URL       benchmark another Directus-compatible server (its data is never touched)
  --token T | --email E --password P   credentials for --target (an admin)
  --keep             keep the collections created on --target`;

export function parseArgs(argv: string[], env: Record<string, string | undefined>): BenchArgs {
  const a: BenchArgs = {
    scale: 1, connections: 10, duration: 10, runs: 1, pool: 10, only: [], noFloor: false, keep: false,
    databaseUrl: env.DATABASE_URL || undefined,
  };
  const num = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < min) throw new Error(`--${name} needs a number >= ${min}, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case '--scale': a.scale = num('scale', value(), 0.01); break;
      case '--connections': case '-c': a.connections = Math.round(num('connections', value(), 1)); break;
      case '--duration': case '-d': a.duration = num('duration', value(), 1); break;
      case '--runs': a.runs = Math.round(num('runs', value(), 1)); break;
      case '--pool': a.pool = Math.round(num('pool', value(), 1)); break;
      case '--only': a.only = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--no-floor': a.noFloor = true; break;
      case '--keep': a.keep = true; break;
      case '--target': a.target = value().replace(/\/+$/, ''); break;
      case '--token': a.token = value(); break;
      case '--email': a.email = value(); break;
      case '--password': a.password = value(); break;
      case '--database-url': a.databaseUrl = value(); break;
      case '--help': case '-h': process.stdout.write(HELP + '\n'); process.exit(0);
      // falls through (exit never returns)
      default: throw new Error(`unknown option ${argv[i]}\n${HELP}`);
    }
  }
  if (a.target && !a.token && !(a.email && a.password)) throw new Error('--target needs --token or --email and --password (an admin user)');
  return a;
}
