// Prints the SQL IT runs once on the center's PostgreSQL for team sync.
import { centralSchemaSql } from '../src-main/core/sync/centralSchema';

process.stdout.write(`${centralSchemaSql.trim()}\n`);
