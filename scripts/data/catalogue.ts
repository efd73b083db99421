// Templates for the illustrative services inventory: which service keys, for whom, by whom,
// how big. Counts give ≈140 services plus one Centre for Social Work per CSW seat.
import type { ProviderType, ServiceKey } from '../../src/core/keys';

export interface ServiceTemplate {
  service: ServiceKey;
  label: string;
  targets: readonly string[];
  count: number;
  providers: readonly (readonly [ProviderType, number])[];
  /** Places (users at once): [min, max]; null = the service has no meaningful place count. */
  capacity: readonly [number, number] | null;
  /** Users when capacity is null: [min, max]. */
  users?: readonly [number, number];
  /** May cover neighbouring municipalities (serves) and/or be mobile or online. */
  regional?: boolean;
  mobile?: boolean;
  online?: boolean;
}

export const TEMPLATES: readonly ServiceTemplate[] = [
  {
    service: 'prevention',
    label: 'Prevention programme for young people',
    targets: ['children_at_risk', 'addictions'],
    count: 5,
    providers: [
      ['ngo', 3],
      ['public', 1],
    ],
    capacity: null,
    users: [20, 200],
    mobile: true,
  },
  {
    service: 'prevention',
    label: 'Community outreach and early detection',
    targets: ['marginalised', 'roma_egyptian', 'social_assistance_households'],
    count: 4,
    providers: [
      ['ngo', 2],
      ['mixed', 1],
    ],
    capacity: null,
    users: [30, 300],
    mobile: true,
  },
  {
    service: 'information',
    label: 'Information and referral point',
    targets: ['social_assistance_households', 'persons_with_disabilities', 'elderly', 'jobseekers'],
    count: 8,
    providers: [
      ['public', 2],
      ['ngo', 2],
    ],
    capacity: null,
    users: [50, 600],
    online: true,
  },
  {
    service: 'professional_help',
    label: 'Legal and psychosocial support',
    targets: ['dv_victims', 'marginalised', 'asylum_seekers'],
    count: 4,
    providers: [['ngo', 1]],
    capacity: [10, 40],
    regional: true,
  },
  {
    service: 'counselling',
    label: 'Family counselling centre',
    targets: ['children_at_risk', 'dv_victims', 'social_assistance_households'],
    count: 6,
    providers: [
      ['public', 2],
      ['ngo', 1],
    ],
    capacity: [10, 40],
    online: true,
  },
  {
    service: 'counselling',
    label: 'Counselling for victims of domestic violence',
    targets: ['dv_victims'],
    count: 4,
    providers: [['ngo', 1]],
    capacity: [5, 25],
    online: true,
    regional: true,
  },
  {
    service: 'counselling',
    label: 'Counselling for persons with addictions and their families',
    targets: ['addictions', 'family_caregivers'],
    count: 3,
    providers: [
      ['ngo', 2],
      ['private', 1],
    ],
    capacity: [10, 30],
  },
  {
    service: 'home_care',
    label: 'Home help and care for the elderly',
    targets: ['elderly', 'elderly_alone', 'severe_disability'],
    count: 12,
    providers: [
      ['public', 2],
      ['ngo', 2],
      ['private', 1],
    ],
    capacity: [15, 80],
    mobile: true,
    regional: true,
  },
  {
    service: 'home_care',
    label: 'Home care for blind and severely disabled persons',
    targets: ['severe_disability', 'blind'],
    count: 4,
    providers: [
      ['ngo', 2],
      ['mixed', 1],
    ],
    capacity: [8, 30],
    mobile: true,
  },
  {
    service: 'personal_assistance',
    label: 'Personal assistance service',
    targets: ['severe_disability', 'blind'],
    count: 9,
    providers: [
      ['ngo', 3],
      ['public', 1],
      ['mixed', 1],
    ],
    capacity: [10, 45],
    regional: true,
  },
  {
    service: 'day_care',
    label: 'Day centre for the elderly',
    targets: ['elderly', 'elderly_alone'],
    count: 8,
    providers: [
      ['public', 3],
      ['ngo', 1],
      ['private', 1],
    ],
    capacity: [20, 60],
    regional: true,
  },
  {
    service: 'day_care',
    label: 'Day centre for persons with disabilities',
    targets: ['persons_with_disabilities', 'severe_disability'],
    count: 8,
    providers: [
      ['public', 2],
      ['ngo', 2],
      ['mixed', 1],
    ],
    capacity: [15, 40],
    regional: true,
  },
  {
    service: 'day_care',
    label: 'Day centre for children at risk and street children',
    targets: ['children_at_risk', 'marginalised', 'roma_egyptian'],
    count: 6,
    providers: [
      ['ngo', 2],
      ['public', 1],
    ],
    capacity: [15, 35],
  },
  {
    service: 'rehabilitation',
    label: 'Rehabilitation and reintegration centre',
    targets: ['persons_with_disabilities', 'children_at_risk', 'marginalised'],
    count: 6,
    providers: [
      ['public', 1],
      ['ngo', 1],
    ],
    capacity: [15, 50],
    regional: true,
  },
  {
    service: 'resocialisation',
    label: 'Resocialisation programme',
    targets: ['children_conflict_law', 'after_prison'],
    count: 4,
    providers: [
      ['ngo', 2],
      ['public', 1],
    ],
    capacity: [10, 25],
    regional: true,
  },
  {
    service: 'temporary_stay',
    label: 'Shelter for victims of domestic violence',
    targets: ['dv_victims', 'trafficking_victims'],
    count: 4,
    providers: [
      ['ngo', 1],
      ['public', 1],
    ],
    capacity: [6, 20],
    regional: true,
  },
  {
    service: 'temporary_stay',
    label: 'Shelter for homeless persons',
    targets: ['homeless'],
    count: 3,
    providers: [
      ['public', 1],
      ['mixed', 1],
    ],
    capacity: [15, 40],
    regional: true,
  },
  {
    service: 'temporary_stay',
    label: 'Emergency shelter for children',
    targets: ['children_without_parental_care', 'children_at_risk'],
    count: 2,
    providers: [['public', 1]],
    capacity: [6, 16],
    regional: true,
  },
  {
    service: 'respite_care',
    label: 'Respite care for family caregivers',
    targets: ['family_caregivers', 'persons_with_disabilities', 'elderly', 'severe_disability'],
    count: 4,
    providers: [
      ['ngo', 1],
      ['public', 1],
    ],
    capacity: [5, 12],
    regional: true,
  },
  {
    service: 'halfway_house',
    label: 'Halfway house for young people leaving care',
    targets: ['children_without_parental_care', 'after_prison', 'addictions'],
    count: 4,
    providers: [
      ['ngo', 1],
      ['public', 1],
    ],
    capacity: [6, 12],
    regional: true,
  },
  {
    service: 'supported_living',
    label: 'Supported living unit for adults with disabilities',
    targets: ['persons_with_disabilities'],
    count: 7,
    providers: [
      ['public', 2],
      ['ngo', 1],
    ],
    capacity: [4, 5],
  },
  {
    service: 'supported_living',
    label: 'Small group home for children without parental care',
    targets: ['children_without_parental_care'],
    count: 5,
    providers: [
      ['public', 2],
      ['ngo', 1],
    ],
    capacity: [5, 7],
  },
  {
    service: 'foster_care',
    label: 'Foster families network',
    targets: ['children_without_parental_care', 'children_at_risk'],
    count: 8,
    providers: [['public', 1]],
    capacity: [8, 40],
    regional: true,
  },
  {
    service: 'residential_care',
    label: 'Home for the elderly',
    targets: ['elderly', 'elderly_alone'],
    count: 7,
    providers: [
      ['public', 2],
      ['private', 2],
    ],
    capacity: [30, 180],
    regional: true,
  },
  {
    service: 'residential_care',
    label: 'Residential institution for persons with disabilities',
    targets: ['persons_with_disabilities', 'severe_disability'],
    count: 3,
    providers: [['public', 1]],
    capacity: [40, 150],
    regional: true,
  },
  {
    service: 'other',
    label: 'Integrated socio-health service',
    targets: ['elderly', 'persons_with_disabilities'],
    count: 3,
    providers: [
      ['mixed', 1],
      ['ngo', 1],
    ],
    capacity: [10, 40],
    mobile: true,
  },
  {
    service: 'other',
    label: 'Socio-educational community centre',
    targets: ['children_at_risk', 'roma_egyptian', 'marginalised'],
    count: 2,
    providers: [['ngo', 1]],
    capacity: [20, 60],
  },
];

