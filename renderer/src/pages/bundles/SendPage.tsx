import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Code,
  CopyButton,
  FileInput,
  Group,
  Loader,
  NumberInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileCertificate, IconFolderOpen, IconId, IconLock, IconPackageExport } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ARCHIVERS, type InputOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import { formatBytes, formatDateTime } from '../../../../shared/format';
import { BUNDLE_LIMIT_MB, BundlePlanInput } from '../../../../shared/schemas/bundles';
import type { BundleExportResult, BundleExportRow, BundlePlan } from '../../../../shared/types';
import { useOffice } from '../../app/useOffice';
import { DataTable } from '../../components/DataTable';
import { Field } from '../../components/Field';
import { RequireRole } from '../../components/Forbidden';
import { showError } from '../../components/forms';
import { useDebounced } from '../../components/useDebounced';
import { useI18n } from '../../i18n';
import { call, fileToBase64 } from '../../rpc';
import { TechnicalDetail } from '../../components/TechnicalDetail';
import { measuredFromRefusal, measureKey, overLimitChoice, type Measured } from './overLimit';
import { dayOf, tableLabel, useHostDialogs } from './shared';

type Mode = 'incremental' | 'full';
type OverLimit = 'split' | 'leaveOutFiles';
/** A limit the schema takes (shared/schemas/bundles.ts). */
const isLimitMb = (v: number | string): v is number => BundlePlanInput.shape.limitMb.safeParse(v).success;
const col = createColumnHelper<BundleExportRow>();
/** A part's name may break before ".bagian-" (and nowhere else) when the history is short of room. */
function BreakablePart({ name }: { name: string }) {
  const at = name.indexOf('.bagian-');
  if (at < 0) return <span style={{ whiteSpace: 'nowrap' }}>{name}</span>;
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{name.slice(0, at)}</span>
      <wbr />
      <span style={{ whiteSpace: 'nowrap' }}>{name.slice(at)}</span>
    </>
  );
}
/** A badge whose text may take two lines: the history has many columns and the date must not be cut off. */
const WRAPPING_BADGE = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', lineHeight: 1.35 },
} as const;

/** "Kirim ke Bapas induk": what the next bundle would carry, writing it to a USB stick, the history, and the parent's receipts. */
export function SendPage() {
  return (
    <RequireRole roles={ARCHIVERS}>
      <Send />
    </RequireRole>
  );
}

