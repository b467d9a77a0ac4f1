import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { PARTNER_STATUSES } from '../../../shared/domain';
import { REFERRAL_STATUSES } from '../../../shared/referrals';
import { DocumentPreview, type BookMethod } from '../components/DocumentPreview';
import { categoryOptions, clientStandingOptions, programOptions } from '../components/labels';
import { PkFilter } from '../components/PkFilter';
import { useI18n } from '../i18n';

interface Printing {
  readonly method: BookMethod;
  readonly input: Readonly<Record<string, unknown>>;
}

/** One book: its name, what it holds, its filters, and "Cetak" (preview, then print, PDF, Word or Excel). */
function BookCard({ title, hint, children, onPrint, testId }: { title: string; hint: string; children?: ReactNode; onPrint: () => void; testId: string }) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="xs" h="100%" justify="space-between">
        <div>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </div>
        <Group gap="xs" align="flex-end" wrap="wrap">
          {children}
          <Button leftSection={<IconPrinter size={16} />} onClick={onPrint} ml="auto">
            {t('books.print')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * Buku register: the office's printed books in one place, each with the filters it takes. The
 * daftar lapor diri, daftar hadir and laporan kegiatan are printed from the client's and the
 * activity's pages; the referral register and the overdue list also from their own screens.
 */
export function RegistersPage() {
  const { t } = useI18n();
  const [printing, setPrinting] = useState<Printing | null>(null);
  const [program, setProgram] = useState<string | null>(null);
  const [clientStatus, setClientStatus] = useState<string | null>(null);
  const [clientPk, setClientPk] = useState<string | null>(null);
  const [klaperStatus, setKlaperStatus] = useState<string | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [partnerStatus, setPartnerStatus] = useState<string | null>(null);
  const [referralStatus, setReferralStatus] = useState<string | null>(null);
  const [overduePk, setOverduePk] = useState<string | null>(null);
  const print = (method: BookMethod, input: Record<string, unknown>) => setPrinting({ method, input });

  return (
    <Stack maw={1200}>
      <Title order={2}>{t('nav.books')}</Title>
      <Text c="dimmed" size="sm">
        {t('books.intro')}
      </Text>
      <SimpleGrid cols={2}>
        <BookCard
          title={t('books.clients')}
          hint={t('books.clientsHint')}
          testId="book-clients"
          onPrint={() => print('registers.clients', { program, status: clientStatus, pkUserId: clientPk })}
        >
          <FilterSelect
            label={t('clients.program')}
            placeholder={t('books.allPrograms')}
            data={programOptions(t)}
            value={program}
            onChange={setProgram}
            w={220}
          />
          <FilterSelect label={t('books.status')} data={clientStandingOptions(t)} value={clientStatus} onChange={setClientStatus} w={180} />
          <PkFilter value={clientPk} onChange={setClientPk} w={200} />
        </BookCard>
        <BookCard
          title={t('books.klaper')}
          hint={t('books.klaperHint')}
          testId="book-klaper"
          onPrint={() => print('registers.klaper', { status: klaperStatus })}
        >
          <FilterSelect label={t('books.status')} data={clientStandingOptions(t)} value={klaperStatus} onChange={setKlaperStatus} w={180} />
        </BookCard>
        <BookCard
          title={t('books.partners')}
          hint={t('books.partnersHint')}
          testId="book-partners"
          onPrint={() => print('registers.partners', { category, status: partnerStatus })}
        >
          <FilterSelect label={t('books.category')} data={categoryOptions(t)} value={category} onChange={setCategory} w={240} />
          <FilterSelect
            label={t('books.status')}
            data={PARTNER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={partnerStatus}
            onChange={setPartnerStatus}
            w={160}
          />
        </BookCard>
        <BookCard
          title={t('books.referrals')}
          hint={t('books.referralsHint')}
          testId="book-referrals"
          onPrint={() => print('registers.referrals', { status: referralStatus })}
        >
          <FilterSelect
            label={t('books.status')}
            data={REFERRAL_STATUSES.map((s) => ({ value: s, label: t(`referralStatus.${s}`) }))}
            value={referralStatus}
            onChange={setReferralStatus}
            w={180}
          />
        </BookCard>
        <BookCard
          title={t('books.overdue')}
          hint={t('books.overdueHint')}
          testId="book-overdue"
          onPrint={() => print('registers.overdue', { pkUserId: overduePk })}
        >
          <PkFilter value={overduePk} onChange={setOverduePk} w={220} />
        </BookCard>
        <Paper withBorder p="md" bg="gray.0">
          <Title order={4}>{t('books.perRecord')}</Title>
          <Text size="sm" c="dimmed">
            {t('books.perRecordHint')}
          </Text>
        </Paper>
      </SimpleGrid>
      {printing && <DocumentPreview method={printing.method} input={printing.input} onClose={() => setPrinting(null)} />}
    </Stack>
  );
}

/** A book's filter: cleared to "all"; the label names it for a screen reader and stands in the empty field. */
function FilterSelect(props: {
  label: string;
  placeholder?: string;
  data: { value: string; label: string }[];
  value: string | null;
  onChange: (v: string | null) => void;
  w: number;
}) {
  return (
    <Select
      aria-label={props.label}
      placeholder={props.placeholder ?? props.label}
      clearable
      data={props.data}
      value={props.value}
      onChange={props.onChange}
      w={props.w}
    />
  );
}
