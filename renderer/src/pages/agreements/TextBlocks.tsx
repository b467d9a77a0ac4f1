import { ActionIcon, Badge, Button, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { isPlaceholder, PLACEHOLDERS, placeholdersIn } from '../../../../shared/agreementTemplate';
import { useI18n } from '../../i18n';

/** The two lists an agreement and a pasal template share: legal bases and pasal. */
export interface TextBlockValues {
  legalBases?: string[];
  articles?: { heading: string; body: string }[];
}

type Path<V> = Parameters<UseFormReturnType<V>['getInputProps']>[0];

/** The placeholders a text uses: known ones as quiet badges, unknown ones in red with the reason. */
export function PlaceholderMarks({ text }: { text: string }) {
  const { t } = useI18n();
  const found = placeholdersIn(text);
  if (found.length === 0) return null;
  return (
    <Group gap={4}>
      {found.map((p) =>
        isPlaceholder(p) ? (
          <Badge key={p} size="xs" variant="light" tt="none">
            {`{${p}}`}
          </Badge>
        ) : (
          <Badge key={p} size="xs" color="red" tt="none" data-testid="unknown-placeholder">
            {t('templates.unknownPlaceholder', { name: `{${p}}` })}
          </Badge>
        ),
      )}
    </Group>
  );
}

/** What each placeholder prints, shown beside the pasal so nobody has to remember the names. */
export function PlaceholderHelp() {
  const { t } = useI18n();
  return (
    <Text size="xs" c="dimmed">
      {t('templates.placeholdersHelp')}{' '}
      {PLACEHOLDERS.map((p, i) => (
        <span key={p}>
          <code>{`{${p}}`}</code> {t(`placeholder.${p}`)}
          {i < PLACEHOLDERS.length - 1 ? '; ' : '.'}
        </span>
      ))}
    </Text>
  );
}

export function LegalBasesEditor<V extends TextBlockValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useI18n();
  const items = form.getValues().legalBases ?? [];
  return (
    <Stack gap="xs">
      <Title order={4}>{t('agreements.legalBases')}</Title>
      {items.map((text, i) => (
        <Group key={i} align="flex-start" wrap="nowrap">
          <Text size="sm" mt={8} w={24}>
            {i + 1}.
          </Text>
          <Stack gap={2} style={{ flex: 1 }}>
            <TextInput aria-label={`${t('agreements.legalBases')} ${i + 1}`} {...form.getInputProps(`legalBases.${i}` as Path<V>)} />
            <PlaceholderMarks text={text} />
          </Stack>
          <ActionIcon variant="subtle" color="red" mt={6} aria-label={t('agreements.remove')} onClick={() => form.removeListItem('legalBases', i)}>
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" leftSection={<IconPlus size={14} />} w="fit-content" onClick={() => form.insertListItem('legalBases', '' as never)}>
        {t('agreements.addLegalBasis')}
      </Button>
    </Stack>
  );
}

export function ArticlesEditor<V extends TextBlockValues>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useI18n();
  const items = form.getValues().articles ?? [];
  return (
    <Stack gap="md">
      <Title order={4}>{t('agreements.articles')}</Title>
      <PlaceholderHelp />
      {items.map((article, i) => (
        <Stack key={i} gap={4}>
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {t('agreements.articleN', { n: i + 1 })}
            </Text>
            <ActionIcon variant="subtle" color="red" aria-label={t('agreements.remove')} onClick={() => form.removeListItem('articles', i)}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
          <TextInput
            aria-label={t('agreements.articleHeading')}
            placeholder={t('agreements.articleHeading')}
            {...form.getInputProps(`articles.${i}.heading` as Path<V>)}
          />
          <Textarea aria-label={t('agreements.articleBody')} autosize minRows={2} {...form.getInputProps(`articles.${i}.body` as Path<V>)} />
          <PlaceholderMarks text={`${article.heading} ${article.body}`} />
        </Stack>
      ))}
      <Button
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        w="fit-content"
        onClick={() => form.insertListItem('articles', { heading: '', body: '' } as never)}
      >
        {t('agreements.addArticle')}
      </Button>
    </Stack>
  );
}
