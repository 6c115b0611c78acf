import { BASELINE_SECURITY, type TemplateActivity, type Text } from './types.ts';

/**
 * Contact persons of business clients are not party to the contract (that is their employer), so Art. 6(1)(b) does
 * not cover them; the legitimate interest is written out as the three-step balancing test the AP expects.
 */
export const CONTACT_PERSONS_BALANCING_TEST: Text = {
  nl: 'Gerechtvaardigd belang, met afweging. (1) Belang: wij moeten de contactpersonen van onze zakelijke klanten kunnen bereiken om de overeenkomst met hun werkgever uit te voeren en hen te informeren over wat hun ICT raakt. (2) Noodzaak: alleen zakelijke contactgegevens, niets meer dan daarvoor nodig is. (3) Afweging: de contactpersoon handelt namens de klant en verwacht dit contact, wordt direct geïnformeerd en kan bezwaar maken; wie vertrekt wordt verwijderd. Het belang van de contactpersoon weegt daarom niet zwaarder. Grondslag b geldt niet: de contactpersoon is zelf geen partij bij de overeenkomst.',
  en: 'Legitimate interest, with the balancing test. (1) Interest: we must be able to reach the contact persons of our business clients to perform the contract with their employer and to inform them of what affects their IT. (2) Necessity: business contact details only, nothing beyond what that needs. (3) Balance: the contact person acts on behalf of the client and expects this contact, is informed at once and can object; leavers are removed. The contact person’s interests therefore do not override ours. Basis (b) does not apply: the contact person is not party to the contract.',
};

const HR_SYSTEM = ['hr'];
const STAFF = ['staff'];

function staffActivity(
  activity: Omit<TemplateActivity, 'role' | 'subjectCategoryKeys' | 'systemKeys' | 'securityMeasures'>,
): TemplateActivity {
  return {
    role: 'controller',
    subjectCategoryKeys: STAFF,
    systemKeys: HR_SYSTEM,
    securityMeasures: BASELINE_SECURITY,
    ...activity,
  };
}

/**
 * Staff administration split by purpose, each with its own retention from reference/retention-nl.json: `payroll`,
 * `payroll-id-copy`, `personnel-file` (also for sickness data, which leaves with the file).
 */
