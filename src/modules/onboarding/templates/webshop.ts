import { BASELINE_SECURITY, type RegisterTemplate } from './types.ts';

/** A small webshop selling to consumers. */
export const webshopTemplate: RegisterTemplate = {
  id: 'webshop',
  name: { nl: 'Webwinkel', en: 'Webshop' },
  description: {
    nl: 'Bestellingen, betalingen, klantenservice, een nieuwsbrief (met toestemming of aan bestaande klanten) en website-analyse.',
    en: 'Orders, payments, customer service, a newsletter (with consent or to existing customers) and website analytics.',
  },
  systems: [
    {
      key: 'webshop',
      name: { nl: 'Webwinkelplatform', en: 'Webshop platform' },
      kind: 'webshop',
      description: { nl: 'Producten, klantaccounts en bestellingen.', en: 'Products, customer accounts and orders.' },
      dataCategoryKeys: ['contact-details', 'contract', 'technical'],
    },
    {
      key: 'payment',
      name: { nl: 'Betaalprovider', en: 'Payment service provider' },
      kind: 'payment',
      description: {
        nl: 'Verwerkt betalingen; wij zien geen volledige kaartgegevens.',
        en: 'Processes payments; we see no full card data.',
      },
      dataCategoryKeys: ['contact-details', 'financial'],
    },
    {
      key: 'administration',
      name: { nl: 'Boekhoudpakket', en: 'Accounting package' },
      kind: 'administration',
      description: { nl: 'Facturen en betalingen.', en: 'Invoices and payments.' },
      dataCategoryKeys: ['contact-details', 'financial', 'contract'],
    },
    {
      key: 'mailbox',
      name: { nl: 'Klantenservice-mailbox', en: 'Customer service mailbox' },
      kind: 'mailbox',
      description: { nl: 'Vragen, klachten en retouren.', en: 'Questions, complaints and returns.' },
      dataCategoryKeys: ['contact-details', 'communication', 'contract'],
    },
    {
      key: 'newsletter',
      name: { nl: 'Nieuwsbriefdienst', en: 'Newsletter service' },
      kind: 'newsletter',
      description: { nl: 'Abonnees en hun toestemming.', en: 'Subscribers and their consent.' },
      dataCategoryKeys: ['contact-details', 'marketing'],
    },
    {
      key: 'analytics',
      name: { nl: 'Website-analyse', en: 'Website analytics' },
      kind: 'analytics',
      description: {
        nl: 'Bezoekstatistieken, zo privacyvriendelijk mogelijk ingesteld.',
        en: 'Visitor statistics, set up as privacy-friendly as possible.',
      },
      dataCategoryKeys: ['technical', 'website-usage'],
    },
  ],
  activities: [
    {
      name: { nl: 'Bestellingen, levering en retouren', en: 'Orders, delivery and returns' },
      description: { nl: 'Van bestelling tot bezorging en retour.', en: 'From order to delivery and return.' },
      role: 'controller',
      purposes: [
        {
          nl: 'Bestellingen uitvoeren, bezorgen en retouren afhandelen',
          en: 'Fulfilling orders, delivering them and handling returns',
        },
      ],
      legalBasis: 'b',
      legalBasisJustification: {
        nl: 'Nodig voor de koopovereenkomst met de klant.',
        en: 'Necessary for the sales contract with the customer.',
      },
      subjectCategoryKeys: ['customers'],
      dataCategoryKeys: ['contact-details', 'contract'],
      systemKeys: ['webshop', 'mailbox'],
      recipientCategories: { nl: 'Vervoerders en pakketdiensten', en: 'Carriers and parcel services' },
      retention: {
        kind: 'period',
        amount: 2,
        unit: 'years',
        startEvent: { nl: 'de levering of de afgehandelde retour', en: 'delivery or the completed return' },
        reference: {
          nl: 'Eigen beleid: wettelijke garantie en klachttermijn (art. 7:23 BW)',
          en: 'Own policy: statutory warranty and complaint period (Art. 7:23 Dutch Civil Code)',
        },
      },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: {
        nl: 'Gewone klantgegevens van een kleine webwinkel.',
        en: 'Ordinary customer data of a small webshop.',
      },
    },
    {
      name: { nl: 'Betalingen en facturen', en: 'Payments and invoices' },
      description: {
        nl: 'Betalingen via de betaalprovider en de fiscale administratie.',
        en: 'Payments through the payment provider and the fiscal records.',
      },
      role: 'controller',
      purposes: [
        { nl: 'Betalingen ontvangen en de administratie voeren', en: 'Receiving payments and keeping the records' },
      ],
      legalBasis: 'c',
      legalBasisJustification: {
        nl: 'Fiscale bewaarplicht (art. 52 AWR).',
        en: 'Fiscal retention duty (Art. 52 AWR).',
      },
      subjectCategoryKeys: ['customers'],
      dataCategoryKeys: ['contact-details', 'financial'],
      systemKeys: ['payment', 'administration'],
      recipientCategories: {
        nl: 'Betaalprovider, bank, Belastingdienst (bij controle)',
        en: 'Payment provider, bank, tax authority (on audit)',
      },
      retention: { presetId: 'fiscal-records' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: {
        nl: 'Geen volledige kaartgegevens; gewone administratie.',
        en: 'No full card data; ordinary records.',
      },
    },
    {
      name: { nl: 'Klantenservice', en: 'Customer service' },
      description: {
        nl: 'Vragen en klachten per e-mail of formulier.',
        en: 'Questions and complaints by e-mail or form.',
      },
      role: 'controller',
      purposes: [
        { nl: 'Vragen en klachten van klanten beantwoorden', en: 'Answering customers’ questions and complaints' },
      ],
      legalBasis: 'b',
      legalBasisJustification: {
        nl: 'Onderdeel van de koopovereenkomst en de wettelijke garantie.',
        en: 'Part of the sales contract and the statutory warranty.',
      },
      subjectCategoryKeys: ['customers', 'prospects'],
      dataCategoryKeys: ['contact-details', 'communication'],
      systemKeys: ['mailbox'],
      recipientCategories: { nl: '', en: '' },
      retention: { presetId: 'client-communication' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Gewone correspondentie.', en: 'Ordinary correspondence.' },
    },
    {
      name: { nl: 'Nieuwsbrief met toestemming', en: 'Newsletter with consent' },
      description: {
        nl: 'Voor wie geen klant is: alleen met toestemming (dubbele opt-in); afmelden kan in elke mail.',
        en: 'For anyone who is not a customer: only with consent (double opt-in); every mail has an unsubscribe link.',
      },
      role: 'controller',
      purposes: [
        { nl: 'Abonnees informeren over aanbiedingen en nieuws', en: 'Informing subscribers of offers and news' },
      ],
      legalBasis: 'a',
      legalBasisJustification: {
        nl: 'Toestemming (art. 11.7 lid 1 Telecommunicatiewet), vastgelegd met datum en bron; intrekken kan altijd.',
        en: 'Consent (Art. 11.7(1) Dutch Telecommunications Act), recorded with date and source; it can be withdrawn at any time.',
      },
      subjectCategoryKeys: ['newsletter-subscribers'],
      dataCategoryKeys: ['contact-details', 'marketing'],
      systemKeys: ['newsletter'],
      recipientCategories: { nl: '', en: '' },
      retention: { presetId: 'newsletter' },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Geen profilering.', en: 'No profiling.' },
    },
    {
      name: { nl: 'Nieuwsbrief aan bestaande klanten', en: 'Newsletter to existing customers' },
      description: {
        nl: 'Aanbiedingen voor vergelijkbare producten aan klanten die bij een bestelling hun e-mailadres gaven en konden weigeren (soft opt-in); afmelden kan in elke mail.',
        en: 'Offers of similar products to customers who gave their e-mail address with an order and could refuse (soft opt-in); every mail has an unsubscribe link.',
      },
      role: 'controller',
      purposes: [
        {
          nl: 'Klanten informeren over eigen, vergelijkbare producten',
          en: 'Informing customers of our own similar products',
        },
      ],
      legalBasis: 'f',
      legalBasisJustification: {
        nl: 'Gerechtvaardigd belang (direct marketing, overweging 47 AVG) binnen de soft opt-in van art. 11.7 lid 3 Telecommunicatiewet: alleen eigen vergelijkbare producten, bij het verzamelen en in elke mail de mogelijkheid om te weigeren. Na afmelding of bezwaar stopt de verwerking voor dit doel (art. 21 lid 3 AVG).',
        en: 'Legitimate interest (direct marketing, recital 47 GDPR) within the soft opt-in of Art. 11.7(3) Dutch Telecommunications Act: only our own similar products, with the option to refuse when collected and in every mail. After unsubscribing or objecting, processing for this purpose stops (Art. 21(3) GDPR).',
      },
      subjectCategoryKeys: ['customers'],
      dataCategoryKeys: ['contact-details', 'marketing'],
      systemKeys: ['newsletter'],
      recipientCategories: { nl: '', en: '' },
      retention: {
        kind: 'until_event',
        startEvent: { nl: 'afmelding of bezwaar van de klant', en: 'the customer unsubscribing or objecting' },
        reference: {
          nl: 'art. 11.7 lid 3 Telecommunicatiewet; art. 21 lid 3 AVG',
          en: 'Art. 11.7(3) Dutch Telecommunications Act; Art. 21(3) GDPR',
        },
      },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Geen profilering.', en: 'No profiling.' },
    },
    {
      name: { nl: 'Website-analyse en cookies', en: 'Website analytics and cookies' },
      description: {
        nl: 'Bezoekstatistieken; IP-adressen ingekort, geen gegevens gedeeld voor advertenties.',
        en: 'Visitor statistics; IP addresses truncated, no data shared for advertising.',
      },
      role: 'controller',
      purposes: [{ nl: 'De website verbeteren', en: 'Improving the website' }],
      legalBasis: 'f',
      legalBasisJustification: {
        nl: 'Gerechtvaardigd belang bij privacyvriendelijk ingestelde analytische cookies (vrijgesteld van toestemming, art. 11.7a Tw); anders toestemming.',
        en: 'Legitimate interest in analytics cookies set up privacy-friendly (exempt from consent, Art. 11.7a Telecommunications Act); otherwise consent.',
      },
      subjectCategoryKeys: ['website-visitors'],
      dataCategoryKeys: ['technical', 'website-usage'],
      systemKeys: ['analytics'],
      recipientCategories: { nl: '', en: '' },
      retention: {
        kind: 'period',
        amount: 14,
        unit: 'months',
        startEvent: { nl: 'het moment van het bezoek', en: 'the moment of the visit' },
        reference: { nl: 'eigen beleid', en: 'own policy' },
      },
      securityMeasures: BASELINE_SECURITY,
      isDpiaRequired: false,
      dpiaReason: { nl: 'Geen tracking over websites heen.', en: 'No tracking across websites.' },
    },
  ],
};
