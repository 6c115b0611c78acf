import { Button, Stack, Tabs } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan } from '../../../app/organisations.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { DataCategoriesList } from './DataCategoriesList.tsx';
import { DataCategoryModal } from './DataCategoryModal.tsx';
import { SubjectCategoriesList } from './SubjectCategoriesList.tsx';
import { SubjectCategoryModal } from './SubjectCategoryModal.tsx';

type Tab = 'data' | 'subjects';

/** The taxonomy: categories of personal data (with their legal flags) and categories of data subjects. */
export default function CategoriesPage() {
  const { t } = useTranslation();
  const canEdit = useCan('editor');
  const [params, setParams] = useSearchParams();
  const tab: Tab = params.get('tab') === 'subjects' ? 'subjects' : 'data';
  const [isAdding, setIsAdding] = useState(false);

  return (
    <>
      <PageHeader
        title={t('register.categories.title')}
        description={t('register.categories.description')}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setIsAdding(true)}>
              {t(tab === 'data' ? 'register.categories.addData' : 'register.categories.addSubject')}
            </Button>
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(next) => setParams(next === 'subjects' ? { tab: 'subjects' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="data">{t('register.categories.dataTab')}</Tabs.Tab>
          <Tabs.Tab value="subjects">{t('register.categories.subjectsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="data">
          <Stack>
            <DataCategoriesList canEdit={canEdit} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="subjects">
          <SubjectCategoriesList canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
      {tab === 'data' ? (
        <DataCategoryModal opened={isAdding} onClose={() => setIsAdding(false)} />
      ) : (
        <SubjectCategoryModal opened={isAdding} onClose={() => setIsAdding(false)} />
      )}
    </>
  );
}