export const STAFF_ACTIVITIES: TemplateActivity[] = [
  staffActivity({
    name: { nl: 'Salarisadministratie en loonheffingen', en: 'Payroll and wage tax records' },
    description: {
      nl: 'Salarisberekening, loonstroken, aangiften loonheffingen en pensioen.',
      en: 'Salary calculation, payslips, wage tax returns and pension.',
    },
    purposes: [
      { nl: 'Salaris betalen en loonheffingen afdragen', en: 'Paying salaries and wage taxes' },
      { nl: 'De fiscale bewaarplicht nakomen', en: 'Meeting the fiscal retention duty' },
    ],
    legalBasis: 'c',
    legalBasisJustification: {
      nl: 'Wettelijke verplichting als werkgever (Wet op de loonbelasting 1964, art. 52 AWR); het BSN alleen omdat die wet het voorschrijft (art. 46 UAVG).',
      en: 'Legal obligation as employer (Dutch Wage Tax Act 1964, Art. 52 AWR); the BSN only because that act prescribes it (Art. 46 UAVG).',
    },
    dataCategoryKeys: ['contact-details', 'identification', 'bsn', 'employment', 'financial'],
    recipientCategories: {
      nl: 'Belastingdienst, pensioenfonds, salarisverwerker',
      en: 'Tax authority, pension fund, payroll provider',
    },
    retention: { presetId: 'payroll' },
    isDpiaRequired: false,
    dpiaReason: { nl: 'Gewone salarisadministratie.', en: 'Ordinary payroll administration.' },
  }),
  staffActivity({
    name: { nl: 'Kopie identiteitsbewijs van werknemers', en: 'Copy of employees’ identity documents' },
    description: {
      nl: 'De kopie van het identiteitsbewijs en de loonbelastingverklaring bij indiensttreding.',
      en: 'The copy of the identity document and the wage tax declaration on joining.',
    },
    purposes: [
      {
        nl: 'De identiteit van de werknemer vaststellen voor de loonheffingen',
        en: 'Establishing the employee’s identity for wage taxes',
      },
    ],
    legalBasis: 'c',
    legalBasisJustification: {
      nl: 'Wettelijke verplichting: de werkgever stelt de identiteit vast en bewaart een kopie van het identiteitsbewijs (art. 28 Wet op de loonbelasting 1964).',
      en: 'Legal obligation: the employer establishes the identity and keeps a copy of the identity document (Art. 28 Dutch Wage Tax Act 1964).',
    },
    dataCategoryKeys: ['identification', 'bsn', 'id-document'],
    recipientCategories: { nl: 'Belastingdienst (bij controle)', en: 'Tax authority (on audit)' },
    retention: { presetId: 'payroll-id-copy' },
    isDpiaRequired: false,
    dpiaReason: { nl: 'Wettelijk voorgeschreven, kleinschalig.', en: 'Prescribed by law, small-scale.' },
  }),
  staffActivity({
    name: { nl: 'Personeelsdossier', en: 'Personnel file' },
    description: {
      nl: 'Arbeidsovereenkomst, functie, beoordelingen en afspraken met de werknemer.',
      en: 'Employment contract, position, appraisals and agreements with the employee.',
    },
    purposes: [{ nl: 'De arbeidsovereenkomst uitvoeren', en: 'Performing the employment contract' }],
    legalBasis: 'b',
    legalBasisJustification: {
      nl: 'Nodig voor de uitvoering van de arbeidsovereenkomst met de werknemer, die zelf partij is.',
      en: 'Necessary to perform the employment contract with the employee, who is party to it.',
    },
    dataCategoryKeys: ['contact-details', 'identification', 'employment'],
    recipientCategories: { nl: '', en: '' },
    retention: { presetId: 'personnel-file' },
    isDpiaRequired: false,
    dpiaReason: { nl: 'Gewone personeelsadministratie.', en: 'Ordinary personnel administration.' },
  }),
  staffActivity({
    name: { nl: 'Verzuimregistratie', en: 'Sickness absence records' },
    description: {
      nl: 'Ziek- en herstelmeldingen, verzuimduur en afspraken over re-integratie; de diagnose registreert de bedrijfsarts, wij niet.',
      en: 'Sick and recovery reports, length of absence and reintegration arrangements; the company doctor records the diagnosis, we do not.',
    },
    purposes: [
      {
        nl: 'Loon doorbetalen bij ziekte en de re-integratie begeleiden',
        en: 'Continuing pay during sickness and supporting reintegration',
      },
    ],
    legalBasis: 'c',
    legalBasisJustification: {
      nl: 'Wettelijke verplichting: loondoorbetaling bij ziekte en re-integratie (art. 7:629 en 7:658a BW, Wet verbetering poortwachter). Gezondheidsgegevens: art. 9 lid 2 sub b AVG in samenhang met art. 30 lid 1 UAVG, alleen wat de werkgever mag vastleggen.',
      en: 'Legal obligation: continued pay during sickness and reintegration (Arts. 7:629 and 7:658a Dutch Civil Code, Gatekeeper Improvement Act). Health data: Art. 9(2)(b) GDPR together with Art. 30(1) UAVG, only what an employer may record.',
    },
    specialCategoryGround: 'b',
    dataCategoryKeys: ['contact-details', 'employment', 'health'],
    recipientCategories: {
      nl: 'Arbodienst of bedrijfsarts, UWV bij langdurig verzuim',
      en: 'Occupational health service or company doctor, UWV for long-term absence',
    },
    retention: { presetId: 'personnel-file' },
    isDpiaRequired: false,
    dpiaReason: {
      nl: 'Gezondheidsgegevens, maar kleinschalig en alleen voor de wettelijke plicht.',
      en: 'Health data, but small-scale and only for the legal duty.',
    },
  }),
];
