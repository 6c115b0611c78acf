import { CONTACT_PERSONS_BALANCING_TEST, STAFF_ACTIVITIES } from './staff.ts';
import { BASELINE_SECURITY, type RegisterTemplate } from './types.ts';

/** An ICT service provider (managed services for small businesses); modelled on seeds/000_…txt. */
export const ictProviderTemplate: RegisterTemplate = {
  id: 'ict_provider',
  name: { nl: 'ICT-dienstverlener', en: 'ICT service provider' },
  description: {
    nl: 'Tickets en beheer voor klanten als verwerker, een CRM met transparantiemail, sollicitanten, personeel en beveiligingsmonitoring.',
    en: 'Tickets and management for clients as a processor, a CRM with a transparency e-mail, applicants, staff and security monitoring.',
  },
  systems: [
    {
      key: 'crm',
      name: { nl: 'CRM', en: 'CRM' },
      kind: 'crm',
      description: {
        nl: 'Klanten en hun contactpersonen; nieuwe contactpersonen krijgen direct een transparantiemail.',
        en: 'Clients and their contact persons; new contacts receive a transparency e-mail at once.',
      },
      dataCategoryKeys: ['contact-details'],
    },
    {
      key: 'ticketing',
      name: { nl: 'Ticketsysteem', en: 'Ticket system' },
      kind: 'ticketing',
      description: {
        nl: 'Meldingen, vragen en storingen van medewerkers van klanten.',
        en: 'Requests, questions and incidents from client staff.',
      },
      dataCategoryKeys: ['contact-details', 'communication', 'technical'],
    },
    {
      key: 'rmm',
      name: { nl: 'Beheer- en monitoringplatform (RMM)', en: 'Remote management and monitoring (RMM)' },
      kind: 'other',
      description: {
        nl: 'Beheer op afstand en monitoring van werkplekken en servers van klanten.',
        en: 'Remote management and monitoring of client workstations and servers.',
      },
      dataCategoryKeys: ['technical', 'credentials'],
    },
    {
      key: 'password-vault',
      name: { nl: 'Wachtwoordkluis', en: 'Password vault' },
      kind: 'other',
      description: {
        nl: 'Alleen beheerwachtwoorden die nodig zijn voor het beheer; geen persoonlijke wachtwoorden.',
        en: 'Only the administrative passwords management needs; no personal passwords.',
      },
      dataCategoryKeys: ['credentials'],
    },
    {
      key: 'mailbox',
      name: { nl: 'Zakelijke mailbox', en: 'Business mailbox' },
      kind: 'mailbox',
      description: {
        nl: 'E-mail met klanten, leveranciers en sollicitanten.',
        en: 'E-mail with clients, suppliers and applicants.',
      },
      dataCategoryKeys: ['contact-details', 'communication'],
    },
    {
      key: 'administration',
      name: { nl: 'Boekhoudpakket', en: 'Accounting package' },
      kind: 'administration',
      description: { nl: 'Facturen, contracten en betalingen.', en: 'Invoices, contracts and payments.' },
      dataCategoryKeys: ['contact-details', 'financial', 'contract'],
    },
    {
      key: 'hr',
      name: { nl: 'Personeels- en salarisadministratie', en: 'HR and payroll administration' },
      kind: 'hr',
      description: { nl: 'Personeelsdossiers en salarisverwerking.', en: 'Personnel files and payroll.' },
      dataCategoryKeys: [
        'contact-details',
        'identification',
        'bsn',
        'id-document',
        'employment',
        'financial',
        'health',
      ],
    },
    {
      key: 'backup',
      name: { nl: 'Versleutelde back-up op een ander platform', en: 'Encrypted backup on another platform' },
      kind: 'backup',
      description: {
        nl: 'Back-up van de eigen systemen en die van klanten, versleuteld, buiten het primaire platform.',
        en: 'Backup of our own and clients’ systems, encrypted, outside the primary platform.',
      },
      dataCategoryKeys: ['contact-details', 'communication', 'technical'],
    },
  ],
  activities: [
    {
      name: { nl: 'Ticketafhandeling en beheer voor klanten', en: 'Ticket handling and management for clients' },
      description: {
        nl: 'Wij verwerken alleen gegevens van medewerkers van klanten die zelf contact opnemen voor een ticket, vraag of probleem.',
        en: 'We only process data of client staff who contact us themselves with a ticket, question or problem.',
      },
      role: 'processor',
      controllerName: { nl: 'Klanten (per verwerkersovereenkomst)', en: 'Clients (under each processing agreement)' },
      processingCategories: {
        nl: 'Tickets afhandelen, werkplekken en servers beheren en monitoren, back-ups maken en herstellen',
        en: 'Handling tickets, managing and monitoring workstations and servers, making and restoring backups',
      },
      purposes: [
        {
          nl: 'ICT-beheer en ondersteuning in opdracht van klanten',
          en: 'ICT management and support on behalf of clients',
        },
      ],
      legalBasis: null,
      legalBasisJustification: { nl: '', en: '' },
      subjectCategoryKeys: ['client-staff'],
      dataCategoryKeys: ['contact-details', 'communication', 'technical', 'credentials'],
      systemKeys: ['ticketing', 'rmm', 'password-vault', 'backup'],
      recipientCategories: {
        nl: 'Subverwerkers: leveranciers van ticketsysteem, beheerplatform en back-up',
        en: 'Sub-processors: suppliers of the ticket system, management platform and backup',
      },
      retention: {
        kind: 'until_event',
        startEvent: {
          nl: 'het einde van de overeenkomst met de klant (daarna teruggeven of verwijderen)',
          en: 'the end of the contract with the client (then returned or deleted)',
        },
        reference: { nl: 'Art. 28 lid 3 sub g AVG', en: 'Art. 28(3)(g) GDPR' },
      },
      securityMeasures: {
        nl: `${BASELINE_SECURITY.nl} Alleen software met ISO 27001-certificering; firewalls; monitoring op afwijkingen; gesimuleerde phishingaanvallen voor eigen personeel.`,
        en: `${BASELINE_SECURITY.en} Only ISO 27001-certified software; firewalls; monitoring for anomalies; simulated phishing attacks for our own staff.`,
      },
      isDpiaRequired: false,
      dpiaReason: {
        nl: 'Beheer van kantoorautomatisering, geen grootschalige of bijzondere verwerking.',
        en: 'Managing office IT, no large-scale or special processing.',
      },
    },
    {
      name: { nl: 'Klantrelaties en transparantiemail (CRM)', en: 'Client relations and transparency e-mail (CRM)' },
      description: {
        nl: 'Contactpersonen van klanten in het CRM; wie wordt aangemaakt krijgt direct een mail welke gegevens wij verwerken. Vertrekkers worden meteen opgeschoond.',
        en: 'Client contact persons in the CRM; each new contact immediately receives an e-mail on which data we process. Leavers are removed at once.',
      },
      role: 'controller',
      purposes: [
        { nl: 'De overeenkomst met de klant uitvoeren', en: 'Performing the contract with the client' },
        {
          nl: 'Medewerkers van klanten informeren over relevante zaken, zoals een storing bij hun provider',
          en: 'Informing client staff about relevant matters, such as an outage at their provider',
        },
      ],
      legalBasis: 'f',
      legalBasisJustification: CONTACT_PERSONS_BALANCING_TEST,
      forPrivateClients: {
        legalBasis: 'b',
        legalBasisJustification: {
          nl: 'Nodig om de ICT-overeenkomst uit te voeren met de klant, die als particulier of eenmanszaak zelf partij is bij de overeenkomst.',
          en: 'Necessary to perform the ICT contract with the client, who as a consumer or sole trader is party to the contract.',
        },
        subjectCategoryKeys: ['customers'],
      },
      subjectCategoryKeys: ['client-contacts'],
      dataCategoryKeys: ['contact-details'],
      systemKeys: ['crm', 'mailbox'],
      recipientCategories: { nl: '', en: '' },
      retention: { presetId: 'crm-leavers' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Alleen zakelijke contactgegevens.', en: 'Business contact details only.' },
    },
    {
      name: { nl: 'Klantadministratie en facturatie', en: 'Client administration and invoicing' },
      description: {
        nl: 'Contracten, facturen en betalingen van klanten.',
        en: 'Contracts, invoices and payments of clients.',
      },
      role: 'controller',
      purposes: [
        { nl: 'Factureren en de fiscale administratie voeren', en: 'Invoicing and keeping the fiscal records' },
      ],
      legalBasis: 'c',
      legalBasisJustification: {
        nl: 'Fiscale bewaarplicht (art. 52 AWR); de facturen zelf volgen uit de overeenkomst.',
        en: 'Fiscal retention duty (Art. 52 AWR); the invoices themselves follow from the contract.',
      },
      subjectCategoryKeys: ['client-contacts'],
      dataCategoryKeys: ['contact-details', 'financial', 'contract'],
      systemKeys: ['administration'],
      recipientCategories: {
        nl: 'Belastingdienst (bij controle), accountant',
        en: 'Tax authority (on audit), accountant',
      },
      retention: { presetId: 'fiscal-records' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Gewone administratie.', en: 'Ordinary administration.' },
    },
    {
      name: { nl: 'Werving en selectie', en: 'Recruitment' },
      description: {
        nl: 'Sollicitaties; alle gegevens worden na afronding van de procedure verwijderd, langer alleen met toestemming.',
        en: 'Applications; all data is deleted once the procedure ends, longer only with consent.',
      },
      role: 'controller',
      purposes: [
        {
          nl: 'Een geschikte kandidaat voor een vacature selecteren',
          en: 'Selecting a suitable candidate for a vacancy',
        },
      ],
      legalBasis: 'b',
      legalBasisJustification: {
        nl: 'Stappen op verzoek van de sollicitant vóór een mogelijke arbeidsovereenkomst.',
        en: 'Steps at the applicant’s request before a possible employment contract.',
      },
      subjectCategoryKeys: ['applicants'],
      dataCategoryKeys: ['contact-details', 'application'],
      systemKeys: ['mailbox'],
      recipientCategories: { nl: '', en: '' },
      retention: { presetId: 'applicants' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Kleinschalige werving.', en: 'Small-scale recruitment.' },
    },
    ...STAFF_ACTIVITIES,
    {
      name: { nl: 'Beveiligingsmonitoring en phishingtraining', en: 'Security monitoring and phishing training' },
      description: {
        nl: 'Monitoring van eigen systemen op afwijkingen en gesimuleerde phishingaanvallen op eigen personeel.',
        en: 'Monitoring our own systems for anomalies and simulated phishing attacks on our own staff.',
      },
      role: 'controller',
      purposes: [{ nl: 'Systemen en gegevens beveiligen', en: 'Securing systems and data' }],
      legalBasis: 'f',
      legalBasisJustification: {
        nl: 'Gerechtvaardigd belang: beveiliging van onze en klantgegevens; beperkt tot technische gegevens en geaggregeerde trainingsresultaten.',
        en: 'Legitimate interest: protecting our and our clients’ data; limited to technical data and aggregated training results.',
      },
      subjectCategoryKeys: ['staff'],
      dataCategoryKeys: ['technical'],
      systemKeys: ['rmm'],
      recipientCategories: { nl: '', en: '' },
      retention: {
        kind: 'period',
        amount: 6,
        unit: 'months',
        startEvent: { nl: 'het moment van registratie', en: 'the moment of recording' },
        reference: { nl: 'eigen beleid (art. 32 AVG)', en: 'own policy (Art. 32 GDPR)' },
      },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: {
        nl: 'Geen stelselmatige monitoring van gedrag van personen.',
        en: 'No systematic monitoring of individuals’ behaviour.',
      },
    },
  ],
};
