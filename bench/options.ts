import { DATASET_SIZES, type SizeName } from './dataset/dataset';

/** Settings of one benchmark run, from the command line. */
export interface BenchOptions {
  size: SizeName;
  /** Connection counts the read benchmarks and the write mix run at. */
  connections: number[];
  /** Connection counts of the nested query; null for the same as `connections`. */
  nestedConnections: number[] | null;
  /** Length of one load run, in seconds. */
  seconds: number;
  /** How often each server runs each read benchmark; runs alternate between the servers. */
  rounds: number;
  seed: number;
  skipGenerate: boolean;
  skipOverload: boolean;
  databaseUrl: string;
}

export const USAGE = `Usage: npm run bench -- [options]

  --size city|national   data set size (default city)
  --connections 10,100   concurrent connections of the read runs (default 10,100)
  --nested-connections N concurrent connections of the nested query (default: --connections)
  --seconds N            length of each load run in seconds (default 10)
  --rounds N             A/B rounds per read benchmark (default 2, giving A B A B)
  --seed N               seed of the data generator (default 42)
  --skip-generate        reuse the data already in the database
  --skip-overload        leave out the run at 4x the database pool size
  --database URL         MySQL/MariaDB database to fill and read
                         (default mysql://root@127.0.0.1:3306/lelang_bench)`;

function positiveInteger(name: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`${name} must be a positive integer, received ${String(text)}\n\n${USAGE}`);
  }
  return value;
}

/** Parses the command line; throws an Error with the usage text on an invalid option. */
export function parseOptions(argv: string[]): BenchOptions {
  const options: BenchOptions = {
    size: 'city',
    connections: [10, 100],
    nestedConnections: null,
    seconds: 10,
    rounds: 2,
    seed: 42,
    skipGenerate: false,
    skipOverload: false,
    databaseUrl: 'mysql://root@127.0.0.1:3306/lelang_bench',
  };
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index];
    const value = (): string | undefined => argv[++index];
    switch (name) {
      case '--size': {
        const size = value();
        if (!size || !(size in DATASET_SIZES)) {
          throw new Error(`--size must be city or national, received ${String(size)}\n\n${USAGE}`);
        }
        options.size = size as SizeName;
        break;
      }
      case '--connections':
        options.connections = (value() ?? '')
          .split(',')
          .map((entry) => positiveInteger('--connections', entry));
        break;
      case '--nested-connections':
        options.nestedConnections = (value() ?? '')
          .split(',')
          .map((entry) => positiveInteger('--nested-connections', entry));
        break;
      case '--seconds':
        options.seconds = positiveInteger('--seconds', value());
        break;
      case '--rounds':
        options.rounds = positiveInteger('--rounds', value());
        break;
      case '--seed':
        options.seed = positiveInteger('--seed', value());
        break;
      case '--skip-generate':
        options.skipGenerate = true;
        break;
      case '--skip-overload':
        options.skipOverload = true;
        break;
      case '--database':
        options.databaseUrl = value() ?? '';
        break;
      default:
        throw new Error(`Unknown option ${name}\n\n${USAGE}`);
    }
  }
  return options;
}
