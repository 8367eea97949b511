export { CsvSyntaxError, isBlankRecord, neutralizeFormula, readCsv, restoreFormula, writeCsv, type CsvRecord } from './csv.ts';
export { formatProblem, type ImportOutcome, type ImportProblem } from './problems.ts';
export {
  CUSTOM_TERMS_CSV_HEADER, LIST_SEPARATOR, exportCustomTermsCsv, formatCustomTermsCsv, importCustomTermsCsv, parseCustomTermsCsv, type ImportMode,
} from './custom-terms-csv.ts';
export {
  PORTABLE_SETTING_KEYS, SETTINGS_FORMAT, SETTINGS_FORMAT_VERSION, buildSettingsFile, exportSettingsJson, importSettingsJson, parseSettingsJson, type SettingsFile,
} from './settings-json.ts';
