import { Alert, Badge, Button, Card, Checkbox, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconFileSearch, IconFiles, IconFileZip, IconFolderOpen, IconPackageImport } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { seqRanges } from '../../../../shared/bundles';
import { ARCHIVERS, contract } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { BundleInspection, BundleOddity, PostSubmissions } from '../../../../shared/types';
import { useOffice } from '../../app/useOffice';
import { useSession } from '../../app/session';
import { RequireRole } from '../../components/Forbidden';
import { TechnicalDetail } from '../../components/TechnicalDetail';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, saveFile } from '../../rpc';
import { ReplacedList } from './ReplacedList';
import { dayOf, tableLabel, useHostDialogs } from './shared';

const STATUS_COLOR: Record<BundleInspection['status'], string> = { ok: 'blue', received: 'gray', refused: 'red' };

/** "Terima paket" at a Bapas induk: check bundles without writing anything, receive the chosen ones, and follow each post's submissions. */
export function ReceivePage() {
  return (
    <RequireRole roles={ARCHIVERS}>
      <Receive />
    </RequireRole>
  );
}

const pathsOf = (text: string) => [...new Set(text.split('\n').map((l) => l.trim()))].filter((l) => l !== '');

function Receive() {
  const { t } = useI18n();
  const { settings } = useOffice();
  const qc = useQueryClient();
  const dialogs = useHostDialogs();
  const [text, setText] = useState('');
  const [pathsError, setPathsError] = useState<string | null>(null);
  // What was checked: applying takes exactly these paths, whatever the box holds by then.
  const [checked, setChecked] = useState<{ paths: string[]; results: readonly BundleInspection[] } | null>(null);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  // What each bundle just received brought, from its check before Terima: the re-check after it only says "received".
  const [appliedNow, setAppliedNow] = useState<ReadonlyMap<string, BundleInspection['tables']>>(new Map());

  const append = (paths: readonly string[]) => {
    if (paths.length === 0) return;
    setText((v) => [...pathsOf(v), ...paths].join('\n'));
    setPathsError(null);
  };
  const choose = useMutation({
    mutationFn: (which: 'files' | 'folder') => (which === 'files' ? dialogs.chooseFiles() : dialogs.chooseFolder()),
    onSuccess: append,
    onError: (e) => showError(e, t),
  });

  const inspect = useMutation({
    mutationFn: async (paths: string[]) => ({ paths, results: await call('bundles.inspect', { paths }) }),
    onMutate: () => setPathsError(null),
    onSuccess: (r) => {
      setChecked(r);
      setAccepted(new Set(r.results.filter((b) => b.status === 'ok' && b.sha256).map((b) => b.sha256!)));
    },
    onError: (e) => {
      if (e instanceof AppError && e.fields) {
        const key = Object.entries(e.fields).find(([k]) => k.startsWith('paths'))?.[1];
        if (key) setPathsError(t(key, e.params));
      }
      showError(e, t);
    },
  });
  const apply = useMutation({
    mutationFn: () => call('bundles.apply', { paths: checked!.paths, accept: [...accepted] }),
    onSuccess: (r) => {
      const before = new Map(checked!.results.filter((b) => b.sha256).map((b) => [b.sha256!, b.tables]));
      setAppliedNow(new Map(r.applied.map((a) => [a.sha256, before.get(a.sha256) ?? []])));
      notifyOk(t('bundles.applied', { n: r.applied.length }));
      // Partners, clients, counts per office, the tracker: every list may have changed.
      void qc.invalidateQueries();
      inspect.mutate(checked!.paths);
    },
    onError: (e) => showError(e, t),
  });

  const runInspect = () => {
    const paths = pathsOf(text);
    if (paths.length === 0) {
      setPathsError(t('v.required'));
      return;
    }
    // A check asked for later says what it finds now: received before, nothing to change.
    setAppliedNow(new Map());
    inspect.mutate(paths);
  };

  if (settings && settings.office.kind !== 'induk') {
    return (
      <Stack maw={1200}>
        <Title order={2}>{t('bundles.receive.title')}</Title>
        <Alert color="gray">{t('bundles.onlyInduk')}</Alert>
      </Stack>
    );
  }

  const results = checked?.results ?? [];
  const chosen = results.filter((b) => b.status === 'ok' && b.sha256 && accepted.has(b.sha256)).length;

  return (
    <Stack maw={1200} gap="md">
      <div>
        <Title order={2}>{t('bundles.receive.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('bundles.receive.intro')}
        </Text>
      </div>

      <Paper withBorder p="md">
        <Textarea
          label={t('bundles.paths')}
          description={t('bundles.folderHint')}
          autosize
          minRows={3}
          maxRows={8}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setPathsError(null);
          }}
          onKeyDown={(e) => {
            // Enter adds a line; Ctrl+Enter checks, as a form's Enter would.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) runInspect();
          }}
          error={pathsError}
          styles={{ input: { fontFamily: 'monospace' } }}
          data-testid="bundle-paths"
        />
        <Group mt="sm" gap="sm">
          {dialogs.supported && (
            <>
              <Button variant="default" leftSection={<IconFiles size={16} />} onClick={() => choose.mutate('files')}>
                {t('bundles.chooseFiles')}
              </Button>
              <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => choose.mutate('folder')}>
                {t('bundles.chooseFolder')}
              </Button>
            </>
          )}
          <Button leftSection={<IconFileSearch size={16} />} onClick={runInspect} loading={inspect.isPending}>
            {t('bundles.inspect')}
          </Button>
        </Group>
      </Paper>

      {checked && results.length === 0 && <Alert color="gray">{t('bundles.noneFound')}</Alert>}
      {results.map((b, i) => (
        <InspectionCard
          key={`${b.sha256 ?? ''}:${b.files.join('|')}:${i}`}
          bundle={b}
          appliedNow={b.sha256 ? appliedNow.get(b.sha256) : undefined}
          paths={checked!.paths}
          accepted={b.sha256 !== null && accepted.has(b.sha256)}
          onAccept={(on) =>
            setAccepted((s) => {
              const next = new Set(s);
              if (on) next.add(b.sha256!);
              else next.delete(b.sha256!);
              return next;
            })
          }
        />
      ))}
      {results.some((b) => b.status === 'ok') && (
        <Group>
          <Button color="teal" leftSection={<IconPackageImport size={16} />} onClick={() => apply.mutate()} loading={apply.isPending} disabled={chosen === 0}>
            {t('bundles.apply', { n: chosen })}
          </Button>
        </Group>
      )}

      <Tracker />
    </Stack>
  );
}

