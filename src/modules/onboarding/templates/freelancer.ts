import { BASELINE_SECURITY, type RegisterTemplate } from './types.ts';

/** A freelance developer (ZZP) who builds and hosts websites and applications; modelled on seeds/004_…txt. */
export const freelancerTemplate: RegisterTemplate = {
  id: 'freelancer',
  name: { nl: 'Freelance ontwikkelaar (zzp)', en: 'Freelance developer' },
  description: {
    nl: 'Klantadministratie in één pakket, e-mail die na 12 maanden wordt opgeruimd, hosting en back-ups voor klanten als verwerker.',
    en: 'Client administration in one package, e-mail cleaned up after 12 months, hosting and backups for clients as a processor.',
  },
  systems: [
    {
      key: 'administration',
      name: { nl: 'Boekhoudpakket', en: 'Accounting package' },
      kind: 'administration',
      description: {
        nl: 'Eén pakket voor NAW-gegevens, offertes, facturen en betalingen.',
        en: 'One package for addresses, quotes, invoices and payments.',
      },
      dataCategoryKeys: ['contact-details', 'financial', 'contract'],
    },
    {
      key: 'mailbox',
      name: { nl: 'Zakelijke mailbox', en: 'Business mailbox' },
      kind: 'mailbox',
      description: { nl: 'E-mail met klanten en websitebezoekers.', en: 'E-mail with clients and website visitors.' },
      dataCategoryKeys: ['contact-details', 'communication'],
    },
    {
      key: 'website',
      name: { nl: 'Eigen website met contactformulier', en: 'Own website with contact form' },
      kind: 'website',
      description: {
        nl: 'Het contactformulier stuurt berichten naar de mailbox.',
        en: 'The contact form sends messages to the mailbox.',
      },
      dataCategoryKeys: ['contact-details', 'communication', 'technical'],
    },
    {
      key: 'hosting',
      name: { nl: 'Hostingplatform voor klanten', en: 'Hosting platform for clients' },
      kind: 'hosting',
      description: {
        nl: 'Servers waarop websites en applicaties van klanten draaien.',
        en: 'Servers running client websites and applications.',
      },
      dataCategoryKeys: ['contact-details', 'technical', 'credentials'],
    },
    {
      key: 'backup',
      name: { nl: 'Back-ups (primair en offsite)', en: 'Backups (primary and offsite)' },
      kind: 'backup',
      description: {
        nl: 'Twee back-ups in Nederland, een offsite kopie elders in de EU.',
        en: 'Two backups in the Netherlands, an offsite copy elsewhere in the EU.',
      },
      dataCategoryKeys: ['contact-details', 'technical', 'communication'],
    },
  ],
  activities: [
    {
      name: { nl: 'Klantadministratie en facturatie', en: 'Client administration and invoicing' },
      description: {
        nl: 'Offertes, contracten, facturen en betalingen van klanten.',
        en: 'Quotes, contracts, invoices and payments of clients.',
      },
      role: 'controller',
      purposes: [
        {
          nl: 'Offertes en overeenkomsten opstellen en uitvoeren',
          en: 'Preparing and performing quotes and contracts',
        },
        { nl: 'Factureren en de fiscale administratie voeren', en: 'Invoicing and keeping the fiscal records' },
      ],
      legalBasis: 'f',
      legalBasisJustification: {
        nl: 'Gerechtvaardigd belang, met afweging. (1) Belang: offertes, overeenkomsten en facturen afstemmen met de contactpersonen van zakelijke klanten. (2) Noodzaak: alleen zakelijke contactgegevens. (3) Afweging: de contactpersoon handelt namens de klant en verwacht dit contact; het belang van de contactpersoon weegt niet zwaarder. Grondslag b geldt niet, want de contactpersoon is zelf geen partij. Facturen bewaar ik daarnaast op grond van de fiscale bewaarplicht (art. 6 lid 1 sub c AVG).',
        en: 'Legitimate interest, with the balancing test. (1) Interest: agreeing quotes, contracts and invoices with the contact persons of business clients. (2) Necessity: business contact details only. (3) Balance: the contact person acts on behalf of the client and expects this contact; their interests do not override this. Basis (b) does not apply, as the contact person is not party to the contract. Invoices are also kept under the fiscal retention duty (Art. 6(1)(c) GDPR).',
      },
      forPrivateClients: {
        legalBasis: 'b',
        legalBasisJustification: {
          nl: 'Nodig voor de overeenkomst met de klant, die als particulier of eenmanszaak zelf partij is; voor facturen geldt daarnaast de fiscale bewaarplicht (art. 6 lid 1 sub c AVG).',
          en: 'Necessary for the contract with the client, who as a consumer or sole trader is party to it; invoices are also kept under the fiscal retention duty (Art. 6(1)(c) GDPR).',
        },
        subjectCategoryKeys: ['customers'],
      },
      subjectCategoryKeys: ['client-contacts'],
      dataCategoryKeys: ['contact-details', 'financial', 'contract'],
      systemKeys: ['administration'],
      recipientCategories: {
        nl: 'Belastingdienst (bij controle), boekhouder',
        en: 'Tax authority (on audit), bookkeeper',
      },
      retention: { presetId: 'fiscal-records' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: {
        nl: 'Gewone klantadministratie, geen hoog risico.',
        en: 'Ordinary client administration, no high risk.',
      },
    },
    {
      name: { nl: 'Klantgegevens na afloop van de dienstverlening', en: 'Client data after the service ends' },
      description: {
        nl: 'Klanten zonder actieve dienst worden na 12 maanden verwijderd; facturen blijven onder de fiscale bewaarplicht.',
        en: 'Clients without an active service are deleted after 12 months; invoices stay under the fiscal retention duty.',
      },
      role: 'controller',
      purposes: [{ nl: 'Nazorg en heropstart van diensten', en: 'Aftercare and restarting services' }],
      legalBasis: 'f',
      legalBasisJustification: {
        nl: 'Gerechtvaardigd belang: een oud-klant binnen een jaar verder kunnen helpen; daarna weegt het belang niet meer op.',
        en: 'Legitimate interest: helping a former client within a year; after that the interest no longer outweighs theirs.',
      },
      subjectCategoryKeys: ['client-contacts'],
      dataCategoryKeys: ['contact-details', 'contract'],
      systemKeys: ['administration'],
      recipientCategories: { nl: '', en: '' },
      retention: { presetId: 'inactive-clients' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Beperkte gegevens, geen hoog risico.', en: 'Limited data, no high risk.' },
    },
    {
      name: { nl: 'E-mail en contactformulier', en: 'E-mail and contact form' },
      description: {
        nl: 'Niet-triviale communicatie met klanten en bezoekers; wat voor contract of factuur nodig is gaat naar de administratie.',
        en: 'Non-trivial communication with clients and visitors; what a contract or invoice needs moves to the administration.',
      },
      role: 'controller',
      purposes: [
        { nl: 'Vragen van klanten en bezoekers beantwoorden', en: 'Answering questions from clients and visitors' },
      ],
      legalBasis: 'f',
      legalBasisJustification: {
        nl: 'Gerechtvaardigd belang: wie contact opneemt verwacht een antwoord; berichten worden na 12 maanden automatisch verwijderd.',
        en: 'Legitimate interest: whoever gets in touch expects an answer; messages are deleted automatically after 12 months.',
      },
      subjectCategoryKeys: ['client-contacts', 'website-visitors', 'prospects'],
      dataCategoryKeys: ['contact-details', 'communication'],
      systemKeys: ['mailbox', 'website'],
      recipientCategories: { nl: '', en: '' },
      retention: { presetId: 'client-communication' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Gewone correspondentie, geen hoog risico.', en: 'Ordinary correspondence, no high risk.' },
    },
    {
      name: {
        nl: 'Hosting en beheer van websites en applicaties van klanten',
        en: 'Hosting and maintaining client websites and applications',
      },
      description: {
        nl: 'Als verwerker bewaar ik de gegevens in de sites en applicaties van klanten, met back-ups in de EU.',
        en: 'As a processor I keep the data in clients’ sites and applications, with backups in the EU.',
      },
      role: 'processor',
      controllerName: { nl: 'Klanten (per verwerkersovereenkomst)', en: 'Clients (under each processing agreement)' },
      processingCategories: {
        nl: 'Opslag, back-up, herstel en technisch onderhoud van websites en applicaties',
        en: 'Storage, backup, restore and technical maintenance of websites and applications',
      },
      purposes: [
        {
          nl: 'Hosting, back-up en onderhoud in opdracht van klanten',
          en: 'Hosting, backup and maintenance on behalf of clients',
        },
      ],
      legalBasis: null,
      legalBasisJustification: { nl: '', en: '' },
      subjectCategoryKeys: ['customers', 'website-visitors'],
      dataCategoryKeys: ['contact-details', 'technical', 'credentials'],
      systemKeys: ['hosting', 'backup'],
      recipientCategories: {
        nl: 'Subverwerkers: hosting- en back-upleveranciers',
        en: 'Sub-processors: hosting and backup suppliers',
      },
      retention: {
        kind: 'until_event',
        startEvent: {
          nl: 'het einde van de overeenkomst met de klant (daarna teruggeven of verwijderen)',
          en: 'the end of the contract with the client (then returned or deleted)',
        },
        reference: { nl: 'Art. 28 lid 3 sub g AVG', en: 'Art. 28(3)(g) GDPR' },
      },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: null,
      dpiaReason: {
        nl: 'Hangt af van wat de klant in de applicatie verwerkt: vraag het na.',
        en: 'Depends on what the client processes in the application: ask.',
      },
    },
  ],
};
