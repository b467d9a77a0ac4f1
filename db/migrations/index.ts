/** Every migration, imported statically: bundlers cannot follow a folder scan. Append only. */
import { m0001 } from './0001_init';
import { m0002 } from './0002_agreements';
import { m0003 } from './0003_agreement_scans';
import { m0004 } from './0004_templates_documents';
import { m0005 } from './0005_clients';
import { m0006 } from './0006_referrals';
import { m0007 } from './0007_checkins';
import { m0008 } from './0008_import_reports';
import { m0009 } from './0009_activities';
import { m0010 } from './0010_office_keys';
import { m0011 } from './0011_bundles';
import { m0012 } from './0012_bundle_safety';
import { m0013 } from './0013_agreement_numbers_on_signing';
import { m0014 } from './0014_reporting_from';
import { m0015 } from './0015_holidays';
import { m0016 } from './0016_partner_kinds_pokmas_sk';
import { m0017 } from './0017_report_targets';
import { m0018 } from './0018_list_indexes';
import { m0019 } from './0019_report_versions';
import { m0020 } from './0020_printed_reports';
import { m0021 } from './0021_office_counts_agenda';
import { m0023 } from './0023_report_indexes';
import { m0027 } from './0027_bundle_restore_note';
import { highestVersion, type Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
  m0020,
  m0021,
  m0023,
  m0027,
];
export const LATEST_VERSION = highestVersion(MIGRATIONS);