function oddityText(t: ReturnType<typeof useI18n>['t'], o: BundleOddity): string {
  switch (o.kind) {
    case 'gap':
      return t(o.covered ? 'bundles.oddity.gapCovered' : 'bundles.oddity.gap', { missing: o.missing.join(', ') });
    case 'changedAtParent':
      return t('bundles.oddity.changedAtParent', { count: o.count, table: tableLabel(t, o.table) });
    case 'filesLeftOut':
      return t('bundles.oddity.filesLeftOut');
    case 'olderSchema':
      return t('bundles.oddity.olderSchema', { schemaVersion: o.schemaVersion });
    case 'auditRewound':
      return t('bundles.oddity.auditRewound', { before: o.before, now: o.now });
    case 'restored':
      return [
        o.lastKnownSeq === 0
          ? t('bundles.oddity.restoredBeforeFirst', { lastUsedSeq: o.lastUsedSeq })
          : t('bundles.oddity.restored', { lastKnownSeq: o.lastKnownSeq, lastUsedSeq: o.lastUsedSeq }),
        o.kept.length ? t('bundles.oddity.restoredKept', { seqs: seqRanges(o.kept) }) : '',
        o.notReceived.length ? t('bundles.oddity.restoredNotReceived', { seqs: seqRanges(o.notReceived) }) : '',
      ]
        .filter((x) => x)
        .join(' ');
  }
}

