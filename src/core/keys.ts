// Keys from the contract (CONTRACT.md sections 2 and 3). Meaning: the users' manual, Figure 1.

export const LANGS = ['sq', 'mk', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGS as readonly string[]).includes(v);

export const SERVICE_GROUPS = [
  'prevention',
  'information',
  'professional_help',
  'counselling',
  'home',
  'community_day',
  'community_temporary',
  'out_of_family',
  'other',
] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

/** Service key → its group (manual, Figure 1). */
export const SERVICE_GROUP_OF = {
  prevention: 'prevention',
  information: 'information',
  professional_help: 'professional_help',
  counselling: 'counselling',
  home_care: 'home',
  personal_assistance: 'home',
  day_care: 'community_day',
  rehabilitation: 'community_day',
  resocialisation: 'community_day',
  temporary_stay: 'community_temporary',
  respite_care: 'community_temporary',
  halfway_house: 'community_temporary',
  supported_living: 'out_of_family',
  foster_care: 'out_of_family',
  residential_care: 'out_of_family',
  other: 'other',
} as const satisfies Record<string, ServiceGroup>;
export type ServiceKey = keyof typeof SERVICE_GROUP_OF;
export const SERVICE_KEYS = Object.keys(SERVICE_GROUP_OF) as ServiceKey[];
export const isServiceKey = (v: unknown): v is ServiceKey =>
  typeof v === 'string' && Object.prototype.hasOwnProperty.call(SERVICE_GROUP_OF, v);

export const CATEGORY_KEYS = [
  'children_at_risk',
  'children_conflict_law',
  'children_without_parental_care',
  'persons_with_disabilities',
  'severe_disability',
  'blind',
  'elderly',
  'elderly_alone',
  'marginalised',
  'dv_victims',
  'trafficking_victims',
  'homeless',
  'after_prison',
  'addictions',
  'family_caregivers',
  'asylum_seekers',
  'social_assistance_households',
  'roma_egyptian',
  'jobseekers',
  'lgbtiq',
] as const;
export type CategoryKey = (typeof CATEGORY_KEYS)[number];
export const isCategoryKey = (v: unknown): v is CategoryKey =>
  typeof v === 'string' && (CATEGORY_KEYS as readonly string[]).includes(v);

/** Population keys (contract 1, indicators). */
export const POPULATION_KEYS = ['population', 'population_0_17', 'population_65_plus', 'households', 'area_km2'] as const;

export const UNIT_LEVELS = ['country', 'region', 'municipality', 'admin_unit', 'settlement'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
export const isUnitLevel = (v: unknown): v is UnitLevel =>
  typeof v === 'string' && (UNIT_LEVELS as readonly string[]).includes(v);

export const PROVIDER_TYPES = ['public', 'ngo', 'private', 'mixed'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

export const SERVICE_STATUSES = ['active', 'partial', 'online', 'mobile', 'planned', 'closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

export const CAPACITY_KINDS = ['building', 'rooms', 'staff', 'donor', 'funding', 'other'] as const;
export type CapacityKind = (typeof CAPACITY_KINDS)[number];