/**
 * Seats of the 30 inter-municipal Centres for Social Work (general knowledge, not from
 * data/facts). The Skopje centre is placed in Centar. Catchments are illustrative: each
 * municipality goes to the nearest seat of its own planning region.
 */
export const CSW_SEATS: readonly string[] = [
  'Berovo',
  'Bitola',
  'Valandovo',
  'Veles',
  'Vinica',
  'Gevgelija',
  'Gostivar',
  'Debar',
  'Delčevo',
  'Demir Hisar',
  'Kavadarci',
  'Kičevo',
  'Kočani',
  'Kratovo',
  'Kriva Palanka',
  'Kruševo',
  'Kumanovo',
  'Makedonski Brod',
  'Negotino',
  'Ohrid',
  'Prilep',
  'Probištip',
  'Radoviš',
  'Resen',
  'Sveti Nikole',
  'Centar',
  'Struga',
  'Strumica',
  'Tetovo',
  'Štip',
];

export const NGO_NAMES: readonly string[] = [
  'Together',
  'Open Hand',
  'New Day',
  'Bridge',
  'Sunrise',
  'Equal Chance',
  'Roots',
  'Care Net',
  'Hope and Help',
  'Neighbours',
];
export const PRIVATE_NAMES: readonly string[] = [
  'Care Plus',
  'Golden Age',
  'Home Comfort',
  'Vita Care',
];
