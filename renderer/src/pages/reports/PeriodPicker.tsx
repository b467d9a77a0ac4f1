import { Group, Select, SegmentedControl } from '@mantine/core';
import { MONTHS } from '../../../../shared/format';
import { PERIOD_KINDS, periodRange, type Period, type PeriodKind } from '../../../../shared/periods';
import { DateField } from '../../components/DateField';
import { useI18n } from '../../i18n';

/** What the picker holds while an officer changes it; `periodOf` turns it into a period once it is complete. */
export interface PeriodDraft {
  readonly kind: PeriodKind;
  readonly year: number;
  readonly month: number;
  readonly quarter: number;
  readonly semester: number;
  readonly from: string | null;
  readonly to: string | null;
}

export function draftFor(today: string): PeriodDraft {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return { kind: 'month', year: y, month: m, quarter: Math.ceil(m / 3), semester: m <= 6 ? 1 : 2, from: null, to: null };
}

export function periodOf(d: PeriodDraft): Period | null {
  switch (d.kind) {
    case 'month':
      return { kind: 'month', year: d.year, month: d.month };
    case 'quarter':
      return { kind: 'quarter', year: d.year, quarter: d.quarter };
    case 'semester':
      return { kind: 'semester', year: d.year, semester: d.semester };
    case 'year':
      return { kind: 'year', year: d.year };
    case 'range':
      return d.from && d.to && /^\d{4}-\d{2}-\d{2}$/.test(d.from) && /^\d{4}-\d{2}-\d{2}$/.test(d.to) ? { kind: 'range', from: d.from, to: d.to } : null;
  }
}

const ROMAN = ['I', 'II', 'III', 'IV'];

export function PeriodPicker({ value, onChange, thisYear }: { value: PeriodDraft; onChange: (d: PeriodDraft) => void; thisYear: number }) {
  const { t, locale } = useI18n();
  const set = (patch: Partial<PeriodDraft>) => onChange({ ...value, ...patch });
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear + 1 - i));
  const num = (v: string | null, fallback: number) => (v === null ? fallback : Number(v));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label={t('reports.periodKind')}
        value={value.kind}
        onChange={(k) => {
          // A range starts as the period shown until then, to be narrowed or widened.
          const shown = periodOf(value);
          const start = k === 'range' && value.from === null && shown ? periodRange(shown) : null;
          set({ kind: k as PeriodKind, ...(start ? { from: start.from, to: start.to } : {}) });
        }}
        data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`reports.kind.${k}`) }))}
        data-testid="report-period-kind"
      />
      {value.kind !== 'range' && (
        <Select
          w={100}
          label={t('reports.year')}
          data={years}
          value={String(value.year)}
          onChange={(v) => set({ year: num(v, value.year) })}
          allowDeselect={false}
        />
      )}
      {value.kind === 'month' && (
        <Select
          w={150}
          label={t('reports.month')}
          data={MONTHS[locale].map((m, i) => ({ value: String(i + 1), label: m }))}
          value={String(value.month)}
          onChange={(v) => set({ month: num(v, value.month) })}
          allowDeselect={false}
          data-testid="report-month"
        />
      )}
      {value.kind === 'quarter' && (
        <Select
          w={130}
          label={t('reports.quarter')}
          data={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `${t('reports.quarter')} ${ROMAN[q - 1]}` }))}
          value={String(value.quarter)}
          onChange={(v) => set({ quarter: num(v, value.quarter) })}
          allowDeselect={false}
        />
      )}
      {value.kind === 'semester' && (
        <Select
          w={140}
          label={t('reports.semester')}
          data={[1, 2].map((s) => ({ value: String(s), label: `Semester ${ROMAN[s - 1]}` }))}
          value={String(value.semester)}
          onChange={(v) => set({ semester: num(v, value.semester) })}
          allowDeselect={false}
        />
      )}
      {value.kind === 'range' && (
        <>
          <DateField w={180} label={t('reports.from')} value={value.from} onChange={(from) => set({ from })} />
          <DateField w={180} label={t('reports.to')} value={value.to} onChange={(to) => set({ to })} />
        </>
      )}
    </Group>
  );
}