function InspectionCard({
  bundle: b,
  appliedNow,
  paths,
  accepted,
  onAccept,
}: {
  bundle: BundleInspection;
  appliedNow?: BundleInspection['tables'] | undefined;
  paths: readonly string[];
  accepted: boolean;
  onAccept: (on: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const session = useSession();
  const mayUnseal = b.status !== 'refused' && b.sha256 !== null && session.can(contract['bundles.unseal'].access);
  const title =
    b.officeCode !== null && b.seq !== null
      ? t('bundles.inspectionTitle', { officeName: b.officeName ?? b.officeCode, officeCode: b.officeCode, seq: b.seq })
      : t('bundles.unreadable');
  const status =
    b.status === 'received' && appliedNow
      ? receivedSummary(t, appliedNow)
      : b.status === 'received'
        ? t('bundles.status.received', { date: b.receivedAt ? dayOf(b.receivedAt, zone, locale) : '' })
        : t(`bundles.status.${b.status}`);
  return (
    <Card withBorder padding="md" data-testid="bundle-inspection">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{title}</Text>
          {b.createdAt && (
            <Text size="sm" c="dimmed">
              {t('bundles.createdBy', { date: dayOf(b.createdAt, zone, locale), name: b.createdBy ?? '' })}
            </Text>
          )}
          {b.files.length > 0 && (
            <TechnicalDetail>
              {b.files.map((f) => (
                <Text key={f} size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  {f}
                </Text>
              ))}
              {b.sha256 && (
                <Text size="xs" ff="monospace" c="dimmed" style={{ wordBreak: 'break-all' }}>
                  SHA-256 {b.sha256}
                </Text>
              )}
            </TechnicalDetail>
          )}
        </div>
        <Badge color={STATUS_COLOR[b.status]} variant="light" size="lg" tt="none" style={{ flexShrink: 0 }}>
          {status}
        </Badge>
      </Group>
      {b.status === 'refused' && b.error && (
        <Alert color="red" mt="sm" p="xs">
          {t(b.error.key, b.error.params?.table ? { ...b.error.params, table: tableLabel(t, String(b.error.params.table)) } : b.error.params)}
        </Alert>
      )}
      {b.status === 'ok' && (
        <>
          {b.tables.length > 0 && (
            <Table fz="sm" mt="sm" striped withTableBorder verticalSpacing={4} data-testid="bundle-changes" style={{ maxWidth: 680 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('bundles.col.table')}</Table.Th>
                  <Table.Th ta="right">{t('bundles.col.added')}</Table.Th>
                  <Table.Th ta="right">{t('bundles.col.changed')}</Table.Th>
                  <Table.Th ta="right">{t('bundles.col.archived')}</Table.Th>
                  <Table.Th ta="right">{t('bundles.col.unchanged')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {b.tables.map((c) => (
                  <Table.Tr key={c.table}>
                    <Table.Td>{tableLabel(t, c.table)}</Table.Td>
                    <Table.Td ta="right">{c.added}</Table.Td>
                    <Table.Td ta="right">{c.changed}</Table.Td>
                    <Table.Td ta="right">{c.archived}</Table.Td>
                    <Table.Td ta="right" c="dimmed">
                      {c.unchanged}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ReplacedList bundle={b} />
          {b.oddities.map((o, i) => (
            <Alert key={i} color="yellow" mt="sm" p="xs" icon={<IconAlertTriangle size={16} />}>
              {oddityText(t, o)}
            </Alert>
          ))}
          <Checkbox mt="sm" label={t('bundles.accept')} checked={accepted} onChange={(e) => onAccept(e.currentTarget.checked)} />
        </>
      )}
      {mayUnseal && <SaveZip paths={paths} sha256={b.sha256!} />}
    </Card>
  );
}

/** For an administrator: the bundle decrypted to a plain .zip in a folder (docs/paket-kiriman.md). */
function SaveZip({ paths, sha256 }: { paths: readonly string[]; sha256: string }) {
  const { t } = useI18n();
  const dialogs = useHostDialogs();
  const [open, setOpen] = useState(false);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => call('bundles.unseal', { paths: [...paths], sha256, folder }),
    onMutate: () => setError(null),
    onSuccess: (r) => {
      notifyOk(t('bundles.saveZipDone', { path: r.path }));
      setOpen(false);
    },
    onError: (e) => {
      const key = e instanceof AppError ? e.fields?.folder : undefined;
      if (key) setError(t(key, e instanceof AppError ? e.params : undefined));
      else showError(e, t);
    },
  });
  if (!open)
    return (
      <Group mt="sm">
        <Button size="xs" variant="subtle" leftSection={<IconFileZip size={14} />} onClick={() => setOpen(true)}>
          {t('bundles.saveZip')}
        </Button>
      </Group>
    );
  return (
    <Paper withBorder p="sm" mt="sm" maw={680}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('bundles.saveZipHint')}
      </Text>
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('bundles.saveZipFolder')}
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && folder.trim() && save.mutate()}
          error={error}
          styles={{ input: { fontFamily: 'monospace' } }}
        />
        {dialogs.supported && (
          <Button variant="default" onClick={() => void dialogs.chooseFolder().then((p) => p[0] && setFolder(p[0]))}>
            {t('bundles.chooseFolder')}
          </Button>
        )}
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!folder.trim()}>
          {t('common.save')}
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Paper>
  );
}

function Tracker() {
  const { t, locale } = useI18n();
  const { zone } = useOffice();
  const session = useSession();
  const received = useQuery({ queryKey: ['bundles.received'], queryFn: () => call('bundles.received', {}) });
  const receipt = useMutation({
    mutationFn: (officeCode: string) => call('bundles.receipt', { officeCode }),
    onSuccess: (file) => {
      saveFile(file);
      notifyOk(t('bundles.receiptSaved', { file: file.filename }));
    },
    onError: (e) => showError(e, t),
  });
  const mayReceipt = session.can(contract['bundles.receipt'].access);
  const rows: readonly PostSubmissions[] = received.data ?? [];
  const day = (iso: string | null) => (iso ? dayOf(iso, zone, locale) : t('common.none'));
  const period = (dates: readonly string[]) => {
    const sorted = [...dates].sort();
    const [first, last] = [day(sorted[0]!), day(sorted[sorted.length - 1]!)];
    return first === last ? first : `${first} – ${last}`;
  };
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="sm">
        {t('bundles.tracker')}
      </Title>
      {received.data && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('bundles.trackerEmpty')}
        </Text>
      ) : (
        <Table fz="sm" striped highlightOnHover data-testid="bundle-tracker">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('bundles.col.code')}</Table.Th>
              <Table.Th>{t('bundles.col.name')}</Table.Th>
              <Table.Th>{t('bundles.col.received')}</Table.Th>
              <Table.Th>{t('bundles.col.missing')}</Table.Th>
              <Table.Th>{t('bundles.col.lastCreated')}</Table.Th>
              <Table.Th>{t('bundles.col.lastReceived')}</Table.Th>
              <Table.Th>{t('bundles.col.auditHead')}</Table.Th>
              {mayReceipt && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.officeCode} data-testid={`tracker-${p.officeCode}`}>
                <Table.Td ff="monospace">{p.officeCode}</Table.Td>
                <Table.Td>{p.officeName}</Table.Td>
                <Table.Td>
                  <span data-testid="tracker-received">{p.received.length ? p.received.map((r) => r.seq).join(', ') : t('common.none')}</span>
                  {p.received.length > 0 && (
                    // The period the received bundles were made in.
                    <Text size="xs" c="dimmed">
                      {period(p.received.map((r) => r.createdAt))}
                    </Text>
                  )}
                  {p.received
                    .filter((r) => r.afterRestore)
                    .map((r) => (
                      <Text key={r.seq} size="xs" c="orange.8" data-testid="tracker-restored">
                        {t('bundles.trackerRestored', { seq: r.seq })}
                      </Text>
                    ))}
                </Table.Td>
                <Table.Td>
                  {p.missing.length === 0 ? (
                    p.received.length > 0 ? (
                      <Badge color="teal" variant="light" tt="none">
                        {t('bundles.complete')}
                      </Badge>
                    ) : (
                      t('common.none')
                    )
                  ) : (
                    <Group gap={4}>
                      {p.missing.map((s) => (
                        <Badge key={s} color="red" variant="light" title={t('bundles.seqMissing', { seq: s })}>
                          {s}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(p.lastCreatedAt)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{day(p.lastReceivedAt)}</Table.Td>
                <Table.Td data-testid="tracker-audit">
                  {p.auditHead ? (
                    <>
                      {t('bundles.auditEntries', { count: p.auditHead.seq })}
                      <Text size="xs" c="dimmed">
                        {t('bundles.auditSignedOn', { date: day(p.auditHead.at) })}
                      </Text>
                    </>
                  ) : (
                    t('common.none')
                  )}
                </Table.Td>
                {mayReceipt && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconDownload size={14} />}
                      disabled={p.received.length === 0}
                      loading={receipt.isPending && receipt.variables === p.officeCode}
                      onClick={() => receipt.mutate(p.officeCode)}
                    >
                      {t('bundles.receipt')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

/** "Diterima: 3 data baru, 1 data diubah": what a bundle received a moment ago brought in. */
function receivedSummary(t: ReturnType<typeof useI18n>['t'], tables: BundleInspection['tables']): string {
  const sum = (k: 'added' | 'changed' | 'archived') => tables.reduce((n, c) => n + c[k], 0);
  const parts = (['added', 'changed', 'archived'] as const).filter((k) => sum(k) > 0).map((k) => t(`bundles.summary.${k}`, { n: sum(k) }));
  return parts.length ? t('bundles.receivedNow', { summary: parts.join(', ') }) : t('bundles.receivedNothingNew');
}
