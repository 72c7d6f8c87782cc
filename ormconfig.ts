import 'reflect-metadata';
import { loadDatabaseConfig } from './src/config/config';
import { createDataSource } from './src/database/data-source';

/**
 * Data source for the TypeORM CLI and the migration scripts: SQLite unless DATABASE_URL names a
 * MySQL database, exactly as the server chooses.
 */
const dataSource = createDataSource(loadDatabaseConfig());
export default dataSource;
