/**
 * Importing the files departments keep (企业名录, 年度指标, 事项; CSV in UTF-8 or GBK, or XLSX) into
 * the registry. A file is read into a table, every row is checked, and then either nothing is
 * written (any row refused: the report lists row, column and reason as the officer sees them) or
 * every row is written in one transaction, counted as inserted, updated or unchanged. Every
 * upload is recorded in {@code import_run} with its report.
 */
package innopoints.app.registry.imports;
