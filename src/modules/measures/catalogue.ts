/**
 * The catalogue of technical and organisational measures a small business starts its register from: the measures
 * the seeds describe (2FA on every package, encrypted backups on another platform, firewalls, phishing
 * simulations, monitoring, no credentials by e-mail, ISO 27001 suppliers) and common SME practice, each mapped to
 * the ISO/IEC 27001:2022 Annex A controls it implements. Pure data: the web client and the CLI read it too.
 */
import type { TFindingKind } from './contract.ts';

export interface CatalogueMeasure {
  key: string;
  /** ISO/IEC 27001:2022 Annex A control ids. */
  controls: readonly string[];
  /** The inventory findings an in-place (or justified not-applicable) measure of this kind settles, see rules.ts. */
  covers: readonly TFindingKind[];
  title: { nl: string; en: string };
  description: { nl: string; en: string };
}

export const MEASURE_CATALOGUE: readonly CatalogueMeasure[] = [
  {
    key: 'mfa',
    controls: ['A.5.17', 'A.8.5'],
    covers: ['system_without_mfa', 'vendor_without_mfa'],
    title: { nl: 'Tweestapsverificatie', en: 'Two-factor authentication' },
    description: {
      nl: 'Inloggen op elk systeem vraagt naast het wachtwoord een tweede stap (app, sleutel of sms).',
      en: 'Signing in to every system asks for a second step besides the password (app, key or text message).',
    },
  },
  {
    key: 'encrypted_backups',
    controls: ['A.8.13', 'A.8.24'],
    covers: ['backup_unencrypted'],
    title: { nl: 'Versleutelde back-ups', en: 'Encrypted backups' },
    description: {
      nl: 'Back-ups worden versleuteld opgeslagen; de sleutel staat niet bij de back-up.',
      en: 'Backups are stored encrypted; the key is not kept with the backup.',
    },
  },
  {
    key: 'offsite_backups',
    controls: ['A.8.13', 'A.5.30'],
    covers: ['backup_same_platform'],
    title: { nl: 'Back-up op een ander platform', en: 'Backup on another platform' },
    description: {
      nl: 'Een kopie van de gegevens staat bij een andere leverancier of op een andere locatie dan het origineel.',
      en: 'A copy of the data is kept with another supplier or in another place than the original.',
    },
  },
  {
    key: 'restore_tests',
    controls: ['A.8.13', 'A.5.30'],
    covers: [],
    title: { nl: 'Hersteltest van back-ups', en: 'Backup restore tests' },
    description: {
      nl: 'Minstens eens per jaar wordt een back-up proefondervindelijk teruggezet.',
      en: 'At least once a year a backup is restored as a test.',
    },
  },
  {
    key: 'firewall',
    controls: ['A.8.20', 'A.8.22'],
    covers: [],
    title: { nl: 'Firewall', en: 'Firewall' },
    description: {
      nl: 'Het netwerk is afgeschermd met een beheerde firewall; alleen nodige verbindingen staan open.',
      en: 'The network is shielded by a managed firewall; only the connections needed are open.',
    },
  },
  {
    key: 'endpoint_protection',
    controls: ['A.8.1', 'A.8.7'],
    covers: [],
    title: { nl: 'Beveiliging van werkplekken', en: 'Endpoint protection' },
    description: {
      nl: 'Laptops en werkplekken hebben actuele antimalware en versleutelde schijven.',
      en: 'Laptops and workstations run current anti-malware and have encrypted disks.',
    },
  },
  {
    key: 'patching',
    controls: ['A.8.8', 'A.8.19'],
    covers: [],
    title: { nl: 'Updates en patches', en: 'Updates and patches' },
    description: {
      nl: 'Besturingssystemen en programma’s krijgen beveiligingsupdates binnen vaste termijnen.',
      en: 'Operating systems and software receive security updates within set periods.',
    },
  },
  {
    key: 'phishing_simulation',
    controls: ['A.6.3'],
    covers: [],
    title: { nl: 'Phishingsimulaties', en: 'Phishing simulations' },
    description: {
      nl: 'Medewerkers krijgen geregeld nagebootste phishingmails en uitleg achteraf.',
      en: 'Staff regularly receive simulated phishing e-mails followed by an explanation.',
    },
  },
  {
    key: 'awareness_training',
    controls: ['A.6.3'],
    covers: [],
    title: { nl: 'Bewustwordingstraining', en: 'Awareness training' },
    description: {
      nl: 'Nieuwe en bestaande medewerkers leren hoe zij met persoonsgegevens en beveiliging omgaan.',
      en: 'New and current staff learn how to handle personal data and security.',
    },
  },
  {
    key: 'monitoring',
    controls: ['A.8.15', 'A.8.16'],
    covers: [],
    title: { nl: 'Monitoring op afwijkingen', en: 'Monitoring for anomalies' },
    description: {
      nl: 'Systemen worden bewaakt op afwijkend gedrag; meldingen worden opgevolgd.',
      en: 'Systems are watched for unusual behaviour; alerts are followed up.',
    },
  },
  {
    key: 'no_credentials_by_email',
    controls: ['A.5.14', 'A.5.17'],
    covers: [],
    title: { nl: 'Geen inloggegevens per e-mail', en: 'No credentials by e-mail' },
    description: {
      nl: 'Gebruikersnamen en wachtwoorden worden nooit samen via e-mail of een ander platform verstuurd.',
      en: 'User names and passwords are never sent together by e-mail or another platform.',
    },
  },
  {
    key: 'password_manager',
    controls: ['A.5.17'],
    covers: [],
    title: { nl: 'Wachtwoordbeheerder', en: 'Password manager' },
    description: {
      nl: 'Beheerwachtwoorden staan in een wachtwoordbeheerder; persoonlijke wachtwoorden worden niet bewaard.',
      en: 'Administrative passwords are kept in a password manager; personal passwords are not stored.',
    },
  },
  {
    key: 'access_control',
    controls: ['A.5.15', 'A.5.18', 'A.8.2'],
    covers: [],
    title: { nl: 'Toegang op basis van functie', en: 'Role-based access' },
    description: {
      nl: 'Medewerkers zien alleen de gegevens die zij voor hun werk nodig hebben; rechten worden jaarlijks nagelopen.',
      en: 'Staff see only the data their work needs; rights are reviewed every year.',
    },
  },
  {
    key: 'offboarding',
    controls: ['A.5.11', 'A.5.18', 'A.6.5'],
    covers: [],
    title: { nl: 'Uitdienstprocedure', en: 'Leaver procedure' },
    description: {
      nl: 'Bij vertrek worden accounts geblokkeerd, apparatuur ingeleverd en gegevens in het CRM opgeschoond.',
      en: 'When someone leaves, accounts are blocked, equipment is returned and CRM data is cleaned up.',
    },
  },
  {
    key: 'encryption_at_rest',
    controls: ['A.8.24'],
    covers: [],
    title: { nl: 'Versleuteling van opgeslagen gegevens', en: 'Encryption at rest' },
    description: {
      nl: 'Gegevens worden versleuteld opgeslagen bij de leverancier of op eigen apparatuur.',
      en: 'Data is stored encrypted, with the supplier or on own equipment.',
    },
  },
  {
    key: 'encryption_in_transit',
    controls: ['A.8.20', 'A.8.24'],
    covers: [],
    title: { nl: 'Versleutelde verbindingen', en: 'Encryption in transit' },
    description: {
      nl: 'Websites, e-mail en beheerverbindingen gebruiken TLS of een VPN.',
      en: 'Websites, e-mail and administrative connections use TLS or a VPN.',
    },
  },
  {
    key: 'supplier_security',
    controls: ['A.5.19', 'A.5.20', 'A.5.22'],
    covers: ['vendor_certification_expired'],
    title: { nl: 'Leveranciers met bewezen beveiliging', en: 'Suppliers with proven security' },
    description: {
      nl: 'Alleen leveranciers met een geldige certificering (zoals ISO 27001) of een beoordeling van hun beveiliging.',
      en: 'Only suppliers with a valid certification (such as ISO 27001) or an assessment of their security.',
    },
  },
  {
    key: 'incident_procedure',
    controls: ['A.5.24', 'A.5.26'],
    covers: [],
    title: { nl: 'Draaiboek voor datalekken', en: 'Breach playbook' },
    description: {
      nl: 'Een vastgelegde werkwijze voor incidenten, met melding aan de Autoriteit Persoonsgegevens binnen 72 uur.',
      en: 'A written procedure for incidents, with notification of the authority within 72 hours.',
    },
  },
];

export const CATALOGUE_KEYS = MEASURE_CATALOGUE.map((measure) => measure.key);

export function catalogueMeasure(key: string | null): CatalogueMeasure | undefined {
  return key === null ? undefined : MEASURE_CATALOGUE.find((measure) => measure.key === key);
}