function Send() {
  const { t, locale } = useI18n();
  const { settings } = useOffice();
  const qc = useQueryClient();
  const dialogs = useHostDialogs();
  const [mode, setMode] = useState<Mode>('incremental');
  const [withFiles, setWithFiles] = useState(true);
  const [limitText, setLimitText] = useState<number | string>(BUNDLE_LIMIT_MB.default);
  const limitValid = isLimitMb(limitText);
  // While the limit is being typed (or is out of range) the plan keeps the last usable one.
  const [limitMb, setLimitMb] = useState<number>(BUNDLE_LIMIT_MB.default);
  const options: InputOf<'bundles.plan'> = { mode, withFiles, limitMb: useDebounced(limitMb, 300) };
  const isPos = settings?.office.kind === 'pos';

  const plan = useQuery({
    queryKey: ['bundles.plan', options],
    queryFn: () => call('bundles.plan', options),
    enabled: isPos,
    placeholderData: keepPreviousData,
    // Anything saved anywhere in the app changes what the bundle would carry.
    staleTime: 0,
  });
  const history = useQuery({ queryKey: ['bundles.exports'], queryFn: () => call('bundles.exports', {}), enabled: isPos, staleTime: 0 });

  const [folder, setFolder] = useState('');
  const [folderError, setFolderError] = useState<string | null>(null);
  const [overLimit, setOverLimit] = useState<OverLimit | null>(null);
  const [overLimitError, setOverLimitError] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);
  // The export's own measurement, when it refused for want of a choice (overLimit.ts).
  const [measured, setMeasured] = useState<Measured | null>(null);
  const key = measureKey(options, plan.data);
  const choice = overLimitChoice(plan.data, withFiles, measured, key);
  const mustChoose = choice !== null;

  const write = useMutation({
    mutationFn: () => call('bundles.export', { ...options, folder, overLimit: mustChoose ? overLimit : null }),
    onMutate: () => setFolderError(null),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['bundles.plan'] });
      void qc.invalidateQueries({ queryKey: ['bundles.exports'] });
      requestAnimationFrame(() => resultRef.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }));
    },
    onError: (e) => {
      // Over the limit once written, though the estimate was not: the choice appears, with the real size.
      const over = measuredFromRefusal(e, key);
      if (over) {
        setMeasured(over);
        setOverLimitError(true);
        return;
      }
      if (e instanceof AppError && e.fields?.folder) setFolderError(t(e.fields.folder, e.params));
      showError(e, t);
    },
  });
  const chooseFolder = useMutation({
    mutationFn: dialogs.chooseFolder,
    onSuccess: (paths) => {
      if (paths[0]) {
        setFolder(paths[0]);
        setFolderError(null);
      }
    },
    onError: (e) => showError(e, t),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const noFolder = !folder.trim();
    const noChoice = mustChoose && !overLimit;
    if (noFolder) setFolderError(t('v.required'));
    if (noChoice) setOverLimitError(true);
    if (!noFolder && !noChoice) write.mutate();
  };

  if (settings && !isPos) {
    return (
      <Stack maw={1200}>
        <Title order={2}>{t('bundles.send.title')}</Title>
        <Alert color="gray">{t('bundles.onlyPos')}</Alert>
      </Stack>
    );
  }

  return (
    <Stack maw={1200} gap="md">
      <div>
        <Title order={2}>{t('bundles.send.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('bundles.send.intro')}
        </Text>
      </div>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Paper withBorder p="md">
            <Title order={4} mb="sm">
              {t('bundles.options')}
            </Title>
            <Stack gap="md">
              <Radio.Group label={t('bundles.mode')} value={mode} onChange={(v) => setMode(v as Mode)}>
                <Stack gap={6} mt={6}>
                  <Radio value="incremental" label={t('bundles.mode.incremental')} />
                  <Radio value="full" label={t('bundles.mode.full')} />
                </Stack>
              </Radio.Group>
              <Checkbox label={t('bundles.withFiles')} checked={withFiles} onChange={(e) => setWithFiles(e.currentTarget.checked)} />
              <NumberInput
                label={t('bundles.limitMb')}
                description={t('bundles.limitHint')}
                value={limitText}
                onChange={(v) => {
                  setLimitText(v);
                  if (isLimitMb(v)) setLimitMb(v);
                }}
                min={BUNDLE_LIMIT_MB.min}
                max={BUNDLE_LIMIT_MB.max}
                allowDecimal={false}
                allowNegative={false}
                error={limitValid ? undefined : t('v.range')}
                maw={360}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="form" onSubmit={submit}>
            <Stack gap="sm">
              {choice && (
                <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('bundles.overLimitTitle')} data-testid="over-limit">
                  <Text size="sm" mb="xs">
                    {t(choice.measured ? 'bundles.overLimitMeasured' : 'bundles.overLimitHint', {
                      size: formatBytes(choice.bytes, locale),
                      limit: formatBytes(choice.limitBytes, locale),
                      // Just over the limit, both sizes round to the same figure: the excess says it.
                      over: formatBytes(choice.bytes - choice.limitBytes, locale),
                    })}
                  </Text>
                  <Radio.Group
                    label={t('bundles.overLimit')}
                    withAsterisk
                    value={overLimit}
                    onChange={(v) => {
                      setOverLimit(v as OverLimit);
                      setOverLimitError(false);
                    }}
                    error={overLimitError ? t('v.choose') : undefined}
                  >
                    <Stack gap={6} mt={6}>
                      <Radio value="split" label={t('bundles.overLimit.split')} />
                      <Radio value="leaveOutFiles" label={t('bundles.overLimit.leaveOutFiles')} />
                    </Stack>
                  </Radio.Group>
                </Alert>
              )}
              <TextInput
                label={t('bundles.folder')}
                description={t('bundles.folderHint')}
                value={folder}
                onChange={(e) => {
                  setFolder(e.currentTarget.value);
                  setFolderError(null);
                }}
                error={folderError}
                data-testid="bundle-folder"
                // The button sits beside the box itself, so a message below stays under the box.
                inputContainer={(input) => (
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <div style={{ flex: 1 }}>{input}</div>
                    {dialogs.supported && (
                      <Button
                        variant="default"
                        leftSection={<IconFolderOpen size={16} />}
                        onClick={() => chooseFolder.mutate()}
                        loading={chooseFolder.isPending}
                      >
                        {t('bundles.chooseFolder')}
                      </Button>
                    )}
                  </Group>
                )}
              />
              <Group gap="sm">
                <Button type="submit" leftSection={<IconPackageExport size={16} />} loading={write.isPending} disabled={!plan.data}>
                  {t('bundles.write')}
                </Button>
                {write.isPending && (
                  <Text size="sm" c="dimmed">
                    {t('bundles.writing')}
                  </Text>
                )}
              </Group>
            </Stack>
          </Paper>
        </Stack>
        <PlanSummary plan={plan.data} loading={plan.isFetching} error={plan.error} withFiles={withFiles} />
      </SimpleGrid>

      {write.data && (
        <div ref={resultRef}>
          <WriteResult result={write.data} />
        </div>
      )}

      <History rows={history.data ?? []} />
      <ReceiptReader />
    </Stack>
  );
}

function PlanSummary({ plan, loading, error, withFiles }: { plan: BundlePlan | undefined; loading: boolean; error: Error | null; withFiles: boolean }) {
  const { t, locale } = useI18n();
  const counted = plan ? Object.entries(plan.counts).filter(([, n]) => n > 0) : [];
  return (
    <Paper withBorder p="md" data-testid="bundle-plan">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('bundles.summary')}</Title>
        {loading && <Loader size="xs" />}
      </Group>
      {error && <Alert color="red">{error instanceof AppError ? t(error.message, error.params) : t('rpc.internal')}</Alert>}
      {plan && (
        <Stack gap="sm">
          <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
            <Field label={t('bundles.seq')}>{String(plan.seq)}</Field>
            <Field label={t('bundles.records')}>{t('bundles.recordsN', { n: plan.records })}</Field>
            <Field label={t('bundles.attachments')}>
              {withFiles
                ? t('bundles.attachmentsN', { n: plan.filesCount, size: formatBytes(plan.filesBytes, locale) })
                : t('bundles.attachmentsOff', { n: plan.filesCount })}
            </Field>
            <Field label={t('bundles.estimated')}>
              <Text span size="sm" c={plan.overLimit ? 'orange.8' : undefined} fw={plan.overLimit ? 600 : undefined}>
                {formatBytes(plan.estimatedBytes, locale)}
              </Text>
            </Field>
          </SimpleGrid>
          <TechnicalDetail>
            {t('bundles.changeRange')}: {`${plan.changeFrom}–${plan.changeTo}`}
          </TechnicalDetail>
          {plan.records === 0 && plan.mode === 'incremental' && (
            <Text size="sm" c="dimmed">
              {t('bundles.nothingToSend')}
            </Text>
          )}
          {counted.length > 0 && (
            <div>
              <Text size="xs" c="dimmed" mb={2}>
                {t('bundles.perTable')}
              </Text>
              <SimpleGrid cols={2} spacing="lg" verticalSpacing={2} data-testid="plan-tables">
                {counted.map(([table, n]) => (
                  <Group key={table} justify="space-between" gap="xs" wrap="nowrap" style={{ borderBottom: '1px dotted var(--mantine-color-gray-3)' }}>
                    <Text size="sm">{tableLabel(t, table)}</Text>
                    <Text size="sm" fw={500}>
                      {n}
                    </Text>
                  </Group>
                ))}
              </SimpleGrid>
            </div>
          )}
          {plan.parent ? (
            <Group gap={6} wrap="nowrap">
              <IconLock size={16} color="var(--mantine-color-teal-7)" />
              <Text size="sm">{t('bundles.encryptedFor', { name: plan.parent.name, code: plan.parent.code })}</Text>
            </Group>
          ) : (
            <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('bundles.noParentTitle')} p="xs" data-testid="no-parent">
              <Text size="sm">{t('bundles.noParent')}</Text>
              <Anchor component={Link} href="/kunci" size="sm">
                {t('bundles.noParentLink')}
              </Anchor>
            </Alert>
          )}
          <Group gap={6} wrap="nowrap">
            <IconId size={16} color="var(--mantine-color-gray-6)" />
            <Text size="sm" c={plan.nikIncluded ? undefined : 'dimmed'}>
              {t(plan.nikIncluded ? 'bundles.nikIncluded' : 'bundles.nikExcluded')}
            </Text>
          </Group>
          {plan.afterRestore && (
            <Alert color="orange" icon={<IconAlertTriangle size={18} />} p="xs" data-testid="plan-after-restore">
              <Text size="sm">
                {plan.afterRestore.lastKnownSeq === 0
                  ? t('bundles.planAfterRestoreBeforeFirst', { seq: plan.seq })
                  : t('bundles.planAfterRestore', { seq: plan.seq, lastKnownSeq: plan.afterRestore.lastKnownSeq })}
              </Text>
            </Alert>
          )}
          <Text size="xs" c="dimmed">
            {plan.lastAcknowledgedSeq === null ? t('bundles.noneAcknowledged') : t('bundles.lastAcknowledged', { seq: plan.lastAcknowledgedSeq })}
          </Text>
        </Stack>
      )}
    </Paper>
  );
}

