import { Alert, Badge, Button, FileInput, Group, Image, Loader, Menu, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconFileTypePdf, IconPrinter, IconUpload } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { formatDate } from '../../../../shared/format';
import { DocumentPreview } from '../../components/DocumentPreview';
import { Field } from '../../components/Field';
import { notifyOk, showError } from '../../components/forms';
import { useI18n } from '../../i18n';
import { call, fileToBase64, saveFile } from '../../rpc';
import { OwnerNotice, useRecordAccess } from '../../components/ownership';

/** The longer side of the display copy made of a photo before upload; the original is kept as is. */
const DISPLAY_PX = 1600;

/** Scales a photo down for display on an old PC's screen: a JPEG of at most DISPLAY_PX, or null if it cannot be decoded here. */
async function displayCopy(file: File): Promise<string | null> {
  if (!/^image\/(jpeg|png)$/.test(file.type)) return null;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, DISPLAY_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', 0.85));
    return blob ? await fileToBase64(new File([blob], 'display.jpg')) : null;
  } catch {
    return null;
  }
}

export function ActivityDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [file, setFile] = useState<File | null>(null);
  const [printing, setPrinting] = useState<'registers.attendance' | 'registers.activityReport' | null>(null);
  const q = useQuery({ queryKey: ['activities.get', id], queryFn: () => call('activities.get', { id }) });
  const upload = useMutation({
    mutationFn: async (f: File) =>
      call('activities.addFile', { activityId: id, filename: f.name, base64: await fileToBase64(f), thumbBase64: await displayCopy(f) }),
    onSuccess: (a) => {
      qc.setQueryData(['activities.get', id], a);
      void qc.invalidateQueries({ queryKey: ['activities.list'] });
      setFile(null);
      notifyOk(t('common.saved'));
    },
    onError: (e) => showError(e, t),
  });
  const download = useMutation({
    mutationFn: (fileId: string) => call('activities.file', { id: fileId, variant: 'original' }),
    onSuccess: saveFile,
    onError: (e) => showError(e, t),
  });
  const access = useRecordAccess(q.data);
  if (!q.data) return q.isError ? <Alert color="red">{t('activities.notFound')}</Alert> : <Loader />;
  const a = q.data;

  return (
    <Stack maw={1100}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2}>{a.title}</Title>
            <Badge variant="light" tt="none">
              {t(`activityType.${a.type}`)}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {[formatDate(a.date, locale), a.place, a.partnerNames.join(', ') || t('activities.office')].filter(Boolean).join(' · ')}
          </Text>
        </div>
        <Group>
          <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => navigate('/kegiatan')}>
            {t('common.back')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button variant="default" leftSection={<IconPrinter size={16} />} data-testid="activity-print">
                {t('books.print')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setPrinting('registers.attendance')}>{t('books.attendance')}</Menu.Item>
              <Menu.Item onClick={() => setPrinting('registers.activityReport')}>{t('books.activityReport')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
          {access.may('activities.update') && (
            <Button leftSection={<IconEdit size={16} />} onClick={() => navigate(`/kegiatan/${a.id}/ubah`)}>
              {t('common.edit')}
            </Button>
          )}
        </Group>
      </Group>
      <OwnerNotice record={a} />
      {printing && <DocumentPreview method={printing} id={a.id} onClose={() => setPrinting(null)} />}
      <Paper withBorder p="md">
        <SimpleGrid cols={3} spacing="sm">
          <Field label={t('partners.bidang')}>{a.bidang ? t(`bidang.${a.bidang}`) : ''}</Field>
          <Field label={t('activities.officers')}>{a.officerNames.join(', ')}</Field>
          <Field label={t('activities.attendance')}>{t('activities.attendanceCount', { attended: a.attended, total: a.participants })}</Field>
        </SimpleGrid>
        {a.description && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {a.description}
          </Text>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('activities.participants')}
        </Title>
        <Table fz="sm">
          <Table.Tbody>
            {a.participantList.map((p) => (
              <Table.Tr key={p.clientId}>
                <Table.Td>
                  <Link href={`/klien/${p.clientId}`}>{`${p.name} (${p.registerNumber})`}</Link>
                </Table.Td>
                <Table.Td>
                  <Badge color={p.attended ? 'teal' : 'gray'} variant="light">
                    {t(p.attended ? 'activities.attended' : 'activities.absent')}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed">{p.note}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {t('activities.files')}
        </Title>
        <SimpleGrid cols={4} spacing="sm" data-testid="activity-files">
          {a.fileList.map((f) => (
            <UnstyledButton key={f.id} onClick={() => download.mutate(f.id)} title={t('activities.downloadOriginal')}>
              {f.hasDisplay ? <Thumb fileId={f.id} alt={f.filename} /> : <IconFileTypePdf size={64} />}
              <Text size="xs" truncate>
                {f.filename}
              </Text>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        {access.may('activities.addFile') && (
          <Group align="flex-end" mt="sm">
            <FileInput label={t('activities.addFile')} accept="image/jpeg,image/png,application/pdf" value={file} onChange={setFile} w={360} clearable />
            <Button leftSection={<IconUpload size={16} />} disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
              {t('activities.upload')}
            </Button>
          </Group>
        )}
      </Paper>
    </Stack>
  );
}

function Thumb({ fileId, alt }: { fileId: string; alt: string }) {
  const img = useQuery({ queryKey: ['activities.file', fileId, 'display'], queryFn: () => call('activities.file', { id: fileId }), staleTime: Infinity });
  return img.data ? <Image src={`data:${img.data.mime};base64,${img.data.base64}`} alt={alt} h={120} fit="cover" radius="sm" /> : <Loader size="sm" />;
}
