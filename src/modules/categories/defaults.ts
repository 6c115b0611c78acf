/**
 * The categories every organisation starts with, in Dutch and English. Keys are stable: templates and imports refer
 * to them. Flags follow the GDPR (Art. 9 special, Art. 10 criminal) and Art. 87 / UAVG art. 46 (national id).
 */
export interface DefaultDataCategory {
  key: string;
  nl: string;
  en: string;
  flags?: Partial<
    Record<
      'isSpecial' | 'isCriminal' | 'isNationalId' | 'isFinancial' | 'isCredentials' | 'isCommunicationContent',
      true
    >
  >;
}

export const DEFAULT_DATA_CATEGORIES: DefaultDataCategory[] = [
  {
    key: 'contact-details',
    nl: 'Contactgegevens (naam, e-mail, telefoon, adres)',
    en: 'Contact details (name, e-mail, phone, address)',
  },
  {
    key: 'identification',
    nl: 'Identificatiegegevens (geboortedatum, geslacht)',
    en: 'Identification data (date of birth, gender)',
  },
  { key: 'bsn', nl: 'Burgerservicenummer (BSN)', en: 'Citizen service number (BSN)', flags: { isNationalId: true } },
  { key: 'id-document', nl: 'Kopie identiteitsbewijs', en: 'Copy of identity document', flags: { isNationalId: true } },
  {
    key: 'financial',
    nl: 'Financiële gegevens (bankrekening, facturen, betalingen)',
    en: 'Financial data (bank account, invoices, payments)',
    flags: { isFinancial: true },
  },
  { key: 'contract', nl: 'Contract- en ordergegevens', en: 'Contract and order data' },
  {
    key: 'employment',
    nl: 'Personeelsgegevens (functie, salaris, beoordelingen)',
    en: 'Employment data (position, salary, reviews)',
    flags: { isFinancial: true },
  },
  { key: 'application', nl: 'Sollicitatiegegevens (cv, motivatie)', en: 'Application data (CV, cover letter)' },
  {
    key: 'communication',
    nl: 'Inhoud van communicatie (e-mail, tickets, berichten)',
    en: 'Communication content (e-mail, tickets, messages)',
    flags: { isCommunicationContent: true },
  },
  {
    key: 'credentials',
    nl: 'Inloggegevens en wachtwoorden',
    en: 'Credentials and passwords',
    flags: { isCredentials: true },
  },
  {
    key: 'technical',
    nl: 'Technische gegevens (IP-adres, apparaat, logbestanden)',
    en: 'Technical data (IP address, device, log files)',
  },
  { key: 'website-usage', nl: 'Websitegebruik en cookies', en: 'Website usage and cookies' },
  { key: 'marketing', nl: 'Marketingvoorkeuren (nieuwsbrief)', en: 'Marketing preferences (newsletter)' },
  { key: 'images', nl: "Foto's en camerabeelden", en: 'Photos and camera images' },
  {
    key: 'health',
    nl: 'Gezondheidsgegevens (ziekteverzuim)',
    en: 'Health data (sick leave)',
    flags: { isSpecial: true },
  },
  {
    key: 'criminal',
    nl: 'Strafrechtelijke gegevens (VOG)',
    en: 'Criminal records (certificate of conduct)',
    flags: { isCriminal: true },
  },
];

export interface DefaultSubjectCategory {
  key: string;
  nl: string;
  en: string;
  isVulnerable?: true;
}

export const DEFAULT_SUBJECT_CATEGORIES: DefaultSubjectCategory[] = [
  { key: 'client-contacts', nl: 'Contactpersonen van klanten', en: 'Client contact persons' },
  { key: 'client-staff', nl: 'Medewerkers van klanten', en: 'Staff of clients' },
  { key: 'customers', nl: 'Klanten (particulieren)', en: 'Customers (consumers)' },
  { key: 'prospects', nl: 'Prospects en leads', en: 'Prospects and leads' },
  { key: 'supplier-contacts', nl: 'Contactpersonen van leveranciers', en: 'Supplier contact persons' },
  { key: 'staff', nl: 'Eigen medewerkers', en: 'Own staff' },
  { key: 'applicants', nl: 'Sollicitanten', en: 'Applicants' },
  { key: 'website-visitors', nl: 'Websitebezoekers', en: 'Website visitors' },
  { key: 'newsletter-subscribers', nl: 'Nieuwsbriefabonnees', en: 'Newsletter subscribers' },
];