function WriteResult({ result }: { result: BundleExportResult }) {
  const { t, locale } = useI18n();
  const [manualPath, setManualPath] = useState<string | null>(null);
  const reveal = useMutation({
    mutationFn: () => call('bundles.reveal', { seq: result.seq }),
    onSuccess: (r) => setManualPath(r.revealed ? null : r.path),
    onError: (e) => showError(e, t),
  });
  return (
    <Paper withBorder p="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-4)' }} data-testid="bundle-result">
      <Group gap="xs" mb="sm">
        <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" />
        <Text fw={600}>{t('bundles.written', { seq: result.seq })}</Text>
      </Group>
      <Stack gap="xs">
        <Field label={t('bundles.files')}>
          {result.filenames.map((f) => (
            <Text key={f} span ff="monospace" size="sm" display="block" data-testid="bundle-filename">
              {f}
            </Text>
          ))}
        </Field>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Field label={t('bundles.writtenFolder')}>
            <Text span size="sm" style={{ wordBreak: 'break-all' }}>
              {result.folder}
            </Text>
          </Field>
          <Field label={t('bundles.size')}>{formatBytes(result.size, locale)}</Field>
        </SimpleGrid>
        <TechnicalDetail>
          {t('bundles.sha')}:{' '}
          <Text span ff="monospace" size="xs" style={{ wordBreak: 'break-all' }}>
            {result.sha256}
          </Text>
        </TechnicalDetail>
      </Stack>
      {result.filenames.length > 1 && (
        <Text size="sm" mt="xs">
          {t('bundles.partsHint', { n: result.filenames.length })}
        </Text>
      )}
      {result.filesLeftOut && (
        <Text size="sm" mt="xs" c="orange.8">
          {t('bundles.leftOutNote')}
        </Text>
      )}
      <Group mt="sm">
        <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => reveal.mutate()} loading={reveal.isPending}>
          {t('bundles.reveal')}
        </Button>
      </Group>
      {manualPath && (
        <Stack gap={4} mt="sm">
          <Text size="sm">{t('bundles.revealManual')}</Text>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="reveal-path">
              {manualPath}
            </Code>
            <CopyButton value={manualPath}>
              {({ copied, copy }) => (
                <Button size="xs" variant="subtle" onClick={copy}>
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

function History({ rows }: { rows: readonly BundleExportRow[] }) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  // The change range and the digest are for an administrator tracing a bundle, not for reading.
  const [technical, setTechnical] = useState(false);
  const columns = useMemo(
    () => [
      col.accessor('seq', { header: t('bundles.col.seq'), meta: { minWidth: 64 } }),
      col.accessor('createdAt', {
        header: t('bundles.col.date'),
        cell: (c) => {
          // Date above time keeps the column narrow enough for the file names beside it.
          const date = dayOf(c.getValue(), zone, locale);
          const time = formatDateTime(c.getValue(), zone, locale).slice(date.length + 1);
          return (
            <>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {date}
              </Text>
              <Text size="xs" c="dimmed">
                {time}
              </Text>
            </>
          );
        },
      }),
      col.accessor('mode', { header: t('bundles.col.mode'), enableSorting: false, cell: (c) => t(`bundles.modeShort.${c.getValue()}`) }),
      col.accessor('records', { header: t('bundles.col.records'), enableSorting: false }),
      col.accessor('size', {
        header: t('bundles.col.size'),
        enableSorting: false,
        cell: (c) => (
          <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
            {formatBytes(c.getValue(), locale)}
          </Text>
        ),
      }),
      col.accessor('filenames', {
        header: t('bundles.col.files'),
        enableSorting: false,
        cell: (c) => (
          <Stack gap={0}>
            {c.getValue().map((f) => (
              <Text key={f} size="xs" ff="monospace">
                <BreakablePart name={f} />
              </Text>
            ))}
          </Stack>
        ),
      }),
      col.accessor('acknowledgedAt', {
        header: t('bundles.col.status'),
        enableSorting: false,
        meta: { minWidth: 150 },
        cell: (c) => {
          const at = c.getValue();
          const { state } = c.row.original;
          // A number whose file never reached the stick is shown as such: the parent will see it missing.
          const [color, label] =
            state === 'abandoned'
              ? ['red', t('bundles.exportAbandoned')]
              : state === 'reserved'
                ? ['yellow', t('bundles.exportReserved')]
                : at
                  ? ['teal', t('bundles.acknowledged', { date: dayOf(at, zone, locale) })]
                  : ['gray', t('bundles.notAcknowledged')];
          return (
            <Badge color={color} variant="light" tt="none" radius="sm" styles={WRAPPING_BADGE}>
              {label}
            </Badge>
          );
        },
      }),
      ...(technical
        ? [
            col.display({ id: 'range', header: t('bundles.col.range'), cell: (c) => `${c.row.original.changeFrom}–${c.row.original.changeTo}` }),
            col.accessor('sha256', {
              header: t('bundles.col.sha'),
              enableSorting: false,
              cell: (c) => (
                <Text size="xs" ff="monospace" title={c.getValue()}>
                  {c.getValue().slice(0, 12)}
                </Text>
              ),
            }),
          ]
        : []),
    ],
    [t, locale, zone, technical],
  );
  // Tall enough for every row up to a point (a split bundle lists a file per part), then it scrolls.
  const content = rows.reduce((h, r) => h + Math.max(56, r.filenames.length * (r.filenames.length > 1 ? 34 : 18) + 24), 0);
  const height = `${Math.min(content, 360) + 50}px`;
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('bundles.history')}</Title>
        {rows.length > 0 && <Switch size="xs" label={t('record.technical')} checked={technical} onChange={(e) => setTechnical(e.currentTarget.checked)} />}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('bundles.historyEmpty')}
        </Text>
      ) : (
        <DataTable data={rows} columns={columns} getRowId={(r) => String(r.seq)} height={height} testId="bundle-history" />
      )}
    </Paper>
  );
}

