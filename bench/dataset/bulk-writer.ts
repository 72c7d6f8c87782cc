import type { Connection } from 'mysql2/promise';
import { type RowSink, type RowValues, TABLE_COLUMNS, type TableName } from './tables';

/** Rows per INSERT statement; about 1 MB of SQL at most, well under max_allowed_packet. */
const BATCH_ROWS = 2000;

/**
 * Collects rows per table and writes them with multi-row INSERT statements on one connection.
 * Rows reference each other by id, so the caller turns foreign key checks off while loading.
 */
export class BulkWriter implements RowSink {
  private readonly buffers = new Map<TableName, RowValues[]>();
  /** Rows written so far, per table. */
  readonly written = new Map<TableName, number>();

  constructor(
    private readonly connection: Connection,
    private readonly onWritten: (rows: number) => void,
  ) {}

  add(table: TableName, row: RowValues): void {
    const buffer = this.buffers.get(table) ?? [];
    buffer.push(row);
    this.buffers.set(table, buffer);
  }

  /** Writes every table whose buffer holds at least one full batch. */
  async drain(): Promise<void> {
    for (const [table, rows] of this.buffers) {
      if (rows.length >= BATCH_ROWS) {
        await this.write(table);
      }
    }
  }

  /** Writes every buffered row. */
  async finish(): Promise<void> {
    for (const table of this.buffers.keys()) {
      await this.write(table);
    }
  }

  private async write(table: TableName): Promise<void> {
    const rows = this.buffers.get(table) ?? [];
    this.buffers.set(table, []);
    const columns = TABLE_COLUMNS[table].map((column) => `\`${column}\``).join(', ');
    for (let start = 0; start < rows.length; start += BATCH_ROWS) {
      const batch = rows.slice(start, start + BATCH_ROWS);
      await this.connection.query(`INSERT INTO \`${table}\` (${columns}) VALUES ?`, [batch]);
      this.written.set(table, (this.written.get(table) ?? 0) + batch.length);
      this.onWritten(batch.length);
    }
  }
}
