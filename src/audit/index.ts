export { JST_OFFSET_MINUTES, formatLocalTime, isoWeekOf, localDate, localDayRange, startOfLocalDay, type IsoWeek } from './time.ts';
export { buildAuditEvent, recordAuditEvent, summarizeFindings, type AuditInput } from './event.ts';
export { filterAuditEvents, matchesAuditFilter, queryAuditEvents, type AuditFilter } from './filter.ts';
export { AUDIT_CSV_COLUMNS, AUDIT_CSV_HEADER_JA, MULTI_VALUE_SEPARATOR, exportAuditCsv, formatAuditCsv, type AuditCsvColumn, type AuditCsvOptions } from './csv.ts';
export { weeklyFindings, type WeeklyFindings } from './weekly.ts';
export { applyRetention } from './retention.ts';
export { DECISION_LABEL_JA, SEVERITY_LABEL_JA } from './labels.ts';