function ReceiptReader() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const read = useMutation({
    mutationFn: async (f: File) => call('bundles.readReceipt', { base64: await fileToBase64(f) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['bundles.exports'] });
      void qc.invalidateQueries({ queryKey: ['bundles.plan'] });
    },
  });
  const error = read.error ? (read.error instanceof AppError ? t(read.error.message, read.error.params) : t('rpc.internal')) : null;
  return (
    <Paper withBorder p="md">
      <Title order={4} mb={4}>
        {t('bundles.receiptTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('bundles.receiptHint')}
      </Text>
      <FileInput
        label={t('bundles.receiptFile')}
        accept=".json,application/json"
        leftSection={<IconFileCertificate size={16} />}
        value={file}
        onChange={(f) => {
          setFile(f);
          read.reset();
          if (f) read.mutate(f);
        }}
        clearable
        w={420}
        data-testid="receipt-file"
      />
      {read.isPending && <Loader size="xs" mt="sm" />}
      {read.data && (
        <Alert color="teal" mt="sm" data-testid="receipt-result">
          {read.data.acknowledged.length > 0 ? t('bundles.receiptRead', { list: read.data.acknowledged.join(', ') }) : t('bundles.receiptNothingNew')}
        </Alert>
      )}
      {error && (
        <Alert color="red" mt="sm" data-testid="receipt-result">
          {error}
        </Alert>
      )}
    </Paper>
  );
}
