import { useQueries, useQuery } from '@tanstack/react-query';
import { activitiesApi } from '../../api/activities.ts';
import { connectorKeys, connectorsApi, type TConnector, type TRecordType } from '../../api/connectors.ts';
import { registerKeys } from '../../api/register-keys.ts';
import { useCurrentOrganisation } from '../../app/organisations.ts';
import type { Option } from '../register/shared/options.ts';

export interface RecordTypeChoice {
  recordType: TRecordType;
  connector: TConnector;
}

const TIMESTAMP_TYPES = new Set(['timestamptz', 'timestamp', 'date']);

/** Every record type of every connector of the organisation (there is no list across connectors). */
export function useRecordTypeChoices(): { choices: RecordTypeChoice[]; options: Option[]; isPending: boolean } {
  const org = useCurrentOrganisation();
  const connectors = useQuery({ queryKey: connectorKeys.all(org.slug), queryFn: () => connectorsApi.list(org.slug) });
  const lists = useQueries({
    queries: (connectors.data ?? []).map((connector) => ({
      queryKey: connectorKeys.recordTypes(org.slug, connector.id),
      queryFn: () => connectorsApi.recordTypes(org.slug, connector.id),
    })),
  });
  const choices = (connectors.data ?? []).flatMap((connector, index) =>
    (lists[index]?.data ?? []).map((recordType) => ({ recordType, connector })),
  );
  return {
    choices,
    options: choices.map(({ recordType, connector }) => ({
      value: recordType.id,
      label: `${recordType.name} (${connector.name})`,
    })),
    isPending: connectors.isPending || lists.some((list) => list.isPending),
  };
}

/** The fields a start event can be: the record type's date and time fields as last checked (all when none are). */
export function timestampFieldsOf(recordType: TRecordType | undefined): string[] {
  const fields = recordType?.lastCheck?.fields ?? [];
  const dated = fields.filter((field) => TIMESTAMP_TYPES.has(field.type)).map((field) => field.name);
  return dated.length > 0 ? dated : fields.map((field) => field.name);
}

export function fieldsOf(recordType: TRecordType | undefined): string[] {
  return (recordType?.lastCheck?.fields ?? []).map((field) => field.name);
}

const ALL = { limit: 500 } as const;

export function useActivityOptions(): Option[] {
  const org = useCurrentOrganisation();
  const activities = useQuery({
    queryKey: registerKeys.activities(org.slug, ALL),
    queryFn: () => activitiesApi.list(org.slug, ALL),
  });
  return (activities.data?.items ?? []).map((activity) => ({ value: activity.id, label: activity.name }));
}
